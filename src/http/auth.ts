/**
 * @module Who is calling: a person through the session cookie, or a program through
 * `Authorization: Bearer <api key>`, and their access to an organization. Routes call
 * `auth.actor(request)`, `auth.requireSession(request)` or `auth.access(request, organizationId)`
 * and nothing else decides who may enter.
 *
 * A request carrying a bearer token is a program's: the key is the only credential read (a session
 * cookie beside it is ignored, so a key never borrows a person's rights), it reaches only its own
 * organization's routes, with no more than its creator holds there at that moment, and the routes
 * for people (`/me`, sessions, creating organizations) refuse it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RosterError } from '../domain/errors.js';
import { resolveAccess, type Access, type Actor } from '../services/access.js';
import { apiKeyAccess, creatorMembership, type ApiKeyPrincipal } from '../services/api-keys.js';
import type { Services } from '../services/index.js';
import type { ResolvedSession } from '../services/sessions.js';
import { actorOf } from '../services/users.js';

/** Route config flag: the route stays open while the session has required actions pending. */
export interface RouteFlags {
  duringRequiredActions?: boolean;
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

const resolved = new WeakMap<FastifyRequest, Promise<ResolvedSession | null>>();
const resolvedKeys = new WeakMap<FastifyRequest, Promise<ApiKeyPrincipal | null>>();

/** The token of an `Authorization: Bearer …` header, '' for a bearer header without one; null for none or another scheme. */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : null;
}

export function createAuth(services: Services, cookie: CookieOptions) {
  // `__Host-` binds the cookie to this origin over TLS; plain-HTTP localhost can not use the prefix.
  const cookieName = cookie.secure ? '__Host-roster_session' : 'roster_session';

  function session(request: FastifyRequest): Promise<ResolvedSession | null> {
    let pending = resolved.get(request);
    if (!pending) {
      const token = bearerToken(request) === null ? request.cookies[cookieName] : undefined;
      pending = token ? services.sessions.resolve(token) : Promise.resolve(null);
      resolved.set(request, pending);
    }
    return pending;
  }

  async function apiKey(request: FastifyRequest, token: string): Promise<ApiKeyPrincipal> {
    let pending = resolvedKeys.get(request);
    if (!pending) {
      // Failed keys are counted per address and lock it for a while, like failed sign-ins.
      pending = services.throttle.apiKey(request.ip, () => services.apiKeys.authenticate(token));
      resolvedKeys.set(request, pending);
    }
    const key = await pending;
    if (!key) throw new RosterError('auth.invalid_api_key', 'The API key is not valid: it is unknown, revoked or expired');
    return key;
  }

  async function requireSession(request: FastifyRequest): Promise<ResolvedSession> {
    const token = bearerToken(request);
    if (token !== null) {
      await apiKey(request, token);
      throw new RosterError('auth.forbidden', 'This route is for people signed in; API keys can not use it');
    }
    const s = await session(request);
    if (!s) throw new RosterError('auth.required', 'Sign in first');
    // Until the session has done what it must (accept terms, change password), only the routes
    // that do it, read the profile or sign out are open (seed 002: accept before continuing).
    if (s.pendingActions.length > 0 && !(request.routeOptions.config as RouteFlags | undefined)?.duringRequiredActions) {
      throw new RosterError('auth.action_required', `Complete these first: ${s.pendingActions.join(', ')}`);
    }
    return s;
  }

  return {
    cookieName,
    session,
    requireSession,

    async actor(request: FastifyRequest): Promise<Actor> {
      return actorOf((await requireSession(request)).user);
    },

    async access(request: FastifyRequest, organizationId: string): Promise<Access> {
      const token = bearerToken(request);
      if (token !== null) {
        const key = await apiKey(request, token);
        // Another organization's key learns no more than a non-member does.
        if (key.organizationId !== organizationId) throw new RosterError('organization.not_found', 'No such organization');
        return apiKeyAccess(key, await creatorMembership(services.accessCache, key));
      }
      const s = await requireSession(request);
      return resolveAccess(services.accessCache, actorOf(s.user), organizationId);
    },

    setSessionCookie(reply: FastifyReply, token: string): void {
      reply.setCookie(cookieName, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure, maxAge: cookie.maxAgeSeconds });
    },

    clearSessionCookie(reply: FastifyReply): void {
      reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure });
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
