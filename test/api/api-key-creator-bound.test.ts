/**
 * An API key never holds more than its creator ("API keys for programs: per organization, with a
 * permission set no larger than the creator's"): at every request a key acts with its own
 * permissions only as far as its creator holds them then in that organization, and a key whose
 * creator is no longer an active member is refused. On every database, and across two processes on
 * one PostgreSQL (the creator's access is read from the same cache their own requests use).
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as creatorMigration from '../../src/db/migrations/0010_api_key_creator.js';
import { updateUser } from '../../src/db/queries/users.js';
import { Client } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import { msUntil, startTwoInstances, WITHIN_MS, type Instance } from '../support/instances.js';
import { addMember, createRole, PASSWORD, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** What a key gets on a route: its status, and the problem code when refused. */
async function answer(baseUrl: string, key: string, path: string): Promise<string> {
  const res = await new Client(baseUrl).get(path, bearer(key));
  return res.status < 300 ? String(res.status) : `${res.status} ${res.body.code}`;
}

describe.each(DIALECTS)('an API key never holds more than its creator, at every request, on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let org: string;

  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, 'boundowner', 'Bound Org');
    org = `/api/v1/organizations/${owner.organization.id}`;
    await createRole(owner, 'keeper', ['api_keys.manage', 'members.read']);
  });
  afterAll(async () => { await server?.close(); });

  async function createKey(client: Client, permissions: string[], headers?: Record<string, string>): Promise<{ id: string; key: string }> {
    const res = await client.post(`${org}/api-keys`, { name: `key ${permissions.join(' ')}`, permissions }, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  const asKey = (key: string, path: string) => answer(server.url, key, path);
  const changeMember = async (userId: string, body: Record<string, unknown>) => {
    const res = await owner.client.patch(`${org}/members/${userId}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const lifecycle = async (userId: string, action: 'deactivate' | 'activate') => {
    const res = await owner.client.post(`${org}/members/${userId}/${action}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('a creator demoted from admin to member: the key loses what the creator lost and keeps what both still have', async () => {
    const admin = await addMember(server, owner, 'admin', 'bounddemoted');
    const { key } = await createKey(admin.client, ['audit.read', 'members.read']);
    expect(await asKey(key, `${org}/audit-events`)).toBe('200');
    expect(await asKey(key, `${org}/members`)).toBe('200');

    await changeMember(admin.user.id, { role: 'member' });
    expect(await asKey(key, `${org}/audit-events`)).toBe('403 auth.forbidden');
    expect(await asKey(key, `${org}/members`)).toBe('200');

    // The key's own set is untouched: promoted again, the creator lends the key its permission again.
    await changeMember(admin.user.id, { role: 'admin' });
    expect(await asKey(key, `${org}/audit-events`)).toBe('200');
  });

  it('a creator who loses a user-specific permission or a group\'s permission takes it from the key too', async () => {
    const group = await owner.client.post(`${org}/groups`, { name: 'Auditors', permissions: ['audit.read'] });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const creator = await addMember(server, owner, 'keeper', 'boundgrouped');
    expect((await owner.client.put(`${org}/groups/${group.body.id}/members/${creator.user.id}`)).status).toBe(204);
    await changeMember(creator.user.id, { permissions: { 'settings.manage': 'allow' } });
    const { key } = await createKey(creator.client, ['audit.read', 'members.read', 'settings.manage']);
    expect(await asKey(key, `${org}/audit-events`)).toBe('200');
    const rename = () => new Client(server.url).request('PATCH', org, { name: 'Bound Org' }, bearer(key));
    expect((await rename()).status).toBe(200);

    await changeMember(creator.user.id, { permissions: { 'settings.manage': 'inherit' } });
    expect((await rename()).body.code).toBe('auth.forbidden');
    expect(await asKey(key, `${org}/audit-events`)).toBe('200');

    expect((await owner.client.delete(`${org}/groups/${group.body.id}/members/${creator.user.id}`)).status).toBe(204);
    expect(await asKey(key, `${org}/audit-events`)).toBe('403 auth.forbidden');
    expect(await asKey(key, `${org}/members`)).toBe('200');
  });

  it('a key whose creator is deactivated is refused with 403 auth.forbidden, and works again once the creator is reactivated', async () => {
    const creator = await addMember(server, owner, 'keeper', 'bounddeactivated');
    const { key } = await createKey(creator.client, ['members.read']);
    expect(await asKey(key, `${org}/members`)).toBe('200');

    await lifecycle(creator.user.id, 'deactivate');
    for (const path of [`${org}/members`, org]) expect(await asKey(key, path), path).toBe('403 auth.forbidden');
    const refused = await new Client(server.url).get(`${org}/members`, bearer(key));
    expect(refused.body.detail).toMatch(/no longer an active member/);

    await lifecycle(creator.user.id, 'activate');
    expect(await asKey(key, `${org}/members`)).toBe('200');
  });

  it('a key whose creator is removed from the organization is refused with 403 auth.forbidden', async () => {
    const creator = await addMember(server, owner, 'keeper', 'boundremoved');
    const { key } = await createKey(creator.client, ['members.read']);
    expect(await asKey(key, `${org}/members`)).toBe('200');
    expect((await owner.client.patch(org, { settings: { allowMemberDeletion: true } })).status).toBe(200);
    expect((await owner.client.delete(`${org}/members/${creator.user.id}`)).status).toBe(204);
    expect(await asKey(key, `${org}/members`)).toBe('403 auth.forbidden');
    // Another organization's routes still answer as for a stranger.
    const elsewhere = await signUp(server, 'boundelsewhere', 'Elsewhere');
    expect(await asKey(key, `/api/v1/organizations/${elsewhere.organization.id}/members`)).toBe('404 organization.not_found');
  });

  it('a key made by a key is bounded by the person behind the first key', async () => {
    const admin = await addMember(server, owner, 'admin', 'boundparent');
    const parent = await createKey(admin.client, ['api_keys.manage', 'audit.read', 'members.read']);
    const child = await createKey(new Client(server.url), ['audit.read', 'members.read'], bearer(parent.key));
    expect(await asKey(child.key, `${org}/audit-events`)).toBe('200');

    await changeMember(admin.user.id, { role: 'member' });
    expect(await asKey(child.key, `${org}/audit-events`)).toBe('403 auth.forbidden');
    expect(await asKey(child.key, `${org}/members`)).toBe('200');
    await lifecycle(admin.user.id, 'deactivate');
    expect(await asKey(child.key, `${org}/members`)).toBe('403 auth.forbidden');
  });

  it('a super admin\'s key works in an organization they are not a member of, until they stop being a super admin', async () => {
    await server.services.users.createSuperAdmin({ username: 'boundoperator', email: 'boundoperator@example.com', password: PASSWORD, firstName: 'Op', lastName: 'Erator' });
    const operator = await signIn(server, 'boundoperator');
    const { key } = await createKey(operator, ['audit.read']);
    expect(await asKey(key, `${org}/audit-events`)).toBe('200');
    const { id } = (await operator.get('/api/v1/me')).body;
    await updateUser(server.database.db, id, { super_admin: 0 });
    expect(await asKey(key, `${org}/audit-events`)).toBe('403 auth.forbidden');
  });

  it('a permission or module deleted from the catalogue leaves every key that named it, and registering it again does not bring it back', async () => {
    expect((await owner.client.post(`${org}/permissions`, { key: 'invoices.export' })).status).toBe(201);
    expect((await owner.client.post(`${org}/modules`, { name: 'leads' })).status).toBe(201);
    const created = await createKey(owner.client, ['invoices.export', 'members.read', 'module:leads.read']);
    expect(await asKey(created.key, `${org}/members`)).toBe('200');
    const permissionsOfKey = async () =>
      (await owner.client.get(`${org}/api-keys?limit=100`)).body.items.find((k: { id: string }) => k.id === created.id).permissions;

    expect((await owner.client.delete(`${org}/permissions/invoices.export`)).status).toBe(204);
    expect((await owner.client.delete(`${org}/modules/leads`)).status).toBe(204);
    expect(await permissionsOfKey()).toEqual(['members.read']);
    expect((await owner.client.post(`${org}/permissions`, { key: 'invoices.export' })).status).toBe(201);
    expect((await owner.client.post(`${org}/modules`, { name: 'leads' })).status).toBe(201);
    expect(await permissionsOfKey()).toEqual(['members.read']);
    expect(await asKey(created.key, `${org}/members`)).toBe('200');
  });
});

describe.each(DIALECTS)('keys made before the rule are bounded by their maker, on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  it('the migration bounds each existing key by the person who made it, or by the person behind the key that made it', async () => {
    const maker = await signUp(server, 'legacymaker', 'Legacy Org');
    const db = server.database.db as unknown as Kysely<any>;
    await creatorMigration.down(db);
    const row = (id: string, createdBy: string | null) => ({
      id, organization_id: maker.organization.id, name: id, prefix: `rst_${id}`, secret_hash: '0'.repeat(64), permissions: '[]',
      created_by: createdBy, created_at: new Date().toISOString(), last_used_at: null, expires_at: null, revoked_at: null,
    });
    // Inserted grandchild first, so a single pass in insertion order could not resolve it.
    await db.insertInto('api_keys').values([
      row('legacy-c', 'legacy-b'), row('legacy-b', 'legacy-a'), row('legacy-a', maker.user.id), row('legacy-x', 'no-such-maker'), row('legacy-n', null),
    ]).execute();
    await creatorMigration.up(db);
    const rows = await db.selectFrom('api_keys').select(['id', 'creator_user_id']).where('id', 'like', 'legacy-%').orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'legacy-a', creator_user_id: maker.user.id },
      { id: 'legacy-b', creator_user_id: maker.user.id },
      { id: 'legacy-c', creator_user_id: maker.user.id },
      { id: 'legacy-n', creator_user_id: null },
      { id: 'legacy-x', creator_user_id: null },
    ]);
  });
});

