/**
 * Looking a password reset link up (`GET /api/v1/password-resets/{token}`), so the page it opens
 * can tell a dead link before a password is typed: it answers the expiry only, uses nothing up,
 * and refuses used, expired and unknown links (an invitation token included) as setting the password
 * would; on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { signUp, startRoster, type TestServer } from '../support/server.js';

const NEW_PASSWORD = 'a fresh passphrase 2025';

describe.each(DIALECTS)('password reset look-up on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect, { AUTH_RATE_LIMIT: '0' }); });
  afterAll(async () => { await server?.close(); });

  async function linkToken(kind: 'password_reset' | 'invitation', to: string): Promise<string> {
    const mail = await server.database.db.selectFrom('outbox').select('text').where('kind', '=', kind).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const token = /\/(?:reset-password|invitations)\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`no link in the mail to ${to}`);
    return token;
  }
  async function requestReset(name: string): Promise<string> {
    await signUp(server, name);
    expect((await server.client().post('/api/v1/password-resets', { login: name })).status).toBe(202);
    await server.services.passwordResets.settled();
    return linkToken('password_reset', `${name}@example.com`);
  }
  const look = (token: string) => server.client().get(`/api/v1/password-resets/${token}`);

  it('a live link answers its expiry and nothing of the account; looking does not use it up', async () => {
    const token = await requestReset('lk-live');
    const stored = await server.database.db.selectFrom('password_resets').select('expires_at').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const first = await look(token);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ expiresAt: stored.expires_at });
    expect(JSON.stringify(first.body)).not.toMatch(/lk-live/);
    expect((await look(token)).status).toBe(200);
    expect((await server.client().post(`/api/v1/password-resets/${token}`, { newPassword: NEW_PASSWORD })).status).toBe(204);
  });

  it('a used link answers 410 password_reset.used, an expired one 410 password_reset.expired', async () => {
    const used = await requestReset('lk-used');
    expect((await server.client().post(`/api/v1/password-resets/${used}`, { newPassword: NEW_PASSWORD })).status).toBe(204);
    const usedAnswer = await look(used);
    expect(usedAnswer.status).toBe(410);
    expect(usedAnswer.body.code).toBe('password_reset.used');

    const expired = await requestReset('lk-expired');
    await server.database.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('used_at', 'is', null).execute();
    const expiredAnswer = await look(expired);
    expect(expiredAnswer.status).toBe(410);
    expect(expiredAnswer.body.code).toBe('password_reset.expired');
  });

  it('an unknown token, a short one and an invitation token all answer 404 password_reset.not_found; a NUL byte is bad input', async () => {
    const owner = await signUp(server, 'lk-owner');
    expect((await owner.client.post(`/api/v1/organizations/${owner.organization.id}/invitations`, { emails: 'lk-invitee@example.com', role: 'member' })).status).toBe(201);
    const invitation = await linkToken('invitation', 'lk-invitee@example.com');
    for (const token of [invitation, 'x'.repeat(43), 'short']) {
      const res = await look(token);
      expect(res.status, token).toBe(404);
      expect(res.body.code).toBe('password_reset.not_found');
    }
    // A byte the path can not hold is bad input, said as such.
    const nul = await look('%00');
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toContain('application/problem+json');
  });
});
