/**
 * @module Helmet's security headers (CSP, HSTS, frame, referrer, ...) on every response.
 * @fastify/helmet builds helmet's middleware again on every request, parsing the CSP directives
 * each time; with no per-request nonce the headers never change, so helmet runs once at start-up
 * and each request gets the same headers in one call (measured in docs/benchmarks.md).
 */
import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

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
