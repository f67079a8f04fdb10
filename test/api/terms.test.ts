/**
 * Terms (seed 002), on every database: the instance's terms and each organization's, accepted at
 * sign-in before anything else. Instance terms concern every user of a server, so they get a server
 * of their own here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import { waitUntil } from '../support/smtp.js';
import { addMember, createRole, PASSWORD, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const SEED_002 = 'The very first time a new user account is logged into, you will be presented with the Ivinex end user license agreement. The new user must accept the terms to continue using the Ivinex system.';
const ENV = { AUTH_RATE_LIMIT: '1000000' };

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${Date.now().toString(36).slice(-4)}`;
const orgPath = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;

/** A super admin of the instance, signed in. */
async function operator(server: TestServer, name = unique('operator')): Promise<Client> {
  await server.services.users.createSuperAdmin({ username: name, email: `${name}@example.com`, password: PASSWORD, firstName: 'Op', lastName: 'Erator' });
  return signIn(server, name);
}

/** A new user's sign-up, answered as it is, with their client. */
async function signUpRaw(server: TestServer, name = unique('user')) {
  const client = server.client();
  const res = await client.post('/api/v1/signup', { username: name, email: `${name}@example.com`, password: PASSWORD, firstName: name, lastName: 'Tester', organizationName: `${name}'s org` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { client, res, user: res.body.user, organization: res.body.organization } as SignedUp & { res: typeof res };
}

/** Accepts every document the user has to, as a person clicking "I accept" on each. */
async function acceptAll(client: Client): Promise<void> {
  const mine = await client.get('/api/v1/me/terms');
  expect(mine.status).toBe(200);
  for (const doc of mine.body.items.filter((d: { accepted: boolean }) => !d.accepted)) {
    expect((await client.post('/api/v1/me/terms/accept', { termsId: doc.id })).status).toBe(200);
  }
  expect((await client.get('/api/v1/me')).body.requiredActions).toEqual([]);
}

async function publish(client: Client, path: string, version: string, text = `Terms, version ${version}`) {
  const res = await client.put(path, { version, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function auditRows(server: TestServer, action: string, actorUserId: string) {
  const rows = await server.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('actor_user_id', '=', actorUserId).execute();
  return rows.map((r) => ({ ...r, after: r.after === null ? null : JSON.parse(r.after) }));
}

describe.each(DIALECTS)('the instance\'s terms on %s', (dialect) => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startRoster(dialect, ENV);
    // The operator signs in before any terms exist, so this session is never asked for them.
    admin = await operator(server);
    await publish(admin, '/api/v1/terms', 'eula-1', 'End user license agreement, first edition');
  });
  afterAll(async () => { await server?.close(); });

  it(`a new user is presented with the terms at the very first login and must accept them to continue (seed 002: "${SEED_002}")`, async () => {
    const newbie = await signUpRaw(server);
    expect(newbie.res.body.requiredActions).toEqual(['accept_terms']);
    expect((await newbie.client.get('/api/v1/me')).body).toMatchObject({ requiredActions: ['accept_terms'], acceptedTermsVersion: null });
    expect((await newbie.client.get('/api/v1/me/organizations')).body.code).toBe('auth.action_required');

    const mine = await newbie.client.get('/api/v1/me/terms');
    expect(mine.status).toBe(200);
    const current = (await server.client().get('/api/v1/terms')).body;
    expect(mine.body).toEqual({
      items: [{ id: current.id, organizationId: null, organizationName: null, version: current.version, text: current.text, publishedAt: current.publishedAt, accepted: false, acceptedAt: null }],
      requiredActions: ['accept_terms'],
    });

    const accepted = await newbie.client.post('/api/v1/me/terms/accept', { termsId: current.id });
    expect(accepted.status).toBe(200);
    expect(accepted.body.requiredActions).toEqual([]);
    expect(accepted.body.items[0]).toMatchObject({ accepted: true, acceptedAt: expect.any(String) });
    expect((await newbie.client.get('/api/v1/me/organizations')).status).toBe(200);
    expect((await newbie.client.get('/api/v1/me')).body).toMatchObject({ requiredActions: [], acceptedTermsVersion: current.version });

    // Accepted once is enough: the next sign-in asks nothing.
    const again = await server.client().post('/api/v1/session', { login: newbie.user.username, password: PASSWORD });
    expect(again.body.requiredActions).toEqual([]);
  });

  it('users accept again at their next sign-in after a new version is published', async () => {
    const user = await signUpRaw(server);
    await acceptAll(user.client);
    const first = (await server.client().get('/api/v1/terms')).body;
    const next = `eula-${unique('v')}`;
    await publish(admin, '/api/v1/terms', next, 'End user license agreement, revised');

    // Publishing asks at the next sign-in: the session already open goes on.
    expect((await user.client.get('/api/v1/me/organizations')).status).toBe(200);
    const client = server.client();
    const signedIn = await client.post('/api/v1/session', { login: user.user.username, password: PASSWORD });
    expect(signedIn.body.requiredActions).toEqual(['accept_terms']);
    expect((await client.get('/api/v1/me/terms')).body.items).toEqual([expect.objectContaining({ version: next, accepted: false })]);

    const stale = await client.post('/api/v1/me/terms/accept', { termsId: first.id });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('terms.not_current');
    const wrongVersion = await client.post('/api/v1/me/terms/accept', { version: first.version, organizationId: null });
    expect(wrongVersion.body.code).toBe('terms.not_current');

    const accepted = await client.post('/api/v1/me/terms/accept', { version: next, organizationId: null });
    expect(accepted.status).toBe(200);
    expect(accepted.body.requiredActions).toEqual([]);
    expect((await client.get('/api/v1/me')).body.acceptedTermsVersion).toBe(next);
  });

  it('while terms wait for acceptance, only reading, accepting, declining and signing out are open', async () => {
    const user = await signUpRaw(server);
    const blocked: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/me/organizations'],
      ['PATCH', '/api/v1/me', { title: 'Impatient' }],
      ['GET', '/api/v1/me/sessions'],
      ['DELETE', '/api/v1/me/sessions'],
      ['GET', orgPath(user)],
      ['GET', `${orgPath(user)}/members`],
      ['PUT', `${orgPath(user)}/terms`, { version: '1', text: 'Ours' }],
      ['POST', '/api/v1/organizations', { name: 'Another' }],
      ['PUT', '/api/v1/session/organization', { organizationId: user.organization.id }],
    ];
    for (const [method, path, body] of blocked) {
      const res = await user.client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code, `${method} ${path}`).toBe('auth.action_required');
    }
    expect((await user.client.get('/api/v1/me')).status).toBe(200);
    expect((await user.client.get('/api/v1/me/terms')).status).toBe(200);
    expect((await user.client.get('/api/v1/terms')).status).toBe(200);
    // Open, and answered: this organization has no terms.
    expect((await user.client.get(`${orgPath(user)}/terms`)).body.code).toBe('terms.not_found');
    expect((await user.client.delete('/api/v1/session')).status).toBe(204);
    expect((await user.client.get('/api/v1/me')).status).toBe(401);
  });

  it('declining the terms signs the user out, and is audited', async () => {
    const user = await signUpRaw(server);
    const current = (await server.client().get('/api/v1/terms')).body;
    const declined = await user.client.post('/api/v1/me/terms/decline');
    expect(declined.status).toBe(204);
    expect((await user.client.get('/api/v1/me')).status).toBe(401);
    expect(await server.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.user.id).execute()).toEqual([]);
    expect(await auditRows(server, 'terms.declined', user.user.id)).toEqual([
      expect.objectContaining({ organization_id: null, target_type: 'terms', target_id: current.id, after: { version: current.version } }),
    ]);
    // Declining is not accepting: the next sign-in asks again.
    const again = await server.client().post('/api/v1/session', { login: user.user.username, password: PASSWORD });
    expect(again.body.requiredActions).toEqual(['accept_terms']);
  });

  it('accepting is audited with the version and the time', async () => {
    const user = await signUpRaw(server);
    const current = (await server.client().get('/api/v1/terms')).body;
    const before = new Date().toISOString();
    await acceptAll(user.client);
    const after = new Date().toISOString();
    const [event, ...more] = await auditRows(server, 'terms.accepted', user.user.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ organization_id: null, target_type: 'terms', target_id: current.id, actor_display_name: user.user.displayName, after: { version: current.version, acceptedAt: expect.any(String) } });
    expect(event!.after.acceptedAt >= before && event!.after.acceptedAt <= after).toBe(true);
    const stored = await server.database.db.selectFrom('terms_acceptances').selectAll().where('user_id', '=', user.user.id).execute();
    expect(stored).toEqual([{ user_id: user.user.id, terms_id: current.id, accepted_at: event!.after.acceptedAt }]);
    // Accepting again changes nothing and records nothing.
    expect((await user.client.post('/api/v1/me/terms/accept', { termsId: current.id })).status).toBe(200);
    expect(await auditRows(server, 'terms.accepted', user.user.id)).toHaveLength(1);
  });

  it('only super admins publish the instance\'s terms; anyone may read them', async () => {
    const user = await signUpRaw(server);
    await acceptAll(user.client);
    const refused = await user.client.put('/api/v1/terms', { version: 'mine', text: 'My own rules' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    expect((await server.client().put('/api/v1/terms', { version: 'anon', text: 'x' })).status).toBe(401);

    const current = await server.client().get('/api/v1/terms');
    expect(current.status).toBe(200);
    // Publishing the current version again is a no-op; changing a published version's text is refused.
    const same = await publish(admin, '/api/v1/terms', current.body.version, current.body.text);
    expect(same.id).toBe(current.body.id);
    const changed = await admin.put('/api/v1/terms', { version: current.body.version, text: 'Quietly different' });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('terms.version_taken');
    const published = await server.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'terms.published').where('target_id', '=', current.body.id).execute();
    expect(published).toHaveLength(1);
    expect(published[0]!.organization_id).toBeNull();
  });

  it('accepting clears accept_terms from every session of the user, and leaves their other required actions', async () => {
    const user = await signUpRaw(server);
    const other = server.client();
    expect((await other.post('/api/v1/session', { login: user.user.username, password: PASSWORD })).body.requiredActions).toEqual(['accept_terms']);
    // That other session also has a password to change (as a policy would ask).
    const [otherSession] = await server.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.user.id).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).execute();
    await server.database.db.updateTable('sessions').set({ pending_actions: JSON.stringify(['accept_terms', 'change_password']) }).where('id', '=', otherSession!.id).execute();

    await acceptAll(user.client);
    expect((await other.get('/api/v1/me')).body.requiredActions).toEqual(['change_password']);
  });

  it('a member accepts both the instance\'s terms and their organization\'s; one alone is not enough', async () => {
    const owner = await signUpRaw(server);
    await acceptAll(owner.client);
    const orgTerms = await publish(owner.client, `${orgPath(owner)}/terms`, 'house-1', 'House rules');
    const member = await addMember(server, owner);
    const mine = (await member.client.get('/api/v1/me/terms')).body;
    expect(mine.items.map((d: any) => [d.organizationId, d.organizationName, d.accepted])).toEqual([[null, null, false], [owner.organization.id, owner.organization.name, false]]);

    const instance = await member.client.post('/api/v1/me/terms/accept', { version: mine.items[0].version, organizationId: null });
    expect(instance.body.requiredActions).toEqual(['accept_terms']);
    expect((await member.client.get(orgPath(owner))).body.code).toBe('auth.action_required');
    const organization = await member.client.post('/api/v1/me/terms/accept', { version: 'house-1', organizationId: owner.organization.id });
    expect(organization.body.requiredActions).toEqual([]);
    expect(organization.body.items.map((d: any) => d.accepted)).toEqual([true, true]);
    expect((await member.client.get(orgPath(owner))).status).toBe(200);
    // The instance's version is the one the user record keeps.
    expect((await member.client.get('/api/v1/me')).body.acceptedTermsVersion).toBe(mine.items[0].version);
    expect(orgTerms.organizationId).toBe(owner.organization.id);
  });
});

