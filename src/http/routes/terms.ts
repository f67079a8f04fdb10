/**
 * @module Terms (seed 002): the instance's and each organization's published terms, and the
 * signed-in user's side — the documents to accept, accepting and declining them. The user's routes
 * stay open while the session waits for `accept_terms`.
 */
import { Type } from 'typebox';
import { RosterError } from '../../domain/errors.js';
import type { TermsChoice } from '../../services/terms.js';
import { Id, Label, Nullable, OrganizationParams, problemResponses, Strict, Timestamp } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const TermsBody = Type.Object({
  version: Label(100),
  text: Type.String({ minLength: 1, maxLength: 200_000, pattern: '\\S', description: 'The terms as people read them; stored exactly as sent' }),
}, Strict);

const Terms = Type.Object({
  id: Id,
  organizationId: Nullable(Id),
  version: Type.String(),
  text: Type.String(),
  publishedAt: Timestamp,
  publishedBy: Nullable(Id),
});

const MyTerms = Type.Object({
  id: Id,
  organizationId: Nullable(Id),
  organizationName: Nullable(Type.String()),
  version: Type.String(),
  text: Type.String(),
  publishedAt: Timestamp,
  accepted: Type.Boolean(),
  acceptedAt: Nullable(Timestamp),
});

const MyTermsList = Type.Object({
  items: Type.Array(MyTerms),
  requiredActions: Type.Array(Type.String(), { description: 'What this session still has to do' }),
});

const AcceptBody = Type.Object({
  termsId: Type.Optional(Id),
  version: Type.Optional(Label(100)),
  organizationId: Type.Optional(Nullable(Id)),
}, { ...Strict, description: 'The document: its termsId, or its version and organizationId (null: the instance\'s terms)' });

function choiceOf(body: { termsId?: string; version?: string; organizationId?: string | null }): TermsChoice {
  if (body.termsId !== undefined && body.version === undefined && body.organizationId === undefined) return { termsId: body.termsId };
  if (body.termsId === undefined && body.version !== undefined && body.organizationId !== undefined) return { version: body.version, organizationId: body.organizationId };
  throw new RosterError('request.invalid', 'Name the terms by termsId alone, or by version and organizationId', body.termsId === undefined ? 'body.organizationId' : 'body.termsId');
}

export function termsRoutes(app: App, { services, auth }: RouteDeps): void {
  app.get('/api/v1/terms', {
    schema: { tags: ['terms'], summary: 'The instance\'s current terms, which every user accepts (no session needed)', security: [], response: { 200: Terms, ...problemResponses } },
  }, async () => services.terms.currentForInstance());

  app.put('/api/v1/terms', {
    schema: {
      tags: ['terms'], summary: 'Publish a version of the instance\'s terms (super admins only); users accept it at their next sign-in',
      body: TermsBody, response: { 200: Terms, ...problemResponses },
    },
  }, async (request) => services.terms.publishForInstance(await auth.actor(request), request.body));

  app.get('/api/v1/organizations/:organizationId/terms', {
    config: { duringRequiredActions: true },
    schema: { tags: ['terms'], summary: 'The organization\'s current terms', params: OrganizationParams, response: { 200: Terms, ...problemResponses } },
  }, async (request) => services.terms.current(await auth.access(request, request.params.organizationId)));

  app.put('/api/v1/organizations/:organizationId/terms', {
    schema: {
      tags: ['terms'], summary: 'Publish a version of the organization\'s terms (settings.manage); members accept it at their next sign-in',
      params: OrganizationParams, body: TermsBody, response: { 200: Terms, ...problemResponses },
    },
  }, async (request) => services.terms.publish(await auth.access(request, request.params.organizationId), request.body));

  app.get('/api/v1/me/terms', {
    config: { duringRequiredActions: true },
    schema: { tags: ['me', 'terms'], summary: 'Every current terms document you must accept (the instance\'s and your organizations\'), each marked accepted or not', response: { 200: MyTermsList, ...problemResponses } },
  }, async (request) => services.terms.listMine(await auth.requireSession(request)));

  app.post('/api/v1/me/terms/accept', {
    config: { duringRequiredActions: true },
    schema: { tags: ['me', 'terms'], summary: 'Accept the current version of a terms document', body: AcceptBody, response: { 200: MyTermsList, ...problemResponses } },
  }, async (request) => {
    const choice = choiceOf(request.body);
    return services.terms.accept(await auth.requireSession(request), choice);
  });

  app.post('/api/v1/me/terms/decline', {
    config: { duringRequiredActions: true },
    schema: { tags: ['me', 'terms'], summary: 'Decline the terms: you are signed out', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.terms.decline(await auth.requireSession(request));
    auth.clearSessionCookie(reply);
    return reply.status(204).send(null);
  });
}
