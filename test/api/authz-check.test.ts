/**
 * The authorization check API — `can(user, org, permission, resource?)` answered with a reason
 * (DESIGN.md §1) — one at a time, in batches, and as a member's effective access, on every database.
 */
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import type { Database } from '../../src/db/schema.js';
import { DIALECTS } from '../support/databases.js';
import { addMember, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

describe.each(DIALECTS)('authorization checks on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let admin: SignedUp;
  let member: SignedUp;
  let agent: SignedUp;
  let outsider: SignedUp;
  let org: string;

  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, 'authzowner', 'Authz Org');
    org = `/api/v1/organizations/${owner.organization.id}`;
    admin = await addMember(server, owner, 'admin', 'authzadmin');
    member = await addMember(server, owner, 'member', 'authzmember');
    await createRole(owner, 'agent', ['members.read', 'members.invite']);
    agent = await addMember(server, owner, 'agent', 'authzagent');
    outsider = await signUp(server, 'authzoutsider', 'Elsewhere');
  });
  afterAll(async () => { await server?.close(); });

  const check = (userId: string, permission: string, resource?: { type: string; id: string }) =>
    owner.client.post(`${org}/authz/check`, { userId, permission, ...(resource ? { resource } : {}) });

  async function expectDecision(userId: string, permission: string, allowed: boolean, reason: string, resource?: { type: string; id: string }) {
    const res = await check(userId, permission, resource);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body, `${permission} for ${userId}`).toEqual({ allowed, reason });
  }

  /**
   * Access data the groups and catalogue services own, written the way they write it: through the
   * cache's `change`, which is how every process learns of it.
   */
  const changeAccessData = (work: (trx: Transaction<Database>) => Promise<unknown>) =>
    server.services.accessCache.change(owner.organization.id, async (trx) => { await work(trx); });

  it('answers for owners and admins (every permission), members and custom roles, with the role as reason', async () => {
    await expectDecision(owner.user.id, 'members.delete', true, 'role:owner');
    await expectDecision(admin.user.id, 'roles.manage', true, 'role:admin');
    await expectDecision(member.user.id, 'members.read', true, 'role:member');
    await expectDecision(member.user.id, 'members.invite', false, 'not_granted');
    await expectDecision(agent.user.id, 'members.invite', true, 'role:agent');
    await expectDecision(agent.user.id, 'members.delete', false, 'not_granted');
  });

  it('a user who is not a member, here or anywhere, is refused as not_member', async () => {
    await expectDecision(outsider.user.id, 'members.read', false, 'not_member');
    await expectDecision('no-such-user', 'members.read', false, 'not_member');
  });

  it('a deactivated member is allowed nothing, from the very next check; reactivated, allowed again', async () => {
    const temp = await addMember(server, owner, 'agent', 'authztemp');
    await expectDecision(temp.user.id, 'members.invite', true, 'role:agent');
    expect((await owner.client.post(`${org}/members/${temp.user.id}/deactivate`)).status).toBe(200);
    await expectDecision(temp.user.id, 'members.invite', false, 'inactive');
    await expectDecision(temp.user.id, 'members.read', false, 'inactive');
    expect((await owner.client.post(`${org}/members/${temp.user.id}/activate`)).status).toBe(200);
    await expectDecision(temp.user.id, 'members.invite', true, 'role:agent');
  });

  it('a role change, and an edit of the role itself, show in the very next check', async () => {
    const mover = await addMember(server, owner, 'member', 'authzmover');
    await expectDecision(mover.user.id, 'members.invite', false, 'not_granted');
    expect((await owner.client.patch(`${org}/members/${mover.user.id}`, { role: 'agent' })).status).toBe(200);
    await expectDecision(mover.user.id, 'members.invite', true, 'role:agent');
    await expectDecision(mover.user.id, 'audit.read', false, 'not_granted');
    expect((await owner.client.patch(`${org}/roles/agent`, { permissions: ['members.read', 'members.invite', 'audit.read'] })).status).toBe(200);
    await expectDecision(mover.user.id, 'audit.read', true, 'role:agent');
    expect((await owner.client.patch(`${org}/roles/agent`, { permissions: ['members.read', 'members.invite'] })).status).toBe(200);
    await expectDecision(mover.user.id, 'audit.read', false, 'not_granted');
  });

  it('gives group, user-specific and eligibility reasons (seeds 002, 003)', async () => {
    const grouped = await addMember(server, owner, 'member', 'authzgrouped');
    const at = new Date().toISOString();
    const groupId = newId();
    await changeAccessData(async (trx) => {
      await trx.insertInto('groups').values({
        id: groupId, organization_id: owner.organization.id, name: 'Billing', name_key: 'billing', description: '',
        permissions: JSON.stringify(['audit.read', 'settings.manage']), created_at: at, updated_at: at,
      }).execute();
      await trx.insertInto('group_members').values({ organization_id: owner.organization.id, group_id: groupId, user_id: grouped.user.id, created_at: at }).execute();
      await trx.insertInto('app_permissions').values({ organization_id: owner.organization.id, key: 'issue_comments.access', description: '', allowed_roles: JSON.stringify(['agent']), created_at: at }).execute();
      await trx.insertInto('member_permissions').values([
        { organization_id: owner.organization.id, user_id: grouped.user.id, permission: 'members.invite', effect: 'allow' },
        { organization_id: owner.organization.id, user_id: grouped.user.id, permission: 'settings.manage', effect: 'deny' },
        { organization_id: owner.organization.id, user_id: grouped.user.id, permission: 'issue_comments.access', effect: 'allow' },
      ]).execute();
    });
    await expectDecision(grouped.user.id, 'audit.read', true, 'group:Billing');
    await expectDecision(grouped.user.id, 'members.invite', true, 'user:allow');
    await expectDecision(grouped.user.id, 'settings.manage', false, 'user:deny');
    await expectDecision(grouped.user.id, 'issue_comments.access', false, 'role_not_eligible');
  });

  it('checks resources: a member sees only the partners granted, an admin all of them (seed 003)', async () => {
    const partnerUser = await addMember(server, owner, 'member', 'authzpartner');
    await changeAccessData(async (trx) => {
      const at = new Date().toISOString();
      await trx.insertInto('resource_types').values({ organization_id: owner.organization.id, key: 'partner', name: 'Partner', created_at: at }).execute();
      await trx.insertInto('resources').values(['p1', 'p2'].map((id) => ({ organization_id: owner.organization.id, type: 'partner', id, name: id, created_at: at }))).execute();
      await trx.insertInto('member_resources').values({ organization_id: owner.organization.id, user_id: partnerUser.user.id, type: 'partner', resource_id: 'p1' }).execute();
    });
    await expectDecision(partnerUser.user.id, 'members.read', true, 'role:member', { type: 'partner', id: 'p1' });
    await expectDecision(partnerUser.user.id, 'members.read', false, 'resource_not_granted', { type: 'partner', id: 'p2' });
    await expectDecision(partnerUser.user.id, 'members.invite', false, 'not_granted', { type: 'partner', id: 'p1' });
    await expectDecision(admin.user.id, 'members.read', true, 'role:admin', { type: 'partner', id: 'p2' });

    const access = await owner.client.get(`${org}/members/${partnerUser.user.id}/access`);
    expect(access.status).toBe(200);
    expect(access.body.resources).toEqual({ partner: { scope: 'granted', ids: ['p1'] } });
  });

  it('answers a batch in the order asked', async () => {
    const res = await owner.client.post(`${org}/authz/check-batch`, {
      checks: [
        { userId: member.user.id, permission: 'members.read' },
        { userId: member.user.id, permission: 'members.invite' },
        { userId: 'no-such-user', permission: 'members.read' },
        { userId: agent.user.id, permission: 'members.invite' },
        { userId: admin.user.id, permission: 'anything.at_all', resource: { type: 'partner', id: 'p9' } },
        { userId: member.user.id, permission: 'members.read' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      results: [
        { allowed: true, reason: 'role:member' },
        { allowed: false, reason: 'not_granted' },
        { allowed: false, reason: 'not_member' },
        { allowed: true, reason: 'role:agent' },
        { allowed: true, reason: 'role:admin' },
        { allowed: true, reason: 'role:member' },
      ],
    });
  });

  it('takes 1 to 1000 checks in a batch', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ userId: i % 2 ? member.user.id : agent.user.id, permission: 'members.invite' }));
    const full = await owner.client.post(`${org}/authz/check-batch`, { checks: many });
    expect(full.status).toBe(200);
    expect(full.body.results).toHaveLength(1000);
    expect(full.body.results[0]).toEqual({ allowed: true, reason: 'role:agent' });
    expect(full.body.results[1]).toEqual({ allowed: false, reason: 'not_granted' });
    const tooMany = await owner.client.post(`${org}/authz/check-batch`, { checks: [...many, many[0]] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('request.invalid');
    expect((await owner.client.post(`${org}/authz/check-batch`, { checks: [] })).status).toBe(400);
  });

  it('returns a member\'s effective access in one call: permissions with reasons, role, status, resources', async () => {
    const res = await owner.client.get(`${org}/members/${agent.user.id}/access`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: agent.user.id, role: 'agent', status: 'active', resources: {},
      permissions: [{ permission: 'members.invite', reason: 'role:agent' }, { permission: 'members.read', reason: 'role:agent' }],
    });
    const ofAdmin = await owner.client.get(`${org}/members/${admin.user.id}/access`);
    expect(ofAdmin.body).toMatchObject({ role: 'admin', status: 'active', permissions: [{ permission: '*', reason: 'role:admin' }] });

    const idle = await addMember(server, owner, 'agent', 'authzidle');
    expect((await owner.client.post(`${org}/members/${idle.user.id}/deactivate`)).status).toBe(200);
    const ofIdle = await owner.client.get(`${org}/members/${idle.user.id}/access`);
    expect(ofIdle.body).toEqual({ userId: idle.user.id, role: 'agent', status: 'inactive', permissions: [], resources: {} });

    for (const userId of [outsider.user.id, 'no-such-user']) {
      const none = await owner.client.get(`${org}/members/${userId}/access`);
      expect(none.status).toBe(404);
      expect(none.body.code).toBe('member.not_found');
    }
  });

  it('asking about others needs authz.check; a custom role holding it may ask', async () => {
    for (const [method, path, body] of [
      ['POST', `${org}/authz/check`, { userId: agent.user.id, permission: 'members.read' }],
      ['POST', `${org}/authz/check-batch`, { checks: [{ userId: member.user.id, permission: 'members.read' }, { userId: agent.user.id, permission: 'members.read' }] }],
      ['GET', `${org}/members/${agent.user.id}/access`, undefined],
    ] as const) {
      const res = await member.client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    await createRole(owner, 'auditor', ['authz.check']);
    const auditor = await addMember(server, owner, 'auditor', 'authzauditor');
    const res = await auditor.client.post(`${org}/authz/check`, { userId: agent.user.id, permission: 'members.invite' });
    expect(res.body).toEqual({ allowed: true, reason: 'role:agent' });
    expect((await auditor.client.get(`${org}/members/${agent.user.id}/access`)).status).toBe(200);
  });

  it('a signed-in member may always ask about themselves', async () => {
    const self = await member.client.post(`${org}/authz/check`, { userId: member.user.id, permission: 'members.invite' });
    expect(self.status).toBe(200);
    expect(self.body).toEqual({ allowed: false, reason: 'not_granted' });
    const batch = await member.client.post(`${org}/authz/check-batch`, {
      checks: [{ userId: member.user.id, permission: 'members.read' }, { userId: member.user.id, permission: 'roles.manage' }],
    });
    expect(batch.body).toEqual({ results: [{ allowed: true, reason: 'role:member' }, { allowed: false, reason: 'not_granted' }] });
    const access = await member.client.get(`${org}/members/${member.user.id}/access`);
    expect(access.body).toMatchObject({ userId: member.user.id, role: 'member', permissions: [{ permission: 'members.read', reason: 'role:member' }] });
  });

  it('works with an API key holding authz.check; a key without it is refused, and no key asks "about itself"', async () => {
    const made = await owner.client.post(`${org}/api-keys`, { name: 'gatekeeper', permissions: ['authz.check'] });
    expect(made.status).toBe(201);
    const withKey = await server.client().post(`${org}/authz/check`, { userId: agent.user.id, permission: 'members.invite' }, { authorization: `Bearer ${made.body.key}` });
    expect(withKey.status).toBe(200);
    expect(withKey.body).toEqual({ allowed: true, reason: 'role:agent' });

    const plain = await owner.client.post(`${org}/api-keys`, { name: 'plain', permissions: [] });
    const headers = { authorization: `Bearer ${plain.body.key}` };
    const refused = await server.client().post(`${org}/authz/check`, { userId: agent.user.id, permission: 'members.invite' }, headers);
    expect(refused.status).toBe(403);
    const aboutItself = await server.client().post(`${org}/authz/check`, { userId: plain.body.id, permission: 'members.invite' }, headers);
    expect(aboutItself.status).toBe(403);
    expect((await server.client().get(`${org}/members/${plain.body.id}/access`, headers)).status).toBe(403);
  });

  it('nobody outside the organization asks about its members', async () => {
    const res = await outsider.client.post(`${org}/authz/check`, { userId: member.user.id, permission: 'members.read' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('organization.not_found');
  });
});
