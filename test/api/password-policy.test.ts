/**
 * Password policies per organization (seed 004: "you can define the password complexity for the
 * users' passwords … in Configuration → Security"; "if a user participates in a couple of accounts,
 * then he or she will use one password for all accounts"), the own password change, and the
 * `change_password` action asked at sign-in, on every database.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';
import { PASSWORD, addMember, addUser, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const STRONG = 'Strong Passphrase 4 Everyone';

const change = (client: Client, currentPassword: string, newPassword: string) => client.put('/api/v1/me/password', { currentPassword, newPassword });

describe.each(DIALECTS)('password policy on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect, { AUTH_RATE_LIMIT: '0' }); });
  afterAll(async () => { await server?.close(); });

  const org = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;
  async function setPolicy(owner: SignedUp, passwordPolicy: Record<string, unknown>) {
    const res = await owner.client.patch(org(owner), { settings: { passwordPolicy } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.settings.passwordPolicy;
  }
  const userRow = (username: string) =>
    server.database.db.selectFrom('users').selectAll().where('username_key', '=', username.toLowerCase()).executeTakeFirstOrThrow();

  it('an organization starts with the default policy: 12 characters, common passwords refused, no composition, history or expiry', async () => {
    const owner = await signUp(server, 'pp-default');
    const res = await owner.client.get(org(owner));
    expect(res.body.settings.passwordPolicy).toEqual({
      minLength: 12, requireLower: false, requireUpper: false, requireDigit: false, requireSymbol: false,
      disallowCommon: true, historyCount: 0, maxAgeDays: null,
    });
  });

  it('a policy patch keeps the rules it does not name, and changing it needs settings.manage (seed 004 "Configuration → Security")', async () => {
    const owner = await signUp(server, 'pp-patch');
    expect(await setPolicy(owner, { minLength: 16 })).toMatchObject({ minLength: 16, disallowCommon: true });
    expect(await setPolicy(owner, { requireDigit: true, maxAgeDays: 90 })).toMatchObject({ minLength: 16, requireDigit: true, maxAgeDays: 90 });
    const plain = await addMember(server, owner, 'member', 'pp-patch-plain');
    const refused = await plain.client.patch(org(owner), { settings: { passwordPolicy: { minLength: 8 } } });
    expect(refused.status).toBe(403);
    const unknown = await owner.client.patch(org(owner), { settings: { passwordPolicy: { maxLength: 20 } } });
    expect(unknown.body.code).toBe('request.unknown_field');
    const audit = await owner.client.get(`${org(owner)}/audit-events?action=organization.updated`);
    expect(audit.body.items[0]).toMatchObject({ after: { settings: { passwordPolicy: { minLength: 16, requireDigit: true } } } });
  });

  it('minLength: a password shorter than the policy\'s minimum is refused', async () => {
    const owner = await signUp(server, 'pp-min');
    await setPolicy(owner, { minLength: 20 });
    const res = await change(owner.client, PASSWORD, 'nineteen characters');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'user.password_invalid', field: 'body.newPassword', rules: ['minLength'] });
    expect(res.body.detail).toMatch(/at least 20 characters/);
    expect((await change(owner.client, PASSWORD, 'twenty characters ok')).status).toBe(200);
  });

  it('minLength can be set from 8 to 64, no further', async () => {
    const owner = await signUp(server, 'pp-min-range');
    for (const minLength of [7, 65, 129]) {
      const res = await owner.client.patch(org(owner), { settings: { passwordPolicy: { minLength } } });
      expect(res.status, String(minLength)).toBe(400);
      expect(res.body).toMatchObject({ code: 'request.invalid', field: 'body.settings.passwordPolicy.minLength' });
    }
    expect(await setPolicy(owner, { minLength: 64 })).toMatchObject({ minLength: 64 });
  });

  it('maxLength: a password of 129 characters is refused, 128 is accepted', async () => {
    const owner = await signUp(server, 'pp-max');
    const tooLong = await change(owner.client, PASSWORD, 'x'.repeat(129));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'user.password_invalid', rules: ['maxLength'] });
    expect(tooLong.body.detail).toMatch(/at most 128 characters/);
    expect((await change(owner.client, PASSWORD, 'x'.repeat(128))).status).toBe(200);
  });

  it('a 64-character passphrase is always allowed, whatever the length and character classes asked', async () => {
    const owner = await signUp(server, 'pp-64');
    await setPolicy(owner, { minLength: 64, requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true });
    const passphrase = 'the quiet river carries old maps past sleeping herons at twilight'.slice(0, 64);
    expect([...passphrase]).toHaveLength(64);
    const short = await change(owner.client, PASSWORD, passphrase.slice(0, 63));
    expect(short.status).toBe(400);
    expect(short.body.rules).toEqual(['minLength', 'upper', 'digit']);
    const res = await change(owner.client, PASSWORD, passphrase);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  const classes = [
    { flag: 'requireLower', rule: 'lower', without: 'ALL UPPER CASE 12345', with: 'ALL UPPER CASE 12345 x' },
    { flag: 'requireUpper', rule: 'upper', without: 'all lower case 12345', with: 'all lower case 12345 X' },
    { flag: 'requireDigit', rule: 'digit', without: 'no digits in this one', with: 'no digits in this one 7' },
    { flag: 'requireSymbol', rule: 'symbol', without: 'NoSymbolsInThisOne42', with: 'NoSymbolsInThisOne42!' },
  ];
  for (const c of classes) {
    it(`${c.flag}: a password without the character class is refused only when the policy asks for it`, async () => {
      const owner = await signUp(server, `pp-${c.rule}`);
      const member = await addMember(server, owner, 'member', `pp-${c.rule}-m`);
      // Off by default (NIST SP 800-63B: no composition rules unless the organization wants them).
      expect((await change(member.client, PASSWORD, c.without)).status).toBe(200);
      await setPolicy(owner, { [c.flag]: true });
      const res = await change(owner.client, PASSWORD, c.without);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'user.password_invalid', field: 'body.newPassword', rules: [c.rule] });
      expect((await change(owner.client, PASSWORD, c.with)).status).toBe(200);
    });
  }

  it('personal: a password containing the username, email or name is refused', async () => {
    const owner = await signUp(server, 'pp-personal');
    for (const password of ['my name is pp-personal ok', 'PP-PERSONAL in capitals', 'surname Tester inside it']) {
      const res = await change(owner.client, PASSWORD, password);
      expect(res.status, password).toBe(400);
      expect(res.body.rules, password).toEqual(['personal']);
    }
    const signup = await server.client().post('/api/v1/signup', {
      username: 'grace', email: 'hopper@example.com', password: 'hopper was here 1906', firstName: 'Grace', lastName: 'H', organizationName: 'G',
    });
    expect(signup.status).toBe(400);
    expect(signup.body).toMatchObject({ code: 'user.password_invalid', field: 'body.password', rules: ['personal'] });
  });

  it('common: a password from the common-password list is refused whatever its case, unless the organization allows it', async () => {
    for (const password of ['password1234', 'PassWord1234', 'qwertyuiop123']) {
      const res = await server.client().post('/api/v1/signup', {
        username: 'pp-common', email: 'pp-common@example.com', password, firstName: 'C', lastName: 'C', organizationName: 'C',
      });
      expect(res.status, password).toBe(400);
      expect(res.body, password).toMatchObject({ code: 'user.password_invalid', field: 'body.password', rules: ['common'] });
    }
    const owner = await signUp(server, 'pp-common-owner');
    expect((await change(owner.client, PASSWORD, 'password1234')).body.rules).toEqual(['common']);
    await setPolicy(owner, { disallowCommon: false });
    expect((await change(owner.client, PASSWORD, 'password1234')).status).toBe(200);
  });

  it('every unmet rule is listed at once, in `rules` and in `errors`', async () => {
    const owner = await signUp(server, 'pp-all');
    await setPolicy(owner, { minLength: 20, requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true });
    const res = await change(owner.client, PASSWORD, 'pp-all');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.rules).toEqual(['minLength', 'upper', 'digit', 'personal']);
    expect(res.body.errors).toHaveLength(4);
    for (const e of res.body.errors) expect(e.field).toBe('body.newPassword');
    expect(res.body.detail).toMatch(/at least 20 characters; must contain an uppercase letter; must contain a digit; must not contain/);
    const common = await change(owner.client, PASSWORD, 'password');
    expect(common.body.rules).toEqual(['minLength', 'upper', 'digit', 'symbol', 'common']);
  });

  it('reused: none of the last N passwords (historyCount) can be set again', async () => {
    const owner = await signUp(server, 'pp-history');
    await setPolicy(owner, { historyCount: 3 });
    const [p1, p2, p3] = ['first new passphrase', 'second new passphrase', 'third new passphrase'];
    expect((await change(owner.client, PASSWORD, p1)).status).toBe(200);
    expect((await change(owner.client, p1, p2)).status).toBe(200);
    // The last 3 are p2 (current), p1 and PASSWORD.
    for (const old of [PASSWORD, p1]) {
      const res = await change(owner.client, p2, old);
      expect(res.status, old).toBe(400);
      expect(res.body.rules).toEqual(['reused']);
      expect(res.body.detail).toMatch(/last 3 passwords/);
    }
    expect((await change(owner.client, p2, p3)).status).toBe(200);
    // Now the last 3 are p3, p2 and p1: the first password is free again.
    expect((await change(owner.client, p3, PASSWORD)).status).toBe(200);
  });

  it('reused: the current password is never accepted as the new one, even with the history off', async () => {
    const owner = await signUp(server, 'pp-same');
    const res = await change(owner.client, PASSWORD, PASSWORD);
    expect(res.status).toBe(400);
    expect(res.body.rules).toEqual(['reused']);
    expect(res.body.detail).toMatch(/differ from your current password/);
  });

  it('a user in two organizations meets the stricter union of both policies (seed 004: one password for all accounts)', async () => {
    const owner = await signUp(server, 'pp-union');
    const second = await owner.client.post('/api/v1/organizations', { name: 'Union Two' });
    expect(second.status).toBe(201);
    await setPolicy(owner, { requireUpper: true });
    expect((await owner.client.patch(`/api/v1/organizations/${second.body.id}`, { settings: { passwordPolicy: { requireDigit: true, minLength: 24 } } })).status).toBe(200);
    const res = await change(owner.client, PASSWORD, 'only lower case here');
    expect(res.status).toBe(400);
    expect(res.body.rules).toEqual(['minLength', 'upper', 'digit']);
    expect(res.body.detail).toMatch(/at least 24 characters/);
    expect((await change(owner.client, PASSWORD, 'Upper But No Digits In It At All')).body.rules).toEqual(['digit']);
    expect((await change(owner.client, PASSWORD, 'digits 1234 but no upper case')).body.rules).toEqual(['upper']);
    expect((await change(owner.client, PASSWORD, 'Both Upper And Digits 12345')).status).toBe(200);
  });

  it('the policy of an organization where the user is deactivated no longer applies', async () => {
    const owner = await signUp(server, 'pp-inactive');
    const other = await signUp(server, 'pp-inactive-other');
    const member = await addMember(server, owner, 'member', 'pp-inactive-m');
    const invited = await other.client.post(`${org(other)}/invitations`, { emails: 'pp-inactive-m@example.com', role: 'member' });
    expect(invited.status).toBe(201);
    const mail = await server.database.db.selectFrom('outbox').select('text').where('kind', '=', 'invitation').where('to_address', '=', 'pp-inactive-m@example.com').executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    const accepted = await member.client.post(`/api/v1/invitations/${token}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await setPolicy(other, { requireSymbol: true, requireUpper: true });
    expect((await change(member.client, PASSWORD, 'plainwordsonlyhere')).body.rules).toEqual(['upper', 'symbol']);
    expect((await other.client.post(`${org(other)}/members/${member.user.id}/deactivate`)).status).toBe(200);
    expect((await change(member.client, PASSWORD, 'plainwordsonlyhere')).status).toBe(200);
  });

  it('adding a member directly applies that organization\'s policy', async () => {
    const owner = await signUp(server, 'pp-add');
    await setPolicy(owner, { requireDigit: true });
    const res = await owner.client.post(`${org(owner)}/members`, {
      username: 'pp-add-new', email: 'pp-add-new@example.com', password: 'no digits at all here', firstName: 'N', lastName: 'D', role: 'member',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'user.password_invalid', field: 'body.password', rules: ['digit'] });
    await addUser(owner, { username: 'pp-add-ok', password: 'digits are here 2024' });
  });

  it('an admin setting a never-signed-in member\'s password meets the policy too', async () => {
    const owner = await signUp(server, 'pp-admin-set');
    const target = await addUser(owner, { username: 'pp-admin-target' });
    await setPolicy(owner, { requireUpper: true });
    const res = await owner.client.patch(`${org(owner)}/members/${target.userId}`, { password: 'admin picked lower' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'user.password_invalid', field: 'body.password', rules: ['upper'] });
    expect((await owner.client.patch(`${org(owner)}/members/${target.userId}`, { password: 'Admin Picked Upper' })).status).toBe(200);
  });

  it('accepting an invitation as a new user applies the inviting organization\'s policy', async () => {
    const owner = await signUp(server, 'pp-invite');
    await setPolicy(owner, { requireSymbol: true, minLength: 16 });
    await owner.client.post(`${org(owner)}/invitations`, { emails: 'pp-invitee@example.com', role: 'member' });
    const mail = await server.database.db.selectFrom('outbox').select('text').where('kind', '=', 'invitation').where('to_address', '=', 'pp-invitee@example.com').executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    const fields = { username: 'pp-invitee', firstName: 'I', lastName: 'N' };
    const weak = await server.client().post(`/api/v1/invitations/${token}/accept`, { ...fields, password: 'NoSymbolHere' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'user.password_invalid', rules: ['minLength', 'symbol'] });
    const ok = await server.client().post(`/api/v1/invitations/${token}/accept`, { ...fields, password: 'with a symbol: yes!' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('tightening a policy asks members whose password no longer fits to change it at their next sign-in, and nothing else is open until they do', async () => {
    const owner = await signUp(server, 'pp-tighten');
    await addUser(owner, { username: 'pp-tighten-weak' });
    await addUser(owner, { username: 'pp-tighten-fits', password: STRONG });
    await setPolicy(owner, { requireUpper: true });

    const fits = await server.client().post('/api/v1/session', { login: 'pp-tighten-fits', password: STRONG });
    expect(fits.body.requiredActions).toEqual([]);

    const weak = server.client();
    const signedIn = await weak.post('/api/v1/session', { login: 'pp-tighten-weak', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.requiredActions).toEqual(['change_password']);
    const me = await weak.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.requiredActions).toEqual(['change_password']);
    for (const [method, path] of [['GET', '/api/v1/me/organizations'], ['PATCH', '/api/v1/me'], ['GET', org(owner)], ['GET', `${org(owner)}/members`]] as const) {
      const res = await weak.request(method, path, method === 'PATCH' ? { title: 'x' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('auth.action_required');
    }
    // Signing out stays open.
    const other = server.client();
    await other.post('/api/v1/session', { login: 'pp-tighten-weak', password: PASSWORD });
    expect((await other.delete('/api/v1/session')).status).toBe(204);

    const stillWeak = await change(weak, PASSWORD, 'still all lower case');
    expect(stillWeak.body.rules).toEqual(['upper']);
    const changed = await change(weak, PASSWORD, STRONG);
    expect(changed.status).toBe(200);
    expect(changed.body.requiredActions).toEqual([]);
    expect((await weak.get('/api/v1/me/organizations')).status).toBe(200);
    const again = await server.client().post('/api/v1/session', { login: 'pp-tighten-weak', password: STRONG });
    expect(again.body.requiredActions).toEqual([]);
  });

  it('maxAgeDays: a password older than the maximum age must be changed at the next sign-in', async () => {
    const owner = await signUp(server, 'pp-age');
    await addUser(owner, { username: 'pp-age-m' });
    const fresh = await server.client().post('/api/v1/session', { login: 'pp-age-m', password: PASSWORD });
    expect(fresh.body.requiredActions).toEqual([]);
    await setPolicy(owner, { maxAgeDays: 30 });
    const before = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await server.database.db.updateTable('users').set({ password_changed_at: before }).where('username_key', '=', 'pp-age-m').execute();
    const old = server.client();
    expect((await old.post('/api/v1/session', { login: 'pp-age-m', password: PASSWORD })).body.requiredActions).toEqual(['change_password']);
    expect((await change(old, PASSWORD, STRONG)).body.requiredActions).toEqual([]);
    expect((await userRow('pp-age-m')).password_changed_at! > before).toBe(true);
    expect((await server.client().post('/api/v1/session', { login: 'pp-age-m', password: STRONG })).body.requiredActions).toEqual([]);
  });

  it('must_change_password: a flagged user changes the password at the next sign-in, which clears the flag', async () => {
    const owner = await signUp(server, 'pp-flag');
    await addUser(owner, { username: 'pp-flag-m' });
    await server.database.db.updateTable('users').set({ must_change_password: 1 }).where('username_key', '=', 'pp-flag-m').execute();
    const client = server.client();
    expect((await client.post('/api/v1/session', { login: 'pp-flag-m', password: PASSWORD })).body.requiredActions).toEqual(['change_password']);
    expect((await change(client, PASSWORD, STRONG)).status).toBe(200);
    expect((await userRow('pp-flag-m')).must_change_password).toBe(0);
  });

  it('changing the password needs the current one, ends the other sessions and is audited', async () => {
    const owner = await signUp(server, 'pp-change');
    const elsewhere = await signIn(server, 'pp-change');
    const wrong = await change(owner.client, 'not my password at all', STRONG);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'user.current_password_invalid', field: 'body.currentPassword' });

    const res = await change(owner.client, PASSWORD, STRONG);
    expect(res.status).toBe(200);
    expect((await owner.client.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await server.client().post('/api/v1/session', { login: 'pp-change', password: PASSWORD })).status).toBe(401);
    expect((await server.client().post('/api/v1/session', { login: 'pp-change', password: STRONG })).status).toBe(200);
    const events = await server.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.password_changed').where('target_id', '=', owner.user.id).execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toContain(STRONG);
  });

  it('roster create-admin applies the default policy', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', 'create-admin', '--username', 'root', '--email', 'root@example.com'], {
          env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: db.url, ROSTER_ADMIN_PASSWORD: 'password1234' },
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
        child.stdin.end('');
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/most common passwords/);
    } finally {
      await db.drop();
    }
  });
});
