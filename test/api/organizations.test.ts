/**
 * Organizations: creating another one, reading and changing its name and settings, and the
 * instance's super admins who manage every organization, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, PASSWORD, signIn, signUp, startRoster, type TestServer } from '../support/server.js';

const org = (id: string) => `/api/v1/organizations/${id}`;

describe.each(DIALECTS)('organizations on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  it('creating another organization makes its creator the owner (seed 001)', async () => {
    const ada = await signUp(server, 'create-ada', 'First Engines');
    const res = await ada.client.post('/api/v1/organizations', { name: '  Second Engines ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Second Engines', settings: { allowMemberDeletion: false } });
    const id: string = res.body.id;

    const mine = await ada.client.get('/api/v1/me/organizations');
    expect(mine.body.items.map((i: { organization: { name: string }; role: string; status: string }) => [i.organization.name, i.role, i.status]))
      .toEqual([['First Engines', 'owner', 'active'], ['Second Engines', 'owner', 'active']]);
    const list = await ada.client.get(`${org(id)}/members`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ userId: ada.user.id, role: 'owner', status: 'active', addedVia: 'organization' });
    const roles = await ada.client.get(`${org(id)}/roles`);
    expect(roles.body.items.map((r: { key: string }) => r.key).sort()).toEqual(['admin', 'member', 'owner']);
    // The new organization starts empty: nobody from the first one comes along.
    await addMember(server, ada, 'member', 'create-first-only');
    expect((await ada.client.get(`${org(id)}/members`)).body.items).toHaveLength(1);
  });

  it('creating an organization needs a signed-in user', async () => {
    const res = await server.client().post('/api/v1/organizations', { name: 'Nobody\'s' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.required');
  });

  it('reads and changes an organization\'s name and settings', async () => {
    const owner = await signUp(server, 'settings-owner', 'Settings Co');
    const got = await owner.client.get(org(owner.organization.id));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: owner.organization.id, name: 'Settings Co',
      settings: { allowMemberDeletion: false, invitationLifetimeDays: 7, sessionIdleMinutes: null, sessionAbsoluteHours: null },
    });

    const patched = await owner.client.patch(org(owner.organization.id), { name: 'Settings Inc', settings: { invitationLifetimeDays: 14 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Settings Inc', settings: { allowMemberDeletion: false, invitationLifetimeDays: 14 } });
    const more = await owner.client.patch(org(owner.organization.id), { settings: { allowMemberDeletion: true, sessionIdleMinutes: 30 } });
    // A partial settings patch keeps the settings it does not name.
    expect(more.body).toMatchObject({ name: 'Settings Inc', settings: { allowMemberDeletion: true, invitationLifetimeDays: 14, sessionIdleMinutes: 30 } });

    const again = await owner.client.get(org(owner.organization.id));
    expect(again.body).toEqual(more.body);
    const mine = await owner.client.get('/api/v1/me/organizations');
    expect(mine.body.items[0].organization.name).toBe('Settings Inc');

    const unknown = await owner.client.patch(org(owner.organization.id), { settings: { deleteEverything: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('request.unknown_field');
  });

  it('an organization\'s session timeouts have minimums (idle 5 minutes, lifetime 1 hour): a 0 that would end every session is refused, naming the field', async () => {
    const owner = await signUp(server, 'timeouts-owner', 'Timeouts Co');
    for (const [field, value] of [['sessionIdleMinutes', 0], ['sessionIdleMinutes', 4], ['sessionAbsoluteHours', 0]] as const) {
      const res = await owner.client.patch(org(owner.organization.id), { settings: { [field]: value } });
      expect(res.status, `${field}: ${value}`).toBe(400);
      expect(res.body).toMatchObject({ code: 'request.invalid', field: `body.settings.${field}` });
    }
    const lowest = await owner.client.patch(org(owner.organization.id), { settings: { sessionIdleMinutes: 5, sessionAbsoluteHours: 1 } });
    expect(lowest.status).toBe(200);
    expect(lowest.body.settings).toMatchObject({ sessionIdleMinutes: 5, sessionAbsoluteHours: 1 });
  });

  it('changing an organization\'s name and settings needs settings.manage', async () => {
    const owner = await signUp(server, 'guard-owner', 'Guarded');
    const plain = await addMember(server, owner, 'member', 'guard-plain');
    await createRole(owner, 'configurer', ['settings.manage']);
    const configurer = await addMember(server, owner, 'configurer', 'guard-configurer');

    expect((await plain.client.get(org(owner.organization.id))).status).toBe(200);
    for (const body of [{ name: 'Taken over' }, { settings: { allowMemberDeletion: true } }]) {
      const res = await plain.client.patch(org(owner.organization.id), body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    expect((await owner.client.get(org(owner.organization.id))).body).toMatchObject({ name: 'Guarded', settings: { allowMemberDeletion: false } });

    const allowed = await configurer.client.patch(org(owner.organization.id), { name: 'Guarded Ltd' });
    expect(allowed.status).toBe(200);
    expect(allowed.body.name).toBe('Guarded Ltd');
  });

  it('a super admin manages every organization without being a member (seed 000 "Super Admin")', async () => {
    const owner = await signUp(server, 'tenant-owner', 'Tenant');
    const member = await addUser(owner, { username: 'tenant-member' });
    await server.services.users.createSuperAdmin({
      username: 'operator', email: 'operator@example.com', password: PASSWORD, firstName: 'Op', lastName: 'Erator',
    });
    const operator = await signIn(server, 'operator');
    const id = owner.organization.id;

    expect((await operator.get(org(id))).status).toBe(200);
    const list = await operator.get(`${org(id)}/members`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { username: string }) => m.username)).toEqual(['tenant-member', 'tenant-owner']);
    const edited = await operator.patch(`${org(id)}/members/${member.userId}`, { title: 'Set by the operator', role: 'admin' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Set by the operator', role: 'admin' });
    expect((await operator.post(`${org(id)}/members/${member.userId}/deactivate`)).body.status).toBe('inactive');
    const renamed = await operator.patch(org(id), { name: 'Tenant (checked)' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Tenant (checked)');
    expect((await owner.client.get(`${org(id)}/members/${member.userId}`)).body).toMatchObject({ title: 'Set by the operator', status: 'inactive' });
    // Managing an organization does not make the operator one of its members.
    expect((await owner.client.get(`${org(id)}/members`)).body.items.map((m: { username: string }) => m.username)).toEqual(['tenant-owner']);
  });

  it('only super admins list every organization of the instance', async () => {
    const a = await signUp(server, 'all-a', 'All A');
    const b = await signUp(server, 'all-b', 'All B');
    const refused = await a.client.get('/api/v1/organizations');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    expect((await server.client().get('/api/v1/organizations')).status).toBe(401);

    await server.services.users.createSuperAdmin({
      username: 'lister', email: 'lister@example.com', password: PASSWORD, firstName: 'Li', lastName: 'Ster',
    });
    const lister = await signIn(server, 'lister');
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } =
        await lister.get(`/api/v1/organizations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((o) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(ids).toEqual(expect.arrayContaining([a.organization.id, b.organization.id]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
