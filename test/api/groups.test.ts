/**
 * Groups (seed 002 "User Groups", "Group Manager"): named sets of members with permissions, a member
 * in many groups, members per group and groups per member, and the rule that nobody grants a
 * permission they do not hold, directly or through a group — on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const org = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;
const groups = (o: SignedUp) => `${org(o)}/groups`;
const members = (o: SignedUp) => `${org(o)}/members`;

/** Manages groups and reads members, and nothing about the audit trail or settings. */
const MANAGER = ['members.read', 'groups.manage'];

interface GroupBody {
  name: string;
  description?: string;
  permissions?: string[];
}

describe.each(DIALECTS)('groups on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  async function createGroup(actor: SignedUp, body: GroupBody): Promise<any> {
    const res = await actor.client.post(groups(actor), body);
    if (res.status !== 201) throw new Error(`create group failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function putInGroup(actor: SignedUp, groupId: string, userId: string): Promise<void> {
    const res = await actor.client.put(`${groups(actor)}/${groupId}/members/${userId}`);
    if (res.status !== 204) throw new Error(`add to group failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** The access decision for a member, through the authorization check API. */
  async function check(owner: SignedUp, userId: string, permission: string): Promise<{ allowed: boolean; reason: string }> {
    const res = await owner.client.post(`${org(owner)}/authz/check`, { userId, permission });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  const names = (items: Array<{ username: string }>) => items.map((m) => m.username);

  /** An organization with a member holding the custom `manager` role (groups.manage without audit.read). */
  async function withManager(name: string): Promise<{ owner: SignedUp; manager: SignedUp }> {
    const owner = await signUp(server, `${name}-owner`);
    await createRole(owner, 'manager', MANAGER);
    const manager = await addMember(server, owner, 'manager', `${name}-manager`);
    return { owner, manager };
  }

  it('creates, renames and deletes a group, each change in the audit trail (seed 002 Group Manager)', async () => {
    const owner = await signUp(server, 'crud-owner');
    const created = await owner.client.post(groups(owner), { name: '  Sales ', description: 'Works the leads', permissions: ['members.update', 'members.read', 'members.read'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Sales', description: 'Works the leads', permissions: ['members.read', 'members.update'], memberCount: 0 });
    const id: string = created.body.id;
    expect((await owner.client.get(`${groups(owner)}/${id}`)).body).toEqual(created.body);

    const renamed = await owner.client.patch(`${groups(owner)}/${id}`, { name: 'Inside sales', description: 'Calls back' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'Inside sales', description: 'Calls back', permissions: ['members.read', 'members.update'] });
    const listed = await owner.client.get(groups(owner));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [renamed.body], nextCursor: null });

    expect((await owner.client.delete(`${groups(owner)}/${id}`)).status).toBe(204);
    const gone = await owner.client.get(`${groups(owner)}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('group.not_found');
    expect((await owner.client.get(groups(owner))).body.items).toEqual([]);

    const audit = await owner.client.get(`${org(owner)}/audit-events?target=${id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['group.deleted', 'group.updated', 'group.created']);
    expect(audit.body.items[1]).toMatchObject({ before: { name: 'Sales' }, after: { name: 'Inside sales' }, actorDisplayName: owner.user.displayName });
  });

  it('a group name is unique in the organization without regard to case', async () => {
    const owner = await signUp(server, 'unique-owner');
    const sales = await createGroup(owner, { name: 'Sales' });
    const again = await owner.client.post(groups(owner), { name: ' sALES ' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'group.name_taken', field: 'body.name' });

    const support = await createGroup(owner, { name: 'Support' });
    const clash = await owner.client.patch(`${groups(owner)}/${support.id}`, { name: 'SALES' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('group.name_taken');
    // Another case of its own name is no clash.
    expect((await owner.client.patch(`${groups(owner)}/${sales.id}`, { name: 'SALES' })).body.name).toBe('SALES');
    // Another organization has names of its own.
    const other = await signUp(server, 'unique-other');
    expect((await other.client.post(groups(other), { name: 'sales' })).status).toBe(201);
    expect((await owner.client.get(groups(owner))).body.items.map((g: { name: string }) => g.name)).toEqual(['SALES', 'Support']);
  });

  it('a member can be in many groups, and shows them by name wherever the member is shown (seed 002 User Groups)', async () => {
    const owner = await signUp(server, 'many-owner');
    const target = await addUser(owner, { username: 'many-target' });
    const [west, east, north] = [await createGroup(owner, { name: 'West' }), await createGroup(owner, { name: 'east' }), await createGroup(owner, { name: 'North' })];
    expect(target.groups).toEqual([]);
    await putInGroup(owner, west.id, target.userId);
    await putInGroup(owner, east.id, target.userId);
    // Putting a member in a group they are in already changes nothing.
    await putInGroup(owner, east.id, target.userId);

    const expected = [{ id: east.id, name: 'east' }, { id: west.id, name: 'West' }];
    expect((await owner.client.get(`${members(owner)}/${target.userId}`)).body.groups).toEqual(expected);
    const listed = (await owner.client.get(`${members(owner)}?q=many-target`)).body.items;
    expect(listed.map((m: { groups: unknown }) => m.groups)).toEqual([expected]);
    const owners = (await owner.client.get(`${members(owner)}?q=many-owner`)).body.items;
    expect(owners[0].groups).toEqual([]);

    const counts = Object.fromEntries((await owner.client.get(groups(owner))).body.items.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount]));
    expect(counts).toEqual({ east: 1, North: 0, West: 1 });
    expect((await owner.client.get(`${groups(owner)}/${north.id}`)).body.memberCount).toBe(0);

    // A renamed group shows under its new name.
    await owner.client.patch(`${groups(owner)}/${west.id}`, { name: 'Far west' });
    expect((await owner.client.get(`${members(owner)}/${target.userId}`)).body.groups.map((g: { name: string }) => g.name)).toEqual(['east', 'Far west']);
  });

  it('a group lists its members page by page, and the member list filters by group (seed 002)', async () => {
    const owner = await signUp(server, 'per-group-owner');
    const crew = await createGroup(owner, { name: 'Crew' });
    const inside = [];
    for (const name of ['pg-c', 'pg-a', 'pg-d', 'pg-b']) inside.push(await addUser(owner, { username: name }));
    await addUser(owner, { username: 'pg-outside' });
    for (const m of inside) await putInGroup(owner, crew.id, m.userId);
    await owner.client.post(`${members(owner)}/${inside[2].userId}/deactivate`);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await owner.client.get(`${groups(owner)}/${crew.id}/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      for (const m of res.body.items) expect(m.groups).toEqual([{ id: crew.id, name: 'Crew' }]);
      seen.push(...names(res.body.items));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(['pg-a', 'pg-b', 'pg-c', 'pg-d']);
    expect(names((await owner.client.get(`${groups(owner)}/${crew.id}/members?status=inactive`)).body.items)).toEqual(['pg-d']);

    // The member list shows active members unless asked for inactive ones, as without the filter.
    expect(names((await owner.client.get(`${members(owner)}?group=${crew.id}`)).body.items)).toEqual(['pg-a', 'pg-b', 'pg-c']);
    expect(names((await owner.client.get(`${members(owner)}?group=${crew.id}&status=inactive`)).body.items)).toEqual(['pg-d']);
    const first = await owner.client.get(`${members(owner)}?group=${crew.id}&limit=2`);
    expect(names(first.body.items)).toEqual(['pg-a', 'pg-b']);
    const second = await owner.client.get(`${members(owner)}?group=${crew.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect(names(second.body.items)).toEqual(['pg-c']);
    expect(second.body.nextCursor).toBeNull();
    expect((await owner.client.get(`${members(owner)}?group=no-such-group`)).body.items).toEqual([]);
  });

  it('editing a member sets their groups, all or nothing with the rest of the edit (seed 002 User Groups check boxes)', async () => {
    const owner = await signUp(server, 'patch-owner');
    const target = await addUser(owner, { username: 'patch-target' });
    const [a, b, c] = [await createGroup(owner, { name: 'A' }), await createGroup(owner, { name: 'B' }), await createGroup(owner, { name: 'C' })];
    await putInGroup(owner, a.id, target.userId);

    const edited = await owner.client.patch(`${members(owner)}/${target.userId}`, { title: 'Lead', groups: [c.id, b.id, c.id] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Lead', groups: [{ id: b.id, name: 'B' }, { id: c.id, name: 'C' }] });

    const refused = await owner.client.patch(`${members(owner)}/${target.userId}`, { title: 'Boss', groups: [a.id, 'no-such-group'] });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'group.not_found', field: 'body.groups' });
    const after = (await owner.client.get(`${members(owner)}/${target.userId}`)).body;
    expect(after.title).toBe('Lead');
    expect(after.groups.map((g: { name: string }) => g.name)).toEqual(['B', 'C']);

    expect((await owner.client.patch(`${members(owner)}/${target.userId}`, { groups: [] })).body.groups).toEqual([]);
    const audit = await owner.client.get(`${org(owner)}/audit-events?target=${target.userId}&action=member.groups_changed`);
    expect(audit.body.items.map((e: any) => [e.before.groups.map((g: any) => g.name), e.after.groups.map((g: any) => g.name)]))
      .toEqual([[['B', 'C'], []], [['A'], ['B', 'C']], [[], ['A']]]);
  });

  it('module permissions given to a group grant them to its members, with the group as the reason (seed 002)', async () => {
    const owner = await signUp(server, 'module-owner');
    const leads = await owner.client.post(`${org(owner)}/modules`, { name: 'leads' });
    expect(leads.body.permissions).toEqual(['module:leads.read', 'module:leads.create', 'module:leads.update', 'module:leads.delete']);
    const agent = await addMember(server, owner, 'member', 'module-agent');
    const sales = await createGroup(owner, { name: 'Sales', permissions: ['module:leads.read', 'module:leads.update'] });
    expect(await check(owner, agent.user.id, 'module:leads.read')).toEqual({ allowed: false, reason: 'not_granted' });

    await putInGroup(owner, sales.id, agent.user.id);
    expect(await check(owner, agent.user.id, 'module:leads.read')).toEqual({ allowed: true, reason: 'group:Sales' });
    expect(await check(owner, agent.user.id, 'module:leads.update')).toEqual({ allowed: true, reason: 'group:Sales' });
    expect(await check(owner, agent.user.id, 'module:leads.delete')).toEqual({ allowed: false, reason: 'not_granted' });
    // The role's grant is named first when both grant it.
    expect(await check(owner, agent.user.id, 'members.read')).toEqual({ allowed: true, reason: 'role:member' });

    // The group's permissions change for its members at once, and so does its name in the reason.
    await owner.client.patch(`${groups(owner)}/${sales.id}`, { name: 'Field sales', permissions: ['module:leads.read', 'module:leads.delete'] });
    expect(await check(owner, agent.user.id, 'module:leads.delete')).toEqual({ allowed: true, reason: 'group:Field sales' });
    expect(await check(owner, agent.user.id, 'module:leads.update')).toEqual({ allowed: false, reason: 'not_granted' });

    const unknown = await owner.client.post(groups(owner), { name: 'Odd', permissions: ['module:contacts.read'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'permission.unknown', field: 'body.permissions' });
  });

  it('taking a member out of a group, or deleting the group, takes its permissions away at once', async () => {
    const owner = await signUp(server, 'revoke-owner');
    const reader = await addMember(server, owner, 'member', 'revoke-reader');
    const auditors = await createGroup(owner, { name: 'Auditors', permissions: ['audit.read'] });
    const audit = `${org(owner)}/audit-events`;
    expect((await reader.client.get(audit)).status).toBe(403);

    await putInGroup(owner, auditors.id, reader.user.id);
    expect((await reader.client.get(audit)).status).toBe(200);
    expect((await owner.client.delete(`${groups(owner)}/${auditors.id}/members/${reader.user.id}`)).status).toBe(204);
    expect((await reader.client.get(audit)).status).toBe(403);
    // Taking out someone who is not in the group is no error.
    expect((await owner.client.delete(`${groups(owner)}/${auditors.id}/members/${reader.user.id}`)).status).toBe(204);

    await putInGroup(owner, auditors.id, reader.user.id);
    expect((await reader.client.get(audit)).status).toBe(200);
    await owner.client.patch(`${groups(owner)}/${auditors.id}`, { permissions: [] });
    expect((await reader.client.get(audit)).status).toBe(403);
    await owner.client.patch(`${groups(owner)}/${auditors.id}`, { permissions: ['audit.read'] });
    expect((await reader.client.get(audit)).status).toBe(200);

    expect((await owner.client.delete(`${groups(owner)}/${auditors.id}`)).status).toBe(204);
    expect((await reader.client.get(audit)).status).toBe(403);
    expect((await owner.client.get(`${members(owner)}/${reader.user.id}`)).body.groups).toEqual([]);
  });

  it('a deleted member leaves their groups (seed 003)', async () => {
    const owner = await signUp(server, 'leave-owner');
    await owner.client.patch(org(owner), { settings: { allowMemberDeletion: true } });
    const team = await createGroup(owner, { name: 'Team' });
    const target = await addUser(owner, { username: 'leave-target' });
    await putInGroup(owner, team.id, target.userId);
    expect((await owner.client.get(`${groups(owner)}/${team.id}`)).body.memberCount).toBe(1);
    expect((await owner.client.delete(`${members(owner)}/${target.userId}`)).status).toBe(204);
    expect((await owner.client.get(`${groups(owner)}/${team.id}`)).body.memberCount).toBe(0);
    expect((await owner.client.get(`${groups(owner)}/${team.id}/members`)).body.items).toEqual([]);
  });

  it('nobody creates a group with a permission they do not hold', async () => {
    const { owner, manager } = await withManager('grant-create');
    const res = await manager.client.post(groups(owner), { name: 'Spies', permissions: ['members.read', 'audit.read'] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'body.permissions' });
    expect(res.body.detail).toMatch(/audit\.read/);
    expect((await owner.client.get(groups(owner))).body.items).toEqual([]);

    const within = await manager.client.post(groups(owner), { name: 'Readers', permissions: ['members.read'] });
    expect(within.status).toBe(201);
  });

  it('nobody adds a permission they do not hold to an existing group', async () => {
    const { owner, manager } = await withManager('grant-widen');
    const readers = await createGroup(owner, { name: 'Readers', permissions: ['members.read'] });
    const res = await manager.client.patch(`${groups(owner)}/${readers.id}`, { permissions: ['members.read', 'audit.read'] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'body.permissions' });
    expect((await owner.client.get(`${groups(owner)}/${readers.id}`)).body.permissions).toEqual(['members.read']);
  });

  it('nobody puts a member, themselves included, in a group holding a permission they do not hold', async () => {
    const { owner, manager } = await withManager('grant-join');
    const auditors = await createGroup(owner, { name: 'Auditors', permissions: ['audit.read'] });
    const target = await addUser(owner, { username: 'grant-join-target' });
    const attempts = [
      () => manager.client.put(`${groups(owner)}/${auditors.id}/members/${target.userId}`),
      () => manager.client.put(`${groups(owner)}/${auditors.id}/members/${manager.user.id}`),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'params.groupId' });
    }
    for (const userId of [target.userId, manager.user.id]) {
      const res = await manager.client.patch(`${members(owner)}/${userId}`, { groups: [auditors.id] });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'body.groups' });
    }
    expect((await owner.client.get(`${groups(owner)}/${auditors.id}/members`)).body.items).toEqual([]);
    const audit = await manager.client.get(`${org(owner)}/audit-events`);
    expect(audit.status).toBe(403);
    expect(audit.body.code).toBe('auth.forbidden');

    // A group within what they hold is theirs to give, to themselves too.
    const readers = await createGroup(owner, { name: 'Readers', permissions: ['members.read'] });
    expect((await manager.client.put(`${groups(owner)}/${readers.id}/members/${manager.user.id}`)).status).toBe(204);
    expect((await manager.client.patch(`${members(owner)}/${target.userId}`, { groups: [readers.id] })).status).toBe(200);
  });

  it('nobody takes a member out of, edits or deletes a group holding a permission they do not hold', async () => {
    const { owner, manager } = await withManager('grant-narrow');
    const auditors = await createGroup(owner, { name: 'Auditors', permissions: ['audit.read', 'members.read'] });
    const readers = await createGroup(owner, { name: 'Readers', permissions: ['members.read'] });
    const target = await addUser(owner, { username: 'grant-narrow-target' });
    await putInGroup(owner, auditors.id, target.userId);

    const refusals = [
      await manager.client.delete(`${groups(owner)}/${auditors.id}/members/${target.userId}`),
      await manager.client.patch(`${groups(owner)}/${auditors.id}`, { permissions: ['members.read'] }),
      await manager.client.patch(`${groups(owner)}/${auditors.id}`, { name: 'Renamed' }),
      await manager.client.delete(`${groups(owner)}/${auditors.id}`),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'permission.not_held', field: 'params.groupId' });
    }
    const leave = await manager.client.patch(`${members(owner)}/${target.userId}`, { groups: [] });
    expect(leave.status).toBe(403);
    expect(leave.body).toMatchObject({ code: 'permission.not_held', field: 'body.groups' });
    expect((await owner.client.get(`${groups(owner)}/${auditors.id}`)).body).toMatchObject({ name: 'Auditors', permissions: ['audit.read', 'members.read'], memberCount: 1 });

    // Groups the member stays in need nothing: adding a group within reach keeps the others as they are.
    const joined = await manager.client.patch(`${members(owner)}/${target.userId}`, { groups: [auditors.id, readers.id] });
    expect(joined.status).toBe(200);
    expect(joined.body.groups.map((g: { name: string }) => g.name)).toEqual(['Auditors', 'Readers']);
  });

  it('members.read is enough to see groups; only groups.manage changes them', async () => {
    const owner = await signUp(server, 'plain-owner');
    const team = await createGroup(owner, { name: 'Team' });
    const plain = await addMember(server, owner, 'member', 'plain-member');
    expect((await plain.client.get(groups(owner))).status).toBe(200);
    expect((await plain.client.get(`${groups(owner)}/${team.id}`)).status).toBe(200);
    expect((await plain.client.get(`${groups(owner)}/${team.id}/members`)).status).toBe(200);
    const attempts = [
      () => plain.client.post(groups(owner), { name: 'Mine' }),
      () => plain.client.patch(`${groups(owner)}/${team.id}`, { name: 'Renamed' }),
      () => plain.client.delete(`${groups(owner)}/${team.id}`),
      () => plain.client.put(`${groups(owner)}/${team.id}/members/${plain.user.id}`),
      () => plain.client.delete(`${groups(owner)}/${team.id}/members/${plain.user.id}`),
      () => plain.client.patch(`${members(owner)}/${plain.user.id}`, { groups: [team.id] }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    expect((await owner.client.get(`${groups(owner)}/${team.id}`)).body).toMatchObject({ name: 'Team', memberCount: 0 });

    await createRole(owner, 'blind', []);
    const blind = await addMember(server, owner, 'blind', 'plain-blind');
    expect((await blind.client.get(groups(owner))).status).toBe(403);
    expect((await blind.client.get(`${groups(owner)}/${team.id}/members`)).status).toBe(403);
  });

  it('another organization\'s group is not found, whatever route names it', async () => {
    const alpha = await signUp(server, 'iso-alpha');
    const bravo = await signUp(server, 'iso-bravo');
    const secret = await createGroup(bravo, { name: 'Bravo secret' });
    const member = await addUser(alpha, { username: 'iso-alpha-member' });
    const base = `${groups(alpha)}/${secret.id}`;
    const attempts = [
      () => alpha.client.get(base),
      () => alpha.client.patch(base, { name: 'Taken over' }),
      () => alpha.client.delete(base),
      () => alpha.client.get(`${base}/members`),
      () => alpha.client.put(`${base}/members/${member.userId}`),
      () => alpha.client.delete(`${base}/members/${member.userId}`),
      () => alpha.client.patch(`${members(alpha)}/${member.userId}`, { groups: [secret.id] }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('group.not_found');
      expect(JSON.stringify(res.body)).not.toContain('Bravo secret');
    }
    expect((await alpha.client.get(`${members(alpha)}?group=${secret.id}`)).body.items).toEqual([]);
    expect((await bravo.client.get(`${groups(bravo)}/${secret.id}`)).body).toMatchObject({ name: 'Bravo secret', memberCount: 0 });
    // Nor is another organization's member put in a group.
    const team = await createGroup(alpha, { name: 'Team' });
    const foreign = await alpha.client.put(`${groups(alpha)}/${team.id}/members/${bravo.user.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('member.not_found');
  });

  it('bad input is refused naming the field at fault', async () => {
    const owner = await signUp(server, 'bad-owner');
    const team = await createGroup(owner, { name: 'Team' });
    const cases: Array<[() => Promise<any>, number, string, string]> = [
      [() => owner.client.post(groups(owner), {}), 400, 'request.invalid', 'body.name'],
      [() => owner.client.post(groups(owner), { name: '' }), 400, 'request.invalid', 'body.name'],
      [() => owner.client.post(groups(owner), { name: '   ' }), 400, 'request.invalid', 'body.name'],
      [() => owner.client.post(groups(owner), { name: 'x'.repeat(101) }), 400, 'request.invalid', 'body.name'],
      [() => owner.client.post(groups(owner), { name: 'Odd', permissions: ['rockets.launch'] }), 400, 'permission.unknown', 'body.permissions'],
      [() => owner.client.post(groups(owner), { name: 'Everything', permissions: ['*'] }), 400, 'permission.unknown', 'body.permissions'],
      [() => owner.client.post(groups(owner), { name: 'Odd', permissions: 'members.read' }), 400, 'request.invalid', 'body.permissions'],
      [() => owner.client.post(groups(owner), { name: 'Odd', members: [] }), 400, 'request.unknown_field', 'body.members'],
      [() => owner.client.patch(`${groups(owner)}/${team.id}`, { name: '  ' }), 400, 'request.invalid', 'body.name'],
      [() => owner.client.patch(`${members(owner)}/${owner.user.id}`, { groups: team.id }), 400, 'request.invalid', 'body.groups'],
      [() => owner.client.get(`${groups(owner)}?limit=0`), 400, 'request.invalid', 'query.limit'],
      [() => owner.client.get(`${groups(owner)}?cursor=nonsense`), 400, 'request.cursor_invalid', 'query.cursor'],
      [() => owner.client.get(`${groups(owner)}/${team.id}/members?status=gone`), 400, 'request.invalid', 'query.status'],
    ];
    for (const [attempt, status, code, field] of cases) {
      const res = await attempt();
      expect({ status: res.status, code: res.body.code, field: res.body.field }, JSON.stringify(res.body)).toEqual({ status, code, field });
    }
    expect((await owner.client.get(groups(owner))).body.items.map((g: { name: string }) => g.name)).toEqual(['Team']);
  });
});
