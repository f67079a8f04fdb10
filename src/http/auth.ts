/**
 * @module Who is calling: the session cookie resolved to a user, and that user's access to an
 * organization. Routes call `auth.user(request)` or `auth.access(request, organizationId)` and
 * nothing else decides who may enter.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RosterError } from '../domain/errors.js';
import { resolveAccess, type Access, type Actor } from '../services/access.js';
import type { Services } from '../services/index.js';
import type { ResolvedSession } from '../services/sessions.js';
import { actorOf } from '../services/users.js';

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

const resolved = new WeakMap<FastifyRequest, Promise<ResolvedSession | null>>();

export function createAuth(services: Services, cookie: CookieOptions) {
  // `__Host-` binds the cookie to this origin over TLS; plain-HTTP localhost can not use the prefix.
  const cookieName = cookie.secure ? '__Host-roster_session' : 'roster_session';

  function session(request: FastifyRequest): Promise<ResolvedSession | null> {
    let pending = resolved.get(request);
    if (!pending) {
      const token = request.cookies[cookieName];
      pending = token ? services.sessions.resolve(token) : Promise.resolve(null);
      resolved.set(request, pending);
    }
    return pending;
  }

  async function requireSession(request: FastifyRequest): Promise<ResolvedSession> {
    const s = await session(request);
    if (!s) throw new RosterError('auth.required', 'Sign in first');
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
