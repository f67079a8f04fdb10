/**
 * @module The signed-in user's own profile and organizations.
 */
import { Type } from 'typebox';
import { toUser } from '../../db/queries/users.js';
import { Id, Nullable, problemResponses } from '../schemas/common.js';
import { ProfilePatch, User } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

const Me = Type.Object({ ...User.properties, currentOrganizationId: Nullable(Id), requiredActions: Type.Array(Type.String()) });

const MyOrganization = Type.Object({
  organization: Type.Object({ id: Id, name: Type.String() }),
  role: Type.String(),
  status: Type.String(),
  current: Type.Boolean(),
});

export function meRoutes(app: App, { services, auth }: RouteDeps): void {
  app.get('/api/v1/me', { config: { duringRequiredActions: true }, schema: { tags: ['me'], summary: 'Your profile, with the actions to complete before anything else', response: { 200: Me, ...problemResponses } } }, async (request) => {
    const session = await auth.requireSession(request);
    return { ...toUser(session.user), currentOrganizationId: session.currentOrganizationId, requiredActions: session.pendingActions };
  });

  app.patch('/api/v1/me', {
    schema: { tags: ['me'], summary: 'Edit your profile; the username can not be changed', body: ProfilePatch, response: { 200: User, ...problemResponses } },
  }, async (request) => services.users.updateProfile(await auth.actor(request), request.body));

  app.get('/api/v1/me/organizations', {
    schema: { tags: ['me'], summary: 'The organizations you belong to ("My Organizations")', response: { 200: Type.Object({ items: Type.Array(MyOrganization) }), ...problemResponses } },
  }, async (request) => {
    const session = await auth.requireSession(request);
    return { items: await services.organizations.listMine(session.user.id, session.currentOrganizationId) };
  });
}
