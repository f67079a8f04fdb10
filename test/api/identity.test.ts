/**
 * Sign-up, sign-in, sign-out and the own profile, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { PASSWORD, signUp, startRoster, type TestServer } from '../support/server.js';

describe.each(DIALECTS)('identity on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  it('signing up creates a user and an organization whose owner is that user (seed 001)', async () => {
    const ada = await signUp(server, 'ada', 'Analytical Engines');
    expect(ada.organization.name).toBe('Analytical Engines');
    const orgs = await ada.client.get('/api/v1/me/organizations');
    expect(orgs.status).toBe(200);
    expect(orgs.body.items).toEqual([{ organization: ada.organization, role: 'owner', status: 'active', current: true }]);
  });

  it('signs in with the username or the email, case-insensitively', async () => {
    await signUp(server, 'Babbage');
    for (const login of ['babbage', 'BABBAGE', 'babbage@example.com', 'Babbage@Example.com']) {
      const res = await server.client().post('/api/v1/session', { login, password: PASSWORD });
      expect(res.status, login).toBe(200);
      expect(res.body.user.username).toBe('Babbage');
      expect(res.body.requiredActions).toEqual([]);
    }
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    await signUp(server, 'carol');
    const wrong = await server.client().post('/api/v1/session', { login: 'carol', password: 'not the password at all' });
    const unknown = await server.client().post('/api/v1/session', { login: 'nobody-here', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('keeps the session token in an HttpOnly SameSite cookie and stores only its hash', async () => {
    const client = server.client();
    const res = await client.post('/api/v1/signup', { username: 'dora', email: 'dora@example.com', password: PASSWORD, firstName: 'Dora', lastName: 'D', organizationName: 'D' });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await server.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('signing out ends the session on the server', async () => {
    const eve = await signUp(server, 'eve');
    const jar = eve.client;
    expect((await jar.get('/api/v1/me')).status).toBe(200);
    expect((await jar.delete('/api/v1/session')).status).toBe(204);
    expect((await jar.get('/api/v1/me')).status).toBe(401);
  });

  it('records lastLoginAt at sign-in; null means never logged in (seed 004)', async () => {
    const fay = await signUp(server, 'fay');
    expect(fay.user).toHaveProperty('lastLoginAt', null);
    const res = await server.client().post('/api/v1/session', { login: 'fay', password: PASSWORD });
    expect(typeof res.body.user.lastLoginAt).toBe('string');
  });

  it('edits every profile field of the own profile, with a Gravatar avatar (seeds 000, 001, 002)', async () => {
    const gil = await signUp(server, 'gil');
    const patch = {
      firstName: 'Gil', lastName: 'Bert', displayName: 'Gil B.', alias: 'Agent G', title: 'CEO', phone: '+1 555 0100',
      phoneExtension: '42', address: '1 Main St', color: '#ff8800',
      clickToDial: 'https://pbx.example/?phone=[Field:PhoneNumber]&ext=[Field:Ext]',
      senderEmails: ['gil@example.com', 'sales@example.com'], signature: 'Cheers, Gil',
    };
    const res = await gil.client.patch('/api/v1/me', patch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...patch, communicationName: 'Agent G' });
    expect(res.body.clickToDialUrl).toBe('https://pbx.example/?phone=%2B1%20555%200100&ext=42');
    expect(res.body.avatarUrl).toMatch(/^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{32}/);
    const again = await gil.client.get('/api/v1/me');
    expect(again.body).toMatchObject(patch);
  });

  it('an empty alias falls back to the real name in communications (seed 000)', async () => {
    const hal = await signUp(server, 'hal');
    const res = await hal.client.patch('/api/v1/me', { alias: '' });
    expect(res.body.alias).toBeNull();
    expect(res.body.communicationName).toBe('hal Tester');
  });

  it('refuses to change the username once saved (seeds 000, 002)', async () => {
    const ivy = await signUp(server, 'ivy');
    const res = await ivy.client.patch('/api/v1/me', { username: 'ivy2' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'user.username_immutable', field: 'body.username' });
    expect((await ivy.client.get('/api/v1/me')).body.username).toBe('ivy');
  });

  it('refuses a taken username or email, whatever the case', async () => {
    await signUp(server, 'jan');
    const dupUser = await server.client().post('/api/v1/signup', { username: 'JAN', email: 'other@example.com', password: PASSWORD, firstName: 'J', lastName: 'J', organizationName: 'x' });
    expect(dupUser.status).toBe(409);
    expect(dupUser.body).toMatchObject({ code: 'user.username_taken', field: 'body.username' });
    const dupMail = await server.client().post('/api/v1/signup', { username: 'jan2', email: 'JAN@example.com', password: PASSWORD, firstName: 'J', lastName: 'J', organizationName: 'x' });
    expect(dupMail.status).toBe(409);
    expect(dupMail.body).toMatchObject({ code: 'user.email_taken', field: 'body.email' });
  });

  it('refuses a short password and one containing the username, naming the field', async () => {
    const short = await server.client().post('/api/v1/signup', { username: 'kim', email: 'kim@example.com', password: 'short', firstName: 'K', lastName: 'K', organizationName: 'x' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'user.password_invalid', field: 'body.password' });
    const personal = await server.client().post('/api/v1/signup', { username: 'kimberly', email: 'kim@example.com', password: 'kimberly-is-my-name', firstName: 'K', lastName: 'K', organizationName: 'x' });
    expect(personal.status).toBe(400);
    expect(personal.body.detail).toMatch(/username/);
  });

  it('answers /me without a session with 401', async () => {
    const res = await server.client().get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('auth.required');
  });
});
