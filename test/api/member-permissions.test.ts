/**
 * User-specific permissions (seed 002: per module, allow / deny / inherit) set through
 * PATCH …/members/{userId} `{permissions}`, and the privilege rules around them, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

describe.each(DIALECTS)('user-specific permissions on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let org: string;

  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, 'mp-owner', 'Member permissions');
    org = `/api/v1/organizations/${owner.organization.id}`;
    expect((await owner.client.post(`${org}/modules`, { name: 'leads', description: 'Sales leads' })).status).toBe(201);
  });
  afterAll(async () => { await server?.close(); });

  const setPermissions = (actor: SignedUp, userId: string, permissions: Record<string, string>) =>
    actor.client.patch(`${org}/members/${userId}`, { permissions });

  async function decision(userId: string, permission: string) {
    const res = await owner.client.post(`${org}/authz/check`, { userId, permission });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { allowed: boolean; reason: string };
  }

  it('allow adds a permission on top of the role, deny takes away even the role\'s, inherit removes the override (seed 002: user specific permissions per module)', async () => {
    const target = await addMember(server, owner, 'member', 'mp-target');
    expect(await decision(target.user.id, 'module:leads.read')).toEqual({ allowed: false, reason: 'not_granted' });
    expect(await decision(target.user.id, 'members.read')).toEqual({ allowed: true, reason: 'role:member' });
    expect((await target.client.get(`${org}/members`)).status).toBe(200);

    const set = await setPermissions(owner, target.user.id, { 'module:leads.read': 'allow', 'members.read': 'deny' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.role).toBe('member');
    expect(await decision(target.user.id, 'module:leads.read')).toEqual({ allowed: true, reason: 'user:allow' });
    expect(await decision(target.user.id, 'members.read')).toEqual({ allowed: false, reason: 'user:deny' });
    // The member feels it on their very next request.
    const denied = await target.client.get(`${org}/members`);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('auth.forbidden');
    const access = await target.client.get(`${org}/members/${target.user.id}/access`);
    expect(access.body.permissions).toEqual([{ permission: 'module:leads.read', reason: 'user:allow' }]);

    // Other overrides stay as they are when one is changed.
    expect((await setPermissions(owner, target.user.id, { 'members.read': 'inherit' })).status).toBe(200);
    expect(await decision(target.user.id, 'members.read')).toEqual({ allowed: true, reason: 'role:member' });
    expect(await decision(target.user.id, 'module:leads.read')).toEqual({ allowed: true, reason: 'user:allow' });
    expect((await target.client.get(`${org}/members`)).status).toBe(200);

    expect((await setPermissions(owner, target.user.id, { 'module:leads.read': 'inherit' })).status).toBe(200);
    expect(await decision(target.user.id, 'module:leads.read')).toEqual({ allowed: false, reason: 'not_granted' });
    // Inherit on a permission with no override is no change.
    expect((await setPermissions(owner, target.user.id, { 'module:leads.update': 'inherit' })).status).toBe(200);
    expect(await decision(target.user.id, 'module:leads.update')).toEqual({ allowed: false, reason: 'not_granted' });
  });

  it('a deny wins over a group that grants the permission', async () => {
    const target = await addUser(owner, { username: 'mp-grouped' });
    const group = await owner.client.post(`${org}/groups`, { name: 'Lead readers', permissions: ['module:leads.read'] });
    expect(group.status).toBe(201);
    expect((await owner.client.put(`${org}/groups/${group.body.id}/members/${target.userId}`)).status).toBe(204);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'group:Lead readers' });
    expect((await setPermissions(owner, target.userId, { 'module:leads.read': 'deny' })).status).toBe(200);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: false, reason: 'user:deny' });
    expect((await setPermissions(owner, target.userId, { 'module:leads.read': 'inherit' })).status).toBe(200);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'group:Lead readers' });
  });

  it('a member\'s user-specific permissions and resources read back as PATCH set them, deny included', async () => {
    const target = await addUser(owner, { username: 'mp-readback' });
    const empty = await owner.client.get(`${org}/members/${target.userId}/permissions`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ permissions: {}, resources: {} });
    expect((await setPermissions(owner, target.userId, { 'module:leads.read': 'allow', 'members.read': 'deny' })).status).toBe(200);
    const set = await owner.client.get(`${org}/members/${target.userId}/permissions`);
    expect(set.body).toEqual({ permissions: { 'members.read': 'deny', 'module:leads.read': 'allow' }, resources: {} });
    expect((await setPermissions(owner, target.userId, { 'members.read': 'inherit' })).status).toBe(200);
    expect((await owner.client.get(`${org}/members/${target.userId}/permissions`)).body.permissions).toEqual({ 'module:leads.read': 'allow' });
  });

  it('reading another member\'s user-specific permissions needs members.read; anyone reads their own', async () => {
    await createRole(owner, 'blind', ['module:leads.read']);
    const blind = await addMember(server, owner, 'blind', 'mp-blind');
    const target = await addUser(owner, { username: 'mp-watched' });
    const refused = await blind.client.get(`${org}/members/${target.userId}/permissions`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    const own = await blind.client.get(`${org}/members/${blind.user.id}/permissions`);
    expect(own.status).toBe(200);
    const missing = await owner.client.get(`${org}/members/no-such-user/permissions`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('member.not_found');
  });

  it('only members holding roles.assign set user-specific permissions', async () => {
    await createRole(owner, 'editor', ['members.read', 'members.update']);
    const editor = await addMember(server, owner, 'editor', 'mp-editor');
    const target = await addUser(owner, { username: 'mp-editor-target' });
    const res = await setPermissions(editor, target.userId, { 'module:leads.read': 'allow' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    // Not on themselves either.
    const self = await setPermissions(editor, editor.user.id, { 'roles.assign': 'allow' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('auth.forbidden');
    // members.update still edits the profile.
    expect((await editor.client.patch(`${org}/members/${target.userId}`, { title: 'Agent' })).status).toBe(200);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: false, reason: 'not_granted' });
    expect(await decision(editor.user.id, 'roles.assign')).toEqual({ allowed: false, reason: 'not_granted' });
  });

  it('nobody allows a permission they do not hold', async () => {
    await createRole(owner, 'assigner', ['members.read', 'roles.assign', 'module:leads.read']);
    const assigner = await addMember(server, owner, 'assigner', 'mp-assigner');
    const target = await addUser(owner, { username: 'mp-assigner-target' });

    const res = await setPermissions(assigner, target.userId, { 'module:leads.read': 'allow', 'audit.read': 'allow' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'body.permissions' });
    expect(res.body.detail).toMatch(/audit\.read/);
    // All or nothing: the permission they do hold was not set either.
    expect(await decision(target.userId, 'audit.read')).toEqual({ allowed: false, reason: 'not_granted' });
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: false, reason: 'not_granted' });

    // Nor to themselves: roles.assign does not raise its holder.
    const self = await setPermissions(assigner, assigner.user.id, { 'audit.read': 'allow' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('permission.not_held');
    expect((await assigner.client.get(`${org}/audit-events`)).status).toBe(403);

    // Within what they hold, they may.
    const ok = await setPermissions(assigner, target.userId, { 'module:leads.read': 'allow' });
    expect(ok.status).toBe(200);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'user:allow' });

    // An allow given by someone who holds it lets the member use it.
    expect((await setPermissions(owner, assigner.user.id, { 'audit.read': 'allow' })).status).toBe(200);
    expect((await assigner.client.get(`${org}/audit-events`)).status).toBe(200);
  });

  it('a permission outside the catalogue is refused', async () => {
    const target = await addUser(owner, { username: 'mp-unknown' });
    for (const permission of ['rockets.launch', 'module:ghosts.read', '*']) {
      const res = await setPermissions(owner, target.userId, { [permission]: 'allow' });
      expect(res.status, permission).toBe(400);
      expect(res.body, permission).toMatchObject({ code: 'permission.unknown', field: 'body.permissions' });
    }
    const effect = await setPermissions(owner, target.userId, { 'members.read': 'grant' });
    expect(effect.status).toBe(400);
    expect(effect.body.code).toBe('request.invalid');
    expect((await owner.client.get(`${org}/members/${target.userId}/access`)).body.permissions).toEqual([{ permission: 'members.read', reason: 'role:member' }]);
  });

  it('an application permission limited to some roles is allowed only to members of those roles (seed 003: Partner users can only be granted Access to Issue Comments)', async () => {
    await createRole(owner, 'support', ['members.read']);
    expect((await owner.client.post(`${org}/permissions`, { key: 'issue_comments.access', allowedRoles: ['support'] })).status).toBe(201);
    const member = await addUser(owner, { username: 'mp-limited-member' });
    const support = await addUser(owner, { username: 'mp-limited-support', role: 'support' });

    const refused = await setPermissions(owner, member.userId, { 'issue_comments.access': 'allow' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'permission.role_not_allowed', field: 'body.permissions' });
    expect(await decision(member.userId, 'issue_comments.access')).toEqual({ allowed: false, reason: 'not_granted' });

    expect((await setPermissions(owner, support.userId, { 'issue_comments.access': 'allow' })).status).toBe(200);
    expect(await decision(support.userId, 'issue_comments.access')).toEqual({ allowed: true, reason: 'user:allow' });

    // Giving the role and the permission in one edit is judged by the new role.
    const both = await owner.client.patch(`${org}/members/${member.userId}`, { role: 'support', permissions: { 'issue_comments.access': 'allow' } });
    expect(both.status).toBe(200);
    expect(await decision(member.userId, 'issue_comments.access')).toEqual({ allowed: true, reason: 'user:allow' });
    // Moved back to a role it is not for, the member keeps the override but it counts for nothing.
    expect((await owner.client.patch(`${org}/members/${member.userId}`, { role: 'member' })).status).toBe(200);
    expect(await decision(member.userId, 'issue_comments.access')).toEqual({ allowed: false, reason: 'role_not_eligible' });
  });

  it('each change of user-specific permissions is in the audit trail with before and after (seed 000: lead history and logs)', async () => {
    const target = await addUser(owner, { username: 'mp-audited' });
    await setPermissions(owner, target.userId, { 'module:leads.read': 'allow', 'members.read': 'deny' });
    await setPermissions(owner, target.userId, { 'members.read': 'inherit', 'module:leads.create': 'allow' });
    const res = await owner.client.get(`${org}/audit-events?target=${target.userId}&action=member.permissions_changed`);
    expect(res.status).toBe(200);
    const events = res.body.items;
    expect(events).toHaveLength(2);
    // Newest first.
    expect(events[1]).toMatchObject({
      actorUserId: owner.user.id, action: 'member.permissions_changed', targetType: 'member', targetId: target.userId,
      before: {}, after: { 'members.read': 'deny', 'module:leads.read': 'allow' },
    });
    expect(events[0]).toMatchObject({
      before: { 'members.read': 'deny', 'module:leads.read': 'allow' },
      after: { 'module:leads.create': 'allow', 'module:leads.read': 'allow' },
    });
    expect(events[0].actorDisplayName).toBeTruthy();

    // A refused change leaves no event.
    await setPermissions(owner, target.userId, { 'rockets.launch': 'allow' });
    expect((await owner.client.get(`${org}/audit-events?target=${target.userId}&action=member.permissions_changed`)).body.items).toHaveLength(2);
  });

  it('a deactivated member is allowed nothing, whatever their overrides say', async () => {
    const target = await addUser(owner, { username: 'mp-inactive' });
    await setPermissions(owner, target.userId, { 'module:leads.read': 'allow' });
    expect((await owner.client.post(`${org}/members/${target.userId}/deactivate`)).status).toBe(200);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: false, reason: 'inactive' });
    expect((await owner.client.post(`${org}/members/${target.userId}/activate`)).status).toBe(200);
    expect(await decision(target.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'user:allow' });
  });
});
