/**
 * @module Schemas of API keys. The secret appears only in the answer to creating a key; the list's
 * schema has no field for it, so the serializer could not leak it even if a row carried it.
 */
import { Type } from 'typebox';
import { Id, Nullable, Strict, Timestamp } from './common.js';

export const ApiKey = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String({ description: 'The public start of the key, to tell keys apart; it grants nothing alone' }),
  permissions: Type.Array(Type.String()),
  createdBy: Nullable(Id),
  createdAt: Timestamp,
  expiresAt: Nullable(Timestamp),
  lastUsedAt: Nullable(Timestamp),
});

export const CreatedApiKey = Type.Object({
  ...ApiKey.properties,
  key: Type.String({ description: 'The whole key, `rst_<prefix>_<secret>`, for `Authorization: Bearer`; shown this once only' }),
});

export const NewApiKey = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  permissions: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500, description: 'At most the permissions you hold yourself' }),
  expiresAt: Type.Optional(Timestamp),
}, Strict);
