/**
 * Password reset by email (OWASP Forgot Password cheat sheet, ASVS 5.0 V6.4): the same answer for
 * every login, a short-lived single-use link stored hashed, the user's policies on the new password,
 * every session ended; and resets an admin starts for a member, on every database.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { PASSWORD, addMember, addUser, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const NEW_PASSWORD = 'a fresh passphrase 2025';

describe.each(DIALECTS)('password reset on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect, { AUTH_RATE_LIMIT: '0' }); });
  afterAll(async () => { await server?.close(); });

  const org = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;
  const resetMails = (to: string) =>
    server.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'password_reset').where('to_address', '=', to).orderBy('id', 'desc').execute();
  /** Asks for a reset; the work goes on after the answer, so wait for it before reading the outbox. */
  async function ask(login: string) {
    const res = await server.client().post('/api/v1/password-resets', { login });
    await server.services.passwordResets.settled();
    return res;
  }
  async function requestReset(login: string, to: string): Promise<string> {
    const res = await ask(login);
    expect(res.status).toBe(202);
    const [mail] = await resetMails(to);
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error(`no reset mail to ${to}`);
    return token;
  }
  const complete = (token: string, newPassword = NEW_PASSWORD) => server.client().post(`/api/v1/password-resets/${token}`, { newPassword });

  it('a reset request queues an email with a single-use link that sets a new password', async () => {
    await signUp(server, 'pr-flow');
    const token = await requestReset('pr-flow@example.com', 'pr-flow@example.com');
    const [mail] = await resetMails('pr-flow@example.com');
    expect(mail).toMatchObject({ subject: 'Reset your Roster password', organization_id: null });
    // The link points at PUBLIC_URL (here the default, http://127.0.0.1:3000).
    expect(mail!.text).toContain(`http://127.0.0.1:3000/reset-password/${token}`);
    expect(mail!.text).toMatch(/expires on/);
    // 256 random bits, kept only as a hash.
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await server.database.db.selectFrom('password_resets').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const lifetime = Date.parse(stored[0]!.expires_at) - Date.parse(stored[0]!.created_at);
    expect(lifetime).toBe(30 * 60_000);

    expect((await complete(token)).status).toBe(204);
    expect((await server.client().post('/api/v1/session', { login: 'pr-flow', password: PASSWORD })).status).toBe(401);
    expect((await server.client().post('/api/v1/session', { login: 'pr-flow', password: NEW_PASSWORD })).status).toBe(200);
    const events = await server.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'user.password_reset%').execute();
    expect(events.map((e) => e.action).sort()).toEqual(['user.password_reset', 'user.password_reset_requested']);
  });

  it('the username works as the login too', async () => {
    await signUp(server, 'pr-username');
    const token = await requestReset('PR-Username', 'pr-username@example.com');
    expect((await complete(token)).status).toBe(204);
  });

  it('an unknown login gets the same 202 answer as a known one, and no email goes out', async () => {
    await signUp(server, 'pr-known');
    const known = await ask('pr-known@example.com');
    const unknown = await ask('nobody-at-all@example.com');
    const unknownName = await ask('nobody-at-all');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknownName.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknownName.body).toEqual(known.body);
    expect(await resetMails('nobody-at-all@example.com')).toHaveLength(0);
    expect(await resetMails('pr-known@example.com')).toHaveLength(1);
  });

  it('a reset link works once: used again, it is refused with 410 password_reset.used', async () => {
    await signUp(server, 'pr-twice');
    const token = await requestReset('pr-twice', 'pr-twice@example.com');
    expect((await complete(token)).status).toBe(204);
    const again = await complete(token, 'another fresh passphrase');
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'password_reset.used' });
    expect((await server.client().post('/api/v1/session', { login: 'pr-twice', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('using one link ends the other links of the user', async () => {
    await signUp(server, 'pr-siblings');
    const first = await requestReset('pr-siblings', 'pr-siblings@example.com');
    const second = await requestReset('pr-siblings', 'pr-siblings@example.com');
    expect(first).not.toBe(second);
    expect((await complete(second)).status).toBe(204);
    expect((await complete(first, 'another fresh passphrase')).body.code).toBe('password_reset.used');
  });

  it('an expired reset link is refused with 410 password_reset.expired', async () => {
    await signUp(server, 'pr-expired');
    const token = await requestReset('pr-expired', 'pr-expired@example.com');
    const user = await server.database.db.selectFrom('users').select('id').where('username_key', '=', 'pr-expired').executeTakeFirstOrThrow();
    await server.database.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).execute();
    const res = await complete(token);
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ code: 'password_reset.expired' });
    expect((await server.client().post('/api/v1/session', { login: 'pr-expired', password: PASSWORD })).status).toBe(200);
  });

  it('an unknown token is refused with 404 password_reset.not_found', async () => {
    const res = await complete('x'.repeat(43));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('password_reset.not_found');
  });

  it('an invitation token is not a reset token, nor a reset token an invitation token', async () => {
    const owner = await signUp(server, 'pr-wrong-type');
    await owner.client.post(`${org(owner)}/invitations`, { emails: 'pr-invitee@example.com', role: 'member' });
    const invitation = await server.database.db.selectFrom('outbox').select('text').where('kind', '=', 'invitation').where('to_address', '=', 'pr-invitee@example.com').executeTakeFirstOrThrow();
    const invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
    expect((await server.client().get(`/api/v1/invitations/${invitationToken}`)).status).toBe(200);
    const asReset = await complete(invitationToken);
    expect(asReset.status).toBe(404);
    expect(asReset.body.code).toBe('password_reset.not_found');

    const resetToken = await requestReset('pr-wrong-type', 'pr-wrong-type@example.com');
    const asInvitation = await server.client().get(`/api/v1/invitations/${resetToken}`);
    expect(asInvitation.status).toBe(404);
    // Each token type hashes in its own domain.
    const row = await server.database.db.selectFrom('password_resets').select('token_hash').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(`password-reset:${resetToken}`).digest('hex'));
    expect(row.token_hash).not.toBe(createHash('sha256').update(`invitation:${resetToken}`).digest('hex'));
  });

  it('the new password meets the user\'s policies, and a refused one leaves the link usable', async () => {
    const owner = await signUp(server, 'pr-policy');
    await owner.client.patch(org(owner), { settings: { passwordPolicy: { requireDigit: true, historyCount: 2 } } });
    const token = await requestReset('pr-policy', 'pr-policy@example.com');
    const weak = await complete(token, 'no digits in this one');
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'user.password_invalid', field: 'body.newPassword', rules: ['digit'] });
    const same = await complete(token, PASSWORD);
    expect(same.body.rules).toEqual(['reused']);
    expect((await complete(token)).status).toBe(204);
  });

  it('a reset ends every session of the user and clears must_change_password', async () => {
    const owner = await signUp(server, 'pr-sessions');
    const other = await signIn(server, 'pr-sessions');
    await server.database.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', owner.user.id).execute();
    const token = await requestReset('pr-sessions', 'pr-sessions@example.com');
    expect((await complete(token)).status).toBe(204);
    expect((await owner.client.get('/api/v1/me')).status).toBe(401);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    const signedIn = await server.client().post('/api/v1/session', { login: 'pr-sessions', password: NEW_PASSWORD });
    expect(signedIn.body.requiredActions).toEqual([]);
  });

  it('a password change ends the user\'s other sessions, keeping the one that made it', async () => {
    const owner = await signUp(server, 'pr-change-sessions');
    const laptop = await signIn(server, 'pr-change-sessions');
    const phone = await signIn(server, 'pr-change-sessions');
    expect((await laptop.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await owner.client.get('/api/v1/me')).status).toBe(401);
  });

  it('repeated requests stop sending mail once three links are live, with the same answer', async () => {
    await signUp(server, 'pr-flood');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask('pr-flood'));
    for (const a of answers) expect(a).toMatchObject({ status: 202, body: answers[0]!.body });
    expect(await resetMails('pr-flood@example.com')).toHaveLength(3);
  });

  it('an admin starts a reset for a member: the member gets the email, the admin never sees or sets the password', async () => {
    const owner = await signUp(server, 'pr-admin');
    const member = await addMember(server, owner, 'member', 'pr-admin-m');
    const res = await owner.client.post(`${org(owner)}/members/${member.user.id}/password-reset`);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ email: 'pr-admin-m@example.com', expiresAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/reset-password|token/);

    const mailbox = await owner.client.get(`${org(owner)}/mailbox?to=pr-admin-m@example.com`);
    expect(mailbox.status).toBe(200);
    const mail = mailbox.body.items.find((m: { kind: string }) => m.kind === 'password_reset');
    expect(mail).toBeDefined();
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

    // The member has signed in: the admin can not choose their password (user.password_set_by_user).
    const set = await owner.client.patch(`${org(owner)}/members/${member.user.id}`, { password: 'admin chosen password' });
    expect(set.status).toBe(409);
    expect(set.body.code).toBe('user.password_set_by_user');

    expect((await complete(token)).status).toBe(204);
    expect((await member.client.get('/api/v1/me')).status).toBe(401);
    expect((await server.client().post('/api/v1/session', { login: 'pr-admin-m', password: NEW_PASSWORD })).status).toBe(200);
    const audit = await owner.client.get(`${org(owner)}/audit-events?action=member.password_reset_started`);
    expect(audit.body.items[0]).toMatchObject({ targetId: member.user.id, actorUserId: owner.user.id });
  });

  it('starting a reset for a member needs members.update, and only reaches members of the organization', async () => {
    const owner = await signUp(server, 'pr-admin-guard');
    const plain = await addMember(server, owner, 'member', 'pr-admin-guard-plain');
    const target = await addUser(owner, { username: 'pr-admin-guard-t' });
    const refused = await plain.client.post(`${org(owner)}/members/${target.userId}/password-reset`);
    expect(refused.status).toBe(403);
    const stranger = await signUp(server, 'pr-admin-stranger');
    const elsewhere = await owner.client.post(`${org(owner)}/members/${stranger.user.id}/password-reset`);
    expect(elsewhere.status).toBe(404);
    expect(await resetMails('pr-admin-guard-t@example.com')).toHaveLength(0);
    expect(await resetMails('pr-admin-stranger@example.com')).toHaveLength(0);
  });
});