describe.each(DIALECTS)('an organization\'s terms on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect, ENV); });
  afterAll(async () => { await server?.close(); });

  it('an organization\'s terms are asked of its active members at sign-in, and of nobody else', async () => {
    const owner = await signUp(server, unique('owner'));
    const member = await addMember(server, owner);
    expect((await member.client.get('/api/v1/me')).body.requiredActions).toEqual([]);
    const published = await publish(owner.client, `${orgPath(owner)}/terms`, '2024-01', 'Be nice.');
    expect(published).toMatchObject({ organizationId: owner.organization.id, version: '2024-01', text: 'Be nice.', publishedBy: owner.user.id });

    const client = await signIn(server, member.user.username);
    expect((await client.get('/api/v1/me')).body.requiredActions).toEqual(['accept_terms']);
    expect((await client.get(`${orgPath(owner)}/terms`)).body).toEqual(published);
    // Someone of another organization is not concerned.
    const stranger = await signUp(server, unique('stranger'));
    const strangerAgain = await server.client().post('/api/v1/session', { login: stranger.user.username, password: PASSWORD });
    expect(strangerAgain.body.requiredActions).toEqual([]);
    // The organization's own owner accepts them too, at the next sign-in.
    const ownerAgain = await server.client().post('/api/v1/session', { login: owner.user.username, password: PASSWORD });
    expect(ownerAgain.body.requiredActions).toEqual(['accept_terms']);

    await acceptAll(client);
    expect((await client.get(orgPath(owner))).status).toBe(200);
  });

  it('terms that stop applying (the membership is deactivated) no longer hold the session', async () => {
    const owner = await signUp(server, unique('owner'));
    const member = await addMember(server, owner);
    await publish(owner.client, `${orgPath(owner)}/terms`, 'v1');
    const client = await signIn(server, member.user.username);
    expect((await client.get('/api/v1/me')).body.requiredActions).toEqual(['accept_terms']);
    expect((await owner.client.post(`${orgPath(owner)}/members/${member.user.id}/deactivate`)).status).toBe(200);

    expect((await client.get('/api/v1/me/terms')).body).toEqual({ items: [], requiredActions: [] });
    expect((await client.get('/api/v1/me')).body.requiredActions).toEqual([]);
    const again = await server.client().post('/api/v1/session', { login: member.user.username, password: PASSWORD });
    expect(again.body.requiredActions).toEqual([]);
  });

  it('only members with settings.manage publish an organization\'s terms; its members read them, nobody else', async () => {
    const owner = await signUp(server, unique('owner'));
    const plain = await addMember(server, owner);
    expect((await plain.client.get(`${orgPath(owner)}/terms`)).body.code).toBe('terms.not_found');
    const refused = await plain.client.put(`${orgPath(owner)}/terms`, { version: '1', text: 'Mine' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');

    await createRole(owner, 'legal', ['settings.manage']);
    const lawyer = await addMember(server, owner, 'legal');
    const published = await publish(lawyer.client, `${orgPath(owner)}/terms`, '1', 'Drafted by legal');
    expect((await plain.client.get(`${orgPath(owner)}/terms`)).body).toMatchObject({ id: published.id, version: '1' });
    const outsider = await signUp(server, unique('outsider'));
    expect((await outsider.client.get(`${orgPath(owner)}/terms`)).body.code).toBe('organization.not_found');
    expect((await outsider.client.put(`${orgPath(owner)}/terms`, { version: '2', text: 'x' })).body.code).toBe('organization.not_found');
  });

  it('publishing and accepting an organization\'s terms show in its audit trail, with the version and the time', async () => {
    const owner = await signUp(server, unique('owner'));
    const published = await publish(owner.client, `${orgPath(owner)}/terms`, 'v7');
    const member = await addMember(server, owner);
    const before = new Date().toISOString();
    await acceptAll(member.client);
    const accepted = await owner.client.get(`${orgPath(owner)}/audit-events?action=terms.accepted`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.items).toEqual([expect.objectContaining({
      actorUserId: member.user.id, targetType: 'terms', targetId: published.id, after: { version: 'v7', acceptedAt: expect.any(String) },
    })]);
    expect(accepted.body.items[0].after.acceptedAt >= before).toBe(true);
    const publishedEvents = await owner.client.get(`${orgPath(owner)}/audit-events?action=terms.published`);
    expect(publishedEvents.body.items).toEqual([expect.objectContaining({ actorUserId: owner.user.id, targetId: published.id, after: { version: 'v7' } })]);
  });

  it('terms of an organization the user is not in do not exist for them', async () => {
    const owner = await signUp(server, unique('owner'));
    const published = await publish(owner.client, `${orgPath(owner)}/terms`, 'private');
    const stranger = await signUp(server, unique('stranger'));
    for (const body of [{ termsId: published.id }, { version: 'private', organizationId: owner.organization.id }, { termsId: 'no-such-terms' }]) {
      const res = await stranger.client.post('/api/v1/me/terms/accept', body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body.code).toBe('terms.not_found');
    }
    const mixed = await stranger.client.post('/api/v1/me/terms/accept', { termsId: published.id, version: 'private' });
    expect(mixed.status).toBe(400);
    expect(await server.database.db.selectFrom('terms_acceptances').selectAll().where('user_id', '=', stranger.user.id).execute()).toEqual([]);
  });

  it('a new user joining through an invitation is presented with the organization\'s terms at the very first login (seed 002)', async () => {
    const owner = await signUp(server, unique('owner'));
    await publish(owner.client, `${orgPath(owner)}/terms`, 'welcome-1', 'Welcome aboard');
    const address = `${unique('invitee')}@example.com`;
    expect((await owner.client.post(`${orgPath(owner)}/invitations`, { emails: address, role: 'member' })).status).toBe(201);
    let text = '';
    await waitUntil(async () => {
      const items = (await owner.client.get(`${orgPath(owner)}/mailbox?to=${encodeURIComponent(address)}`)).body.items ?? [];
      text = items[0]?.text ?? '';
      return text !== '';
    }, 10_000, 'the invitation in the mailbox');
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(text)![1]!;

    const invitee = server.client();
    const joined = await invitee.post(`/api/v1/invitations/${token}/accept`, { username: unique('joiner'), password: PASSWORD, firstName: 'Jo', lastName: 'Iner' });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect((await invitee.get('/api/v1/me')).body.requiredActions).toEqual(['accept_terms']);
    expect((await invitee.get(orgPath(owner))).body.code).toBe('auth.action_required');
    await acceptAll(invitee);
    expect((await invitee.get(orgPath(owner))).status).toBe(200);
  });
});
