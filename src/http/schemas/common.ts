/**
 * @module Schema pieces every route shares: ids, pagination, problem details. The same schemas
 * validate requests, shape responses and generate the OpenAPI document.
 */
import { Type, type TSchema } from 'typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Opaque identifier' });
export const Timestamp = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Strict = { additionalProperties: false } as const;

/** A name people read. Services trim names, so one of spaces alone would be stored empty: it must hold something else. */
export const Label = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S', description: 'Not blank' });

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String({ description: 'Stable machine-readable error code' }),
  field: Type.Optional(Type.String({ description: 'The request field at fault, e.g. body.email' })),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  rules: Type.Optional(Type.Array(Type.String(), { description: 'user.password_invalid: every password rule broken (minLength, maxLength, lower, upper, digit, symbol, personal, common, reused)' })),
  retryAfter: Type.Optional(Type.Integer({ description: 'auth.locked and rate.limited: seconds to wait, as in the Retry-After header' })),
}, { $id: 'Problem', description: 'RFC 9457 problem details' });

/** Error responses listed on every route, so the OpenAPI document shows them. */
export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
};

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

/** The search of the members list, and of a group's members. */
export const MemberSearchQuery = {
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Search term: a prefix of the username, email, first or last name (any case); with match=substring, any part of them' })),
  match: Type.Optional(Type.Union([Type.Literal('prefix'), Type.Literal('substring')], {
    description: 'How q matches: prefix (default) or substring; a substring of one or two characters matches as a prefix',
  })),
};

export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const OrganizationParams = Type.Object({ organizationId: Id }, Strict);
