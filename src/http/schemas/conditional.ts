/**
 * @module Optimistic concurrency on the wire: the `If-Match` request header a conditional write
 * takes, its 412 answer, and the `ETag` a read or write answers with (domain/entity-tag.ts).
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { entityTag, IF_MATCH_PATTERN } from '../../domain/entity-tag.js';
import { problemResponses } from './common.js';

export const ConditionalHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({
    maxLength: 2000, pattern: IF_MATCH_PATTERN,
    description: 'The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since',
  })),
});

export const conditionalResponses = { ...problemResponses, 412: Type.Ref('Problem') };

/** Answers with a representation and its ETag, which a later write sends back in If-Match. */
export function withTag<T>(reply: FastifyReply, representation: T): T {
  reply.header('etag', entityTag(representation));
  return representation;
}
