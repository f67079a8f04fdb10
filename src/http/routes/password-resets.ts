/**
 * @module Password reset by email ("forgot password"): ask for a link, see whether it still works,
 * then set a new password with it. None needs a session; asking answers the same whether or not the
 * account exists.
 */
import { Type } from 'typebox';
import { problemResponses, Strict, Timestamp } from '../schemas/common.js';
import { Password } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

const ResetParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);
const Accepted = Type.Object({ message: Type.String() });
const ACCEPTED = { message: 'If an account goes by that login, an email with a reset link is on its way' };

export function passwordResetRoutes(app: App, { services }: RouteDeps): void {
  app.post('/api/v1/password-resets', {
    schema: {
      tags: ['session'], security: [],
      summary: 'Email a password reset link to an account (username or email); the answer is the same for an unknown login',
      body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 254 }) }, Strict),
      response: { 202: Accepted, ...problemResponses },
    },
  }, async (request, reply) => {
    services.passwordResets.requestInBackground(request.body.login, (error) => request.log.error({ err: error }, 'password reset request failed'));
    return reply.status(202).send(ACCEPTED);
  });

  app.get('/api/v1/password-resets/:token', {
    schema: {
      tags: ['session'], security: [],
      summary: 'Whether a reset link can still be used, and until when; looking uses nothing up (the link is the credential)',
      params: ResetParams,
      response: { 200: Type.Object({ expiresAt: Timestamp }), ...problemResponses, 410: Type.Ref('Problem') },
    },
  }, async (request) => services.passwordResets.check(request.params.token));

  app.post('/api/v1/password-resets/:token', {
    schema: {
      tags: ['session'], security: [],
      summary: 'Set a new password with a reset link; the link is used up and every session of the user ends',
      params: ResetParams, body: Type.Object({ newPassword: Password }, Strict),
      response: { 204: Type.Null(), ...problemResponses, 410: Type.Ref('Problem') },
    },
  }, async (request, reply) => {
    await services.passwordResets.complete(request.params.token, request.body.newPassword);
    return reply.status(204).send(null);
  });
}
