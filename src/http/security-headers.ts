/**
 * @module Helmet's security headers (CSP, HSTS, frame, referrer, ...) on every response, with
 * Roster's policy: scripts, styles and connections from Roster's own origin only, avatars from
 * Gravatar, no framing, `Referrer-Policy: no-referrer` (invitation and reset links carry their
 * token in the URL), and HSTS plus `upgrade-insecure-requests` only when Roster is served over TLS
 * (SECURE_COOKIES), so plain-HTTP localhost keeps working.
 * @fastify/helmet builds helmet's middleware again on every request, parsing the CSP directives
 * each time; with no per-request nonce the headers never change, so helmet runs once at start-up
 * and each request gets the same headers in one call (measured in docs/benchmarks.md).
 */
import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** CSP directives shared by the console pages and the API reference. */
function cspDirectives(secure: boolean, extra: Record<string, string[]> = {}): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'https://www.gravatar.com'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    ...extra,
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** Roster's helmet options; `secure` is whether it is served over TLS. */
export function rosterHelmetOptions(secure: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(secure) },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  };
}

/**
 * The API reference's CSP (Swagger UI at /api/v1/docs): the same, except that Swagger UI applies
 * inline styles, which Chromium refuses under `style-src 'self'`; its scripts are files, so
 * `script-src` stays `'self'`. (Checked by loading the page in headless Chromium: no violation.)
 */
export function apiDocsCsp(secure: boolean): string {
  const directives = cspDirectives(secure, { 'style-src': ["'self'", "'unsafe-inline'"] });
  return Object.entries(directives).map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/** The headers helmet sets with these options, worked out on a response that is never sent. */
export function securityHeaders(options?: Readonly<HelmetOptions>): OutgoingHttpHeaders {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(response.req, response, (error?: unknown) => {
    if (error) throw error;
  });
  return response.getHeaders();
}

export function registerSecurityHeaders(app: FastifyInstance, options?: Readonly<HelmetOptions>): void {
  const headers = securityHeaders(options);
  // A route may still set its own value afterwards (the API docs page sets its own CSP).
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
