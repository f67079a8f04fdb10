/**
 * @module Cross-site request forgery defence. The session cookie is what a forged request would
 * ride on, so three layers keep another site's page from writing with it (docs/security.md):
 *
 * 1. The cookie is `SameSite=Lax`: browsers leave it off cross-site POST, PUT, PATCH and DELETE.
 * 2. Bodies are JSON only: an HTML form can send only form-encoded, multipart or text/plain bodies,
 *    which are refused with 415 before any handler runs, and a cross-origin `fetch` with a JSON body
 *    needs a CORS preflight that Roster never grants.
 * 3. This check: a write that carries no API key is refused with `auth.cross_origin` when the
 *    browser says it comes from elsewhere: an `Origin` that is neither PUBLIC_URL's nor in
 *    ALLOWED_ORIGINS, or, without `Origin`, `Sec-Fetch-Site: cross-site` or `same-site`. Requests
 *    without either header do not come from a browser page (programs, curl) and pass.
 *
 * Sign-in and sign-up are covered too, so another site can not sign a visitor in as someone else.
 * Reads need none of this: no GET changes anything (test/api/web-security.test.ts checks every one).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RosterError } from '../domain/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request must be refused as cross-origin, or null when it may go on. */
export function crossOriginProblem(request: Pick<FastifyRequest, 'method' | 'headers'>, allowedOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const { authorization, origin } = request.headers;
  // A bearer token is never sent by a browser on its own: a request holding one was written by its sender.
  if (typeof authorization === 'string' && /^bearer\s/i.test(authorization.trim())) return null;
  if (typeof origin === 'string') {
    return allowedOrigins.includes(origin.toLowerCase().replace(/\/+$/, '')) ? null : `Requests from ${origin.slice(0, 100)} may not change anything here`;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'Requests from another site may not change anything here';
  return null;
}

export function registerCrossOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const problem = crossOriginProblem(request, allowedOrigins);
    done(problem ? new RosterError('auth.cross_origin', problem) : undefined);
  });
}
