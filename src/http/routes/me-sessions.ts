/**
 * @module Session management: the signed-in user's own sessions (list, end one, end all others) and
 * an admin ending a member's sessions. Signing in and out is in session.ts.
 */
import { Type } from 'typebox';
import { Id, Nullable, problemResponses, Strict, Timestamp } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const Session = Type.Object({
  id: Id,
  userAgent: Nullable(Type.String({ description: 'The browser or program that signed in' })),
  ipAddress: Nullable(Type.String({ description: 'The address it signed in from' })),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  current: Type.Boolean({ description: 'The session making this request' }),
});

const Ended = Type.Object({ ended: Type.Integer({ description: 'How many sessions ended' }) });

export function meSessionRoutes(app: App, { services, auth }: RouteDeps): void {
  app.get('/api/v1/me/sessions', {
    schema: { tags: ['me', 'session'], summary: 'Your sessions, most recently used first', response: { 200: Type.Object({ items: Type.Array(Session) }), ...problemResponses } },
  }, async (request) => ({ items: await services.sessions.listMine(await auth.requireSession(request)) }));

  app.delete('/api/v1/me/sessions', {
    schema: { tags: ['me', 'session'], summary: 'Sign out everywhere else: every session of yours but this one ends', response: { 200: Ended, ...problemResponses } },
  }, async (request) => services.sessions.endOthers(await auth.requireSession(request)));

  app.delete('/api/v1/me/sessions/:sessionId', {
    schema: {
      tags: ['me', 'session'], summary: 'End one of your sessions (this one too: that signs you out)',
      params: Type.Object({ sessionId: Id }, Strict), response: { 204: Type.Null(), ...problemResponses },
    },
  }, async (request, reply) => {
    const { current } = await services.sessions.endMine(await auth.requireSession(request), request.params.sessionId);
    if (current) auth.clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.delete('/api/v1/organizations/:organizationId/members/:userId/sessions', {
    schema: {
      tags: ['members', 'session'], summary: 'Sign a member out everywhere (members.deactivate; not a member holding permissions you lack)',
      params: Type.Object({ organizationId: Id, userId: Id }, Strict), response: { 200: Ended, ...problemResponses },
    },
  }, async (request) => services.sessions.endMemberSessions(await auth.access(request, request.params.organizationId), request.params.userId));
}
