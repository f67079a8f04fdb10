/**
 * @module Tells a database that can not be reached from any other failure: PostgreSQL down,
 * restarting or unreachable. Such a request is answered 503 (try again), not 500 (a fault of ours),
 * and the process carries on: the pool opens new connections once the server is back.
 */

/** Socket errors of a server that is down or went away, and PostgreSQL's own "going down / starting up" codes. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections; class 08 is "connection exception".
const SERVER = new Set(['57P01', '57P02', '57P03', '53300']);
// What node-postgres says when a connection ends under a query, or the pool waits too long for one.
const MESSAGES = [/^Connection terminated/, /not queryable/, /^timeout exceeded when trying to connect/, /^Connection ended unexpectedly/];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK.has(code) || SERVER.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return MESSAGES.some((m) => m.test(error.message));
}
