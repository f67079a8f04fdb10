/**
 * @module The signed-in user's own profile, password and organizations.
 */
import { Type } from 'typebox';
import { toUser } from '../../db/queries/users.js';
import { Id, Nullable, problemResponses, Strict } from '../schemas/common.js';
import { Password, ProfilePatch, User } from '../schemas/user.js';
import type { FastifyReply } from 'fastify';
import type { ResolvedSession } from '../../services/sessions.js';
import type { App, RouteDeps } from '../types.js';

const Me = Type.Object({ ...User.properties, currentOrganizationId: Nullable(Id), requiredActions: Type.Array(Type.String()) });

const MyOrganization = Type.Object({
  organization: Type.Object({ id: Id, name: Type.String() }),
  role: Type.String(),
  status: Type.String(),
  current: Type.Boolean(),
});

export function meRoutes(app: App, { services, auth }: RouteDeps): void {
  const serializedMe = new WeakMap<ResolvedSession, ReturnType<FastifyReply['serialize']>>();

  app.get('/api/v1/me', { config: { duringRequiredActions: true }, schema: { tags: ['me'], summary: 'Your profile, with the actions to complete before anything else', response: { 200: Me, ...problemResponses } } }, async (request, reply) => {
    const session = await auth.requireSession(request);
    // The answer depends on the session alone, and a session served from memory is the same frozen
    // object until something about it changes: its body is serialized (by the route's own
    // serializer, so exactly as it would be) once, not on every request.
    let body = serializedMe.get(session);
    if (body === undefined) {
      body = reply.serialize(Object.assign(toUser(session.user), { currentOrganizationId: session.currentOrganizationId, requiredActions: session.pendingActions }));
      serializedMe.set(session, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.patch('/api/v1/me', {
    schema: { tags: ['me'], summary: 'Edit your profile; the username can not be changed', body: ProfilePatch, response: { 200: User, ...problemResponses } },
  }, async (request) => services.users.updateProfile(await auth.actor(request), request.body, { ip: request.ip }));

  app.put('/api/v1/me/password', {
    // Open while actions are pending: changing the password is how `change_password` is completed.
    config: { duringRequiredActions: true },
    schema: {
      tags: ['me'], summary: 'Change your password; your other sessions end',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Password }, Strict),
      response: { 200: Type.Object({ requiredActions: Type.Array(Type.String()) }), ...problemResponses },
    },
  }, async (request) => {
    const session = await auth.requireSession(request);
    return services.users.changePassword(session, request.body.currentPassword, request.body.newPassword, { ip: request.ip });
  });

  app.get('/api/v1/me/organizations', {
    schema: { tags: ['me'], summary: 'The organizations you belong to ("My Organizations")', response: { 200: Type.Object({ items: Type.Array(MyOrganization) }), ...problemResponses } },
  }, async (request) => {
    const session = await auth.requireSession(request);
    return { items: await services.organizations.listMine(session.user.id, session.currentOrganizationId) };
  });
}
