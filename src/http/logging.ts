/**
 * @module What Roster's request log may hold. Invitation and password reset links carry their secret
 * in the path (`/invitations/{token}`, `/reset-password/{token}`, and the API routes that take it):
 * the token is replaced before a request is logged, as the cookie and Authorization headers are, so a
 * log file never holds a working link.
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** A path segment after one of these is an emailed secret; `//`, letter case and a trailing `/accept` are the router's concern, not an escape. */
const SECRET_IN_PATH = /^(\/+(?:api\/+v1\/+)?(?:invitations|password-resets|reset-password)\/+)[^/?#]+/i;

export const REDACTED = '[token]';

/** The URL as it may be logged: the token of an emailed link replaced, the query kept. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, `$1${REDACTED}`);
}

/** Fastify's own request fields, with the URL redacted. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger of a serving process; `stream` lets a test read what would be written. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization'],
    serializers: { req: serializeRequest as (request: unknown) => Record<string, unknown> },
    ...(stream ? { stream } : {}),
  };
}
