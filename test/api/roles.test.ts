/**
 * Roles and the permission catalogue: built-in roles, custom roles, and the rule that nobody grants
 * a permission they do not hold, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, PASSWORD, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const roles = (org: SignedUp) => `/api/v1/organizations/${org.organization.id}/roles`;
const members = (org: SignedUp) => `/api/v1/organizations/${org.organization.id}/members`;

/** What a role manager below admin holds: they manage roles and assign them, and nothing about audit or settings. */
const MANAGER = ['members.read', 'members.update', 'roles.assign', 'roles.manage'];

describe.each(DIALECTS)('roles on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  /** An organization with a member holding the custom `manager` role. */
  async function withManager(name: string): Promise<{ owner: SignedUp; manager: SignedUp }> {
    const owner = await signUp(server, `${name}-owner`);
    await createRole(owner, 'manager', MANAGER);
    const manager = await addMember(server, owner, 'manager', `${name}-manager`);
    return { owner, manager };
  }

  it('a new organization starts with the built-in owner, admin and member roles', async () => {
    const owner = await signUp(server, 'builtin-owner');
    const res = await owner.client.get(roles(owner));
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.body.items.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(['admin', 'member', 'owner']);
    expect(byKey.owner).toMatchObject({ builtin: true, permissions: ['*'] });
    expect(byKey.admin).toMatchObject({ builtin: true, permissions: ['*'] });
    expect(byKey.member).toMatchObject({ builtin: true, permissions: ['members.read'] });
  });

  it('creates, edits and deletes a custom role made of permissions from the catalogue', async () => {
    const owner = await signUp(server, 'crud-owner');
    const catalog = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/permissions`);
    expect(catalog.status).toBe(200);
    const keys: string[] = catalog.body.items.map((p: { key: string }) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['members.read', 'members.invite', 'members.update', 'members.deactivate',
      'members.delete', 'roles.manage', 'groups.manage', 'settings.manage', 'audit.read']));
    for (const p of catalog.body.items) expect(p.description, p.key).not.toBe('');

    const created = await owner.client.post(roles(owner), {
      key: 'agent', name: 'Agent', description: 'Answers the phones', permissions: ['members.update', 'members.read'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'agent', name: 'Agent', description: 'Answers the phones', builtin: false, permissions: ['members.read', 'members.update'] });
    expect((await owner.client.get(`${roles(owner)}/agent`)).body).toEqual(created.body);

    const edited = await owner.client.patch(`${roles(owner)}/agent`, { name: 'Senior agent', permissions: ['members.read', 'audit.read'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ key: 'agent', name: 'Senior agent', description: 'Answers the phones', permissions: ['audit.read', 'members.read'] });
    expect((await owner.client.get(`${roles(owner)}/agent`)).body.permissions).toEqual(['audit.read', 'members.read']);

    expect((await owner.client.delete(`${roles(owner)}/agent`)).status).toBe(204);
    const gone = await owner.client.get(`${roles(owner)}/agent`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('role.not_found');
  });

  it('a custom role\'s permissions take effect for its members', async () => {
    const owner = await signUp(server, 'effect-owner');
    await createRole(owner, 'auditor', ['audit.read']);
    const auditor = await addMember(server, owner, 'auditor', 'effect-auditor');
    const audit = `/api/v1/organizations/${owner.organization.id}/audit-events`;
    expect((await auditor.client.get(audit)).status).toBe(200);
    expect((await auditor.client.get(members(owner))).status).toBe(403);

    await owner.client.patch(`${roles(owner)}/auditor`, { permissions: ['members.read'] });
    expect((await auditor.client.get(audit)).status).toBe(403);
    expect((await auditor.client.get(members(owner))).status).toBe(200);
  });

  it('a permission outside the catalogue is refused', async () => {
    const owner = await signUp(server, 'unknown-owner');
    const created = await owner.client.post(roles(owner), { key: 'odd', name: 'Odd', permissions: ['members.read', 'rockets.launch'] });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ code: 'permission.unknown', field: 'body.permissions' });
    expect(created.body.detail).toMatch(/rockets\.launch/);
    expect((await owner.client.get(`${roles(owner)}/odd`)).status).toBe(404);

    await createRole(owner, 'even', ['members.read']);
    const edited = await owner.client.patch(`${roles(owner)}/even`, { permissions: ['*'] });
    expect(edited.status).toBe(400);
    expect(edited.body.code).toBe('permission.unknown');
    expect((await owner.client.get(`${roles(owner)}/even`)).body.permissions).toEqual(['members.read']);
  });

  it('a role key is unique within an organization', async () => {
    const owner = await signUp(server, 'dupkey-owner');
    await createRole(owner, 'agent', ['members.read']);
    const again = await owner.client.post(roles(owner), { key: 'agent', name: 'Agent again', permissions: [] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('role.key_taken');
    const builtin = await owner.client.post(roles(owner), { key: 'admin', name: 'My admin', permissions: [] });
    expect(builtin.status).toBe(409);
    expect(builtin.body.code).toBe('role.key_taken');
  });

  it('only members holding roles.manage create, edit or delete roles', async () => {
    const owner = await signUp(server, 'manage-owner');
    await createRole(owner, 'agent', ['members.read']);
    await createRole(owner, 'editor', ['members.read', 'members.update', 'roles.assign']);
    for (const role of ['member', 'editor']) {
      const someone = await addMember(server, owner, role, `manage-${role}`);
      const attempts = [
        () => someone.client.post(roles(owner), { key: 'mine', name: 'Mine', permissions: [] }),
        () => someone.client.patch(`${roles(owner)}/agent`, { name: 'Renamed' }),
        () => someone.client.delete(`${roles(owner)}/agent`),
      ];
      for (const attempt of attempts) {
        const res = await attempt();
        expect(res.status, role).toBe(403);
        expect(res.body.code, role).toBe('auth.forbidden');
      }
    }
    expect((await owner.client.get(`${roles(owner)}/agent`)).body.name).toBe('agent');
  });

  it('only members holding roles.assign change a member\'s role (seed 000: only administrators can change a user\'s role)', async () => {
    const owner = await signUp(server, 'assign-owner');
    await createRole(owner, 'editor', ['members.read', 'members.update']);
    const target = await addUser(owner, { username: 'assign-target' });
    for (const role of ['member', 'editor']) {
      const someone = await addMember(server, owner, role, `assign-${role}`);
      const res = await someone.client.patch(`${members(owner)}/${target.userId}`, { role: 'editor' });
      expect(res.status, role).toBe(403);
      expect(res.body.code, role).toBe('auth.forbidden');
      // Nor their own role.
      expect((await someone.client.patch(`${members(owner)}/${someone.user.id}`, { role: 'member' })).status, role).toBe(403);
    }
    expect((await owner.client.get(`${members(owner)}/${target.userId}`)).body.role).toBe('member');

    const admin = await addMember(server, owner, 'admin', 'assign-admin');
    const changed = await admin.client.patch(`${members(owner)}/${target.userId}`, { role: 'editor' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('editor');
  });

  it('nobody creates a role with a permission they do not hold', async () => {
    const { owner, manager } = await withManager('grant-create');
    const res = await manager.client.post(roles(owner), { key: 'spy', name: 'Spy', permissions: ['members.read', 'audit.read'] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'body.permissions' });
    expect(res.body.detail).toMatch(/audit\.read/);
    expect((await owner.client.get(`${roles(owner)}/spy`)).status).toBe(404);

    const within = await manager.client.post(roles(owner), { key: 'helper', name: 'Helper', permissions: ['members.read', 'members.update'] });
    expect(within.status).toBe(201);
  });

  it('nobody widens a role beyond the permissions they hold', async () => {
    const { owner, manager } = await withManager('grant-widen');
    await createRole(owner, 'agent', ['members.read']);
    const res = await manager.client.patch(`${roles(owner)}/agent`, { permissions: ['members.read', 'settings.manage'] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('permission.not_held');
    // Their own role included: holding roles.manage does not let them raise themselves.
    const self = await manager.client.patch(`${roles(owner)}/manager`, { permissions: [...MANAGER, 'members.delete'] });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('permission.not_held');
    expect((await owner.client.get(`${roles(owner)}/agent`)).body.permissions).toEqual(['members.read']);
    expect((await owner.client.get(`${roles(owner)}/manager`)).body.permissions).toEqual([...MANAGER].sort());
  });

  it('nobody edits or deletes a role holding permissions they do not hold', async () => {
    const { owner, manager } = await withManager('grant-narrow');
    await createRole(owner, 'auditor', ['audit.read', 'members.read']);
    await createRole(owner, 'spare', ['settings.manage']);
    await addUser(owner, { username: 'grant-narrow-auditor', role: 'auditor' });

    // Narrowing a role takes permissions from its members: a lesser manager may not do that either.
    const narrowed = await manager.client.patch(`${roles(owner)}/auditor`, { permissions: ['members.read'] });
    expect(narrowed.status).toBe(403);
    expect(narrowed.body).toMatchObject({ code: 'permission.not_held', field: 'params.roleKey' });
    const renamed = await manager.client.patch(`${roles(owner)}/auditor`, { name: 'Renamed' });
    expect(renamed.status).toBe(403);
    const deleted = await manager.client.delete(`${roles(owner)}/spare`);
    expect(deleted.status).toBe(403);
    expect(deleted.body).toMatchObject({ code: 'permission.not_held', field: 'params.roleKey' });
    expect((await owner.client.get(`${roles(owner)}/auditor`)).body).toMatchObject({ name: 'auditor', permissions: ['audit.read', 'members.read'] });
    expect((await owner.client.get(`${roles(owner)}/spare`)).status).toBe(200);
  });

  it('nobody gives the admin role without being an admin', async () => {
    const { owner, manager } = await withManager('grant-admin');
    const target = await addUser(owner, { username: 'grant-admin-target' });
    const res = await manager.client.patch(`${members(owner)}/${target.userId}`, { role: 'admin' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'body.role' });
    const self = await manager.client.patch(`${members(owner)}/${manager.user.id}`, { role: 'admin' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('permission.not_held');
    expect((await owner.client.get(`${members(owner)}/${target.userId}`)).body.role).toBe('member');
    expect((await owner.client.get(`${members(owner)}/${manager.user.id}`)).body.role).toBe('manager');
  });

  it('nobody gives a role with permissions they do not hold, on adding or on editing a member', async () => {
    const { owner, manager } = await withManager('grant-role');
    await createRole(owner, 'auditor', ['audit.read', 'members.read']);
    await createRole(owner, 'agent', ['members.read', 'members.update']);
    await createRole(owner, 'creator', [...MANAGER, 'members.create']);
    const creator = await addMember(server, owner, 'creator', 'grant-role-creator');
    const target = await addUser(owner, { username: 'grant-role-target' });

    const edit = await manager.client.patch(`${members(owner)}/${target.userId}`, { role: 'auditor' });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ code: 'permission.not_held', field: 'body.role' });
    const add = await creator.client.post(members(owner), {
      username: 'grant-role-new', email: 'grant-role-new@example.com', password: PASSWORD, firstName: 'N', lastName: 'N', role: 'auditor',
    });
    expect(add.status).toBe(403);
    expect(add.body.code).toBe('permission.not_held');
    expect((await owner.client.get(`${members(owner)}?q=grant-role-new`)).body.items).toEqual([]);

    // A role within what they hold is theirs to give.
    const ok = await manager.client.patch(`${members(owner)}/${target.userId}`, { role: 'agent' });
    expect(ok.status).toBe(200);
    expect(ok.body.role).toBe('agent');
  });

  it('nobody changes the role of a member who holds permissions they do not', async () => {
    const { owner, manager } = await withManager('outrank');
    const admin = await addUser(owner, { username: 'outrank-admin', role: 'admin' });
    const res = await manager.client.patch(`${members(owner)}/${admin.userId}`, { role: 'member' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect((await owner.client.get(`${members(owner)}/${admin.userId}`)).body.role).toBe('admin');
  });

  it('the owner role moves only by transferring ownership (seed 001)', async () => {
    const owner = await signUp(server, 'byxfer-owner');
    const admin = await addMember(server, owner, 'admin', 'byxfer-admin');
    const target = await addUser(owner, { username: 'byxfer-target' });
    for (const actor of [owner, admin]) {
      const res = await actor.client.patch(`${members(owner)}/${target.userId}`, { role: 'owner' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'member.owner_role_by_transfer_only', field: 'body.role' });
    }
    const add = await owner.client.post(members(owner), {
      username: 'byxfer-new', email: 'byxfer-new@example.com', password: PASSWORD, firstName: 'N', lastName: 'N', role: 'owner',
    });
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('member.owner_role_by_transfer_only');
    expect((await owner.client.get(`${members(owner)}?role=owner`)).body.items.map((m: { username: string }) => m.username)).toEqual(['byxfer-owner']);
  });

  it('the built-in roles can not be edited or deleted', async () => {
    const owner = await signUp(server, 'immutable-owner');
    for (const key of ['owner', 'admin', 'member']) {
      const edited = await owner.client.patch(`${roles(owner)}/${key}`, { name: 'Renamed', permissions: ['members.read'] });
      expect(edited.status, key).toBe(409);
      expect(edited.body.code, key).toBe('role.builtin_immutable');
      const deleted = await owner.client.delete(`${roles(owner)}/${key}`);
      expect(deleted.status, key).toBe(409);
      expect(deleted.body.code, key).toBe('role.builtin_immutable');
    }
    const after = await owner.client.get(roles(owner));
    expect(after.body.items.map((r: { key: string; name: string }) => [r.key, r.name]).sort())
      .toEqual([['admin', 'Admin'], ['member', 'Member'], ['owner', 'Owner']]);
  });

  it('a role somebody holds, even a deactivated member, can not be deleted', async () => {
    const owner = await signUp(server, 'inuse-owner');
    await createRole(owner, 'agent', ['members.read']);
    const holder = await addUser(owner, { username: 'inuse-holder', role: 'agent' });
    await owner.client.post(`${members(owner)}/${holder.userId}/deactivate`);

    const res = await owner.client.delete(`${roles(owner)}/agent`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('role.in_use');
    expect((await owner.client.get(`${roles(owner)}/agent`)).status).toBe(200);

    expect((await owner.client.patch(`${members(owner)}/${holder.userId}`, { role: 'member' })).status).toBe(200);
    expect((await owner.client.delete(`${roles(owner)}/agent`)).status).toBe(204);
  });
});
