/**
 * @module Sign-up (a user and an organization at once, seed 001), sign-in with username or email,
 * sign-out, and switching the organization a session works in (seed 001 "My Organizations").
 */
import { Type } from 'typebox';
import { toUser } from '../../db/queries/users.js';
import { Id, problemResponses, Strict } from '../schemas/common.js';
import { OrganizationName } from '../schemas/organization.js';
import { NewUser, User } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

const SignupBody = Type.Object({ ...NewUser.properties, organizationName: OrganizationName }, Strict);
const SignedIn = Type.Object({ user: User, requiredActions: Type.Array(Type.String()) });

export function sessionRoutes(app: App, { services, auth }: RouteDeps): void {
  app.post('/api/v1/signup', {
    schema: {
      tags: ['session'], summary: 'Create a user and an organization; the caller becomes its owner and is signed in', body: SignupBody,
      response: { 201: Type.Object({ user: User, organization: Type.Object({ id: Id, name: Type.String() }), requiredActions: Type.Array(Type.String()) }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { user, organization } = await services.users.signup(request.body);
    const { token, pendingActions } = await services.sessions.start(user, { ip: request.ip, userAgent: request.headers['user-agent'] }, organization.id);
    auth.setSessionCookie(reply, token);
    return reply.status(201).send({ user: toUser(user), organization: { id: organization.id, name: organization.name }, requiredActions: pendingActions });
  });

  app.post('/api/v1/session', {
    schema: {
      tags: ['session'], summary: 'Sign in with username or email and password',
      body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, Strict),
      response: { 200: SignedIn, ...problemResponses },
    },
  }, async (request, reply) => {
    const { token, user, pendingActions } = await services.sessions.signIn(request.body.login, request.body.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
    // Signing in again replaces the browser's session rather than leaving its old token alive (ASVS V7.2.4).
    const previous = await auth.session(request);
    if (previous) await services.sessions.end(previous.sessionId);
    auth.setSessionCookie(reply, token);
    return { user: toUser(user), requiredActions: pendingActions };
  });

  app.delete('/api/v1/session', {
    config: { duringRequiredActions: true },
    schema: { tags: ['session'], summary: 'Sign out: the session ends on the server', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    const session = await auth.session(request);
    if (session) await services.sessions.end(session.sessionId);
    auth.clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.put('/api/v1/session/organization', {
    schema: {
      tags: ['session'], summary: 'Switch the organization this session works in',
      body: Type.Object({ organizationId: Id }, Strict),
      response: { 200: Type.Object({ currentOrganizationId: Id }), ...problemResponses },
    },
  }, async (request) => {
    const session = await auth.requireSession(request);
    await services.sessions.switchOrganization(session, request.body.organizationId);
    return { currentOrganizationId: request.body.organizationId };
  });
}