describe('an API key never holds more than its creator, across processes on PostgreSQL', () => {
  let one: Instance;
  let two: Instance;
  let close: () => Promise<void>;
  let ownerOn1: Client;
  let organizationId: string;
  let org: string;
  let counter = 0;

  beforeAll(async () => {
    ({ one, two, close } = await startTwoInstances());
    ownerOn1 = new Client(one.url);
    const signup = await ownerOn1.post('/api/v1/signup', {
      username: 'keyprocowner', email: 'keyprocowner@example.com', password: PASSWORD, firstName: 'Key', lastName: 'Owner', organizationName: 'Keys Everywhere',
    });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
    organizationId = signup.body.organization.id;
    org = `/api/v1/organizations/${organizationId}`;
  });
  afterAll(async () => { await close?.(); });

  /** An admin added through instance 1, and a key they made there holding audit.read and members.read. */
  async function adminWithKey(): Promise<{ userId: string; key: string }> {
    const name = `keyproc${++counter}`;
    const added = await ownerOn1.post(`${org}/members`, { username: name, email: `${name}@example.com`, password: PASSWORD, firstName: name, lastName: 'A', role: 'admin' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const admin = new Client(one.url);
    expect((await admin.post('/api/v1/session', { login: name, password: PASSWORD })).status).toBe(200);
    const created = await admin.post(`${org}/api-keys`, { name: 'reporting', permissions: ['audit.read', 'members.read'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { userId: added.body.userId, key: created.body.key };
  }

  const msUntilOn2 = (key: string, path: string, expected: string) => msUntil(() => answer(two.url, key, path), expected);

  it('instance 2 reads the creator\'s access from its cache: a change behind Roster\'s back is not seen', async () => {
    const { userId, key } = await adminWithKey();
    expect(await answer(two.url, key, `${org}/audit-events`)).toBe('200');
    await one.database.db.updateTable('members').set({ role: 'member' }).where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await answer(two.url, key, `${org}/audit-events`)).toBe('200');
  });

  it('a demotion of the creator through instance 1 takes effect for the key on instance 2 at once', async () => {
    const { userId, key } = await adminWithKey();
    expect(await answer(two.url, key, `${org}/audit-events`)).toBe('200');
    expect(await answer(two.url, key, `${org}/audit-events`)).toBe('200');
    expect((await ownerOn1.patch(`${org}/members/${userId}`, { role: 'member' })).status).toBe(200);
    expect(await msUntilOn2(key, `${org}/audit-events`, '403 auth.forbidden')).toBeLessThan(WITHIN_MS);
    expect(await answer(two.url, key, `${org}/members`)).toBe('200');
  });

  it('a deactivation of the creator through instance 1 refuses the key on instance 2 at once, and the reactivation restores it', async () => {
    const { userId, key } = await adminWithKey();
    expect(await answer(two.url, key, `${org}/members`)).toBe('200');
    expect((await ownerOn1.post(`${org}/members/${userId}/deactivate`)).status).toBe(200);
    expect(await msUntilOn2(key, `${org}/members`, '403 auth.forbidden')).toBeLessThan(WITHIN_MS);
    expect((await ownerOn1.post(`${org}/members/${userId}/activate`)).status).toBe(200);
    expect(await msUntilOn2(key, `${org}/members`, '200')).toBeLessThan(WITHIN_MS);
  });
});
