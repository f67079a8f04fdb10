/**
 * @module Request validation. Bodies are checked as sent: no type coercion, no silently dropped
 * fields (an unknown field is an error that names it). Query strings and path parameters arrive as
 * text, so there numbers and booleans are coerced from their spelling. Every string, in every part,
 * must be text Roster can store (no NUL, no unpaired surrogate), and every date-time one it can read.
 */
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { isStorableText } from '../domain/text.js';

/** RFC 3339 allows dates a JavaScript Date can not hold (a leap second, an hour-only offset): those fail here, not in a handler. */
function readableDateTime(): (value: string) => boolean {
  const rfc3339 = addFormats.default.get('date-time');
  if (typeof rfc3339 !== 'object' || rfc3339 instanceof RegExp || typeof rfc3339.validate !== 'function') {
    throw new Error('ajv-formats no longer defines date-time as a function');
  }
  const valid = rfc3339.validate as (value: string) => boolean;
  return (value) => valid(value) && !Number.isNaN(Date.parse(value));
}

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, removeAdditional: false, strict: false, ...options });
  addFormats.default(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: readableDateTime() });
  return ajv;
}

/** Ajv's messages, except where its wording would puzzle a reader (`must match pattern "\\S"`). */
function readable(issue: ErrorObject): FastifySchemaValidationError {
  if (issue.keyword === 'pattern' && issue.params.pattern === '\\S') return { ...issue, message: 'must not be blank' };
  return issue;
}

/** The JSON pointer of the first string in `data` that is not storable text, or null. */
function unstorableText(data: unknown, at = ''): string | null {
  if (typeof data === 'string') return isStorableText(data) ? null : at;
  if (data === null || typeof data !== 'object') return null;
  for (const [key, value] of Object.entries(data)) {
    const found = unstorableText(value, `${at}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

export function createValidatorCompiler(sharedSchemas: Record<string, unknown>): FastifySchemaCompiler<unknown> {
  const strictAjv = makeAjv({ coerceTypes: false });
  const textAjv = makeAjv({ coerceTypes: 'array' });
  for (const [id, schema] of Object.entries(sharedSchemas)) {
    strictAjv.addSchema(schema as object, id);
    textAjv.addSchema(schema as object, id);
  }
  return ({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? strictAjv : textAjv).compile(schema as object);
    return (data: unknown) => {
      if (!validate(data)) return { error: (validate.errors ?? []).map(readable) };
      const at = unstorableText(data);
      if (at === null) return true;
      return { error: [{ keyword: 'text', instancePath: at, schemaPath: '', params: {}, message: 'must be text without NUL characters or unpaired surrogates' }] };
    };
  };
}
