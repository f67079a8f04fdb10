/**
 * @module Invitations: the admin side (invite a list, list, resend, revoke) and the invitee side
 * (preview and accept by token, which needs no session for a new account).
 */
import { Type } from 'typebox';
import { toUser } from '../../db/queries/users.js';
import { Id, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import { AcceptBody, Invitation, InvitationPreview, InvitationRequest, InvitationResults, InvitationStatus, TokenParams } from '../schemas/invitation.js';
import { User } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

const InvitationParams = Type.Object({ organizationId: Id, invitationId: Id }, Strict);

export function invitationRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId/invitations';

  app.post(base, {
    schema: {
      tags: ['invitations'], summary: 'Invite a comma-separated list of addresses (members.invite); each address gets its own outcome',
      params: OrganizationParams, body: InvitationRequest, response: { 201: InvitationResults, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await services.invitations.invite(await auth.access(request, request.params.organizationId), request.body)));

  app.get(base, {
    schema: {
      tags: ['invitations'], summary: 'Invitations, newest first, with bounces and the server\'s reason (members.invite)',
      params: OrganizationParams, querystring: Type.Object({ ...PageQuery, status: Type.Optional(InvitationStatus) }, Strict),
      response: { 200: PageOf(Invitation), ...problemResponses },
    },
  }, async (request) => services.invitations.list(await auth.access(request, request.params.organizationId), { ...request.query, limit: request.query.limit ?? 50 }));

  app.post(`${base}/:invitationId/resend`, {
    schema: { tags: ['invitations'], summary: 'Send a pending or bounced invitation again with a fresh link (seed 004)', params: InvitationParams, response: { 200: Invitation, ...problemResponses } },
  }, async (request) => services.invitations.resend(await auth.access(request, request.params.organizationId), request.params.invitationId));

  app.delete(`${base}/:invitationId`, {
    schema: { tags: ['invitations'], summary: 'Revoke an invitation: its link stops working', params: InvitationParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.invitations.revoke(await auth.access(request, request.params.organizationId), request.params.invitationId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/invitations/:token', {
    schema: { tags: ['invitations'], summary: 'What an invitation offers, for the invitee (no session needed)', params: TokenParams, security: [], response: { 200: InvitationPreview, ...problemResponses, 410: Type.Ref('Problem') } },
  }, async (request) => services.invitations.preview(request.params.token));

  app.post('/api/v1/invitations/:token/accept', {
    schema: {
      tags: ['invitations'], security: [],
      summary: 'Accept: signed in with the invited address, or as a new user choosing username, names and password',
      params: TokenParams, body: AcceptBody,
      response: { 200: Type.Object({ user: User, organizationId: Id, created: Type.Boolean() }), ...problemResponses, 410: Type.Ref('Problem') },
    },
  }, async (request, reply) => {
    const session = await auth.session(request);
    const result = await services.invitations.accept(request.params.token, session?.user ?? null, request.body);
    if (result.created) {
      const { token } = await services.sessions.start(result.user, { ip: request.ip, userAgent: request.headers['user-agent'] }, result.organizationId);
      auth.setSessionCookie(reply, token);
    }
    return { user: toUser(result.user), organizationId: result.organizationId, created: result.created };
  });
}
