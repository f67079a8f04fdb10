/**
 * @module Renders every error as RFC 9457 problem details with a stable `code` and, where one field
 * is at fault, its name. Unexpected errors are logged and answered with a plain 500 that leaks
 * nothing.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { ERROR_CODES, RosterError, type ErrorCode } from '../domain/errors.js';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 412: 'Precondition Failed', 413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply, code: ErrorCode, detail: string, field?: string, errors?: Array<{ field: string; message: string }>, extensions?: Record<string, unknown>,
) {
  const status = ERROR_CODES[code];
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: `urn:roster:problem:${code}`, title: TITLES[status] ?? 'Error', status, detail, code, ...(field ? { field } : {}), ...(errors ? { errors } : {}), ...extensions });
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const PARTS: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

function fieldOf(context: string, issue: AjvIssue): string {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  return [PARTS[context] ?? context, path, typeof extra === 'string' ? extra : ''].filter(Boolean).join('.');
}

function fromFastify(error: FastifyError): { code: ErrorCode; detail: string; field?: string; errors?: Array<{ field: string; message: string }> } | null {
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const issues = (error.validation as AjvIssue[]).map((i) => ({ field: fieldOf(context, i), keyword: i.keyword, message: i.message ?? 'is invalid' }));
    const first = issues[0];
    if (!first) return { code: 'request.invalid', detail: 'The request is invalid' };
    const unknown = first.keyword === 'additionalProperties';
    return {
      code: unknown ? 'request.unknown_field' : 'request.invalid',
      detail: unknown ? `${first.field} is not a known field` : `${first.field} ${first.message}`,
      field: first.field,
      errors: issues.map(({ field, message }) => ({ field, message })),
    };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { code: 'payload.too_large', detail: 'The request body is too large' };
  if (status === 415) return { code: 'media_type.unsupported', detail: 'Send the body as application/json' };
  if (status === 429) return { code: 'rate.limited', detail: error.message };
  if (status >= 400 && status < 500) return { code: 'request.invalid', detail: error.message, field: 'body' };
  return null;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | RosterError, request, reply) => {
    if (error instanceof RosterError) {
      // A refusal that ends (a locked sign-in) says when, as rate limits do.
      if (typeof error.extensions?.retryAfter === 'number') reply.header('retry-after', String(error.extensions.retryAfter));
      return sendProblem(reply, error.code, error.message, error.field, undefined, error.extensions);
    }
    const known = fromFastify(error as FastifyError);
    if (known) return sendProblem(reply, known.code, known.detail, known.field, known.errors);
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'the database is unavailable');
      reply.header('retry-after', '5');
      return sendProblem(reply, 'database.unavailable', 'The database can not be reached just now; try again shortly');
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, 'internal', 'Something went wrong on our side; it has been logged');
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
}

/**
 * Errors the router raises before any route or error handler runs (Fastify's `frameworkErrors`
 * option): a path parameter that is not valid percent-encoded UTF-8, or longer than the router takes.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, 'request.uri_too_long', 'A path parameter is longer than any identifier', 'params');
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, 'request.invalid', 'The path is not valid percent-encoded UTF-8', 'params');
  request.log.error({ err: error }, 'unexpected router error');
  return sendProblem(reply, 'internal', 'Something went wrong on our side; it has been logged');
}
