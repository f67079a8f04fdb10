/**
 * @module Request validation. Bodies are checked as sent: no type coercion, no silently dropped
 * fields (an unknown field is an error that names it). Query strings and path parameters arrive as
 * text, so there numbers and booleans are coerced from their spelling.
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, removeAdditional: false, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function createValidatorCompiler(sharedSchemas: Record<string, unknown>): FastifySchemaCompiler<unknown> {
  const strictAjv = makeAjv({ coerceTypes: false });
  const textAjv = makeAjv({ coerceTypes: 'array' });
  for (const [id, schema] of Object.entries(sharedSchemas)) {
    strictAjv.addSchema(schema as object, id);
    textAjv.addSchema(schema as object, id);
  }
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strictAjv : textAjv;
    return ajv.compile(schema as object);
  };
}
