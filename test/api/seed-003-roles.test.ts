/**
 * The seed 003 role table as a test: the partner-network template's Partner, Normal and Admin roles,
 * the three permissions of the invitation page and which roles they may be granted to, and which
 * partners each role sees, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

type Role = 'partner' | 'normal' | 'admin';
type Permission = 'integrations.access' | 'issue_comments.access' | 'messages.reprocess';

const PARTNERS = ['p1', 'p2', 'p3', 'p4'];

/** Seed 003's words for each permission: which roles it is "available for". */
const AVAILABLE_FOR: Record<Permission, string> = {
  'integrations.access': 'Access to Integrations … Available for Normal users',
  'issue_comments.access': 'Access to Issue Comments … Available for Normal and Partner users',
  'messages.reprocess': 'Allowed to Reprocess Messages … Available for Normal users',
};

/** Seed 003's note on each role. */
const ROLE_RULE: Record<Role, string> = {
  partner: 'Partner users can only be granted Access to Issue Comments',
  normal: 'Normal users can be granted any of these permissions',
  admin: 'Admin users have all of these permissions by default',
};

/** Whether a member of the role may be granted the permission, as seed 003 states it. */
const GRANTABLE: Record<Role, Record<Permission, boolean>> = {
  partner: { 'integrations.access': false, 'issue_comments.access': true, 'messages.reprocess': false },
  normal: { 'integrations.access': true, 'issue_comments.access': true, 'messages.reprocess': true },
  admin: { 'integrations.access': true, 'issue_comments.access': true, 'messages.reprocess': true },
};

const ROLE_NAME: Record<Role, string> = { partner: 'a Partner', normal: 'a Normal', admin: 'an Admin' };

const TABLE = (Object.keys(GRANTABLE) as Role[]).flatMap((role) =>
  (Object.keys(GRANTABLE[role]) as Permission[]).map((permission) => ({
    role, permission, grantable: GRANTABLE[role][permission],
    name: `${ROLE_NAME[role]} user ${GRANTABLE[role][permission] ? 'is granted' : 'is refused'} ${permission} (seed 003: "${ROLE_RULE[role]}"; "${AVAILABLE_FOR[permission]}")`,
  })));

describe.each(DIALECTS)('the seed 003 role table as a test, on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let org: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, 's3-owner', 'Partner network');
    org = `/api/v1/organizations/${owner.organization.id}`;
    const applied = await owner.client.post(`${org}/templates/partner-network`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const put = await owner.client.put(`${org}/resource-types/partner/resources`, { items: PARTNERS.map((id) => ({ id, name: `Partner ${id}` })) });
    expect(put.status).toBe(200);
  });
  afterAll(async () => { await server?.close(); });

  const patchMember = (actor: SignedUp, userId: string, body: Record<string, unknown>) => actor.client.patch(`${org}/members/${userId}`, body);

  async function decision(userId: string, permission: string, partner?: string) {
    const res = await owner.client.post(`${org}/authz/check`, { userId, permission, ...(partner ? { resource: { type: 'partner', id: partner } } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { allowed: boolean; reason: string };
  }

  async function partnersOf(userId: string) {
    const res = await owner.client.get(`${org}/members/${userId}/access`);
    expect(res.status).toBe(200);
    return res.body.resources.partner as { scope: string; ids: string[] } | undefined;
  }

  /** The partners the member can reach with a permission they hold. */
  async function reachable(userId: string, permission: string): Promise<string[]> {
    const seen: string[] = [];
    for (const id of PARTNERS) if ((await decision(userId, permission, id)).allowed) seen.push(id);
    return seen;
  }

  /** A new member of a seed 003 role; a Partner user is given their one partner in the same edit. */
  async function memberOf(role: Role, partner = 'p1'): Promise<string> {
    const user = await addUser(owner, { username: `s3-${role}-${++counter}`, role: role === 'admin' ? 'admin' : 'normal' });
    if (role === 'partner') {
      const res = await patchMember(owner, user.userId, { role: 'partner', resources: { partner: [partner] } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return user.userId;
  }

  it('the partner-network template creates seed 003\'s Partner and Normal roles, the partner resource type and the three permissions; applying it twice creates nothing the second time', async () => {
    const other = await signUp(server, 's3-template', 'Template twice');
    const base = `/api/v1/organizations/${other.organization.id}`;
    const first = await other.client.post(`${base}/templates/partner-network`);
    expect(first.status).toBe(200);
    expect(first.body.template).toBe('partner-network');
    expect([...first.body.created].sort()).toEqual([
      'permission integrations.access', 'permission issue_comments.access', 'permission messages.reprocess',
      'resource type partner', 'role normal', 'role partner',
    ]);

    const roles = Object.fromEntries((await other.client.get(`${base}/roles`)).body.items.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(roles).sort()).toEqual(['admin', 'member', 'normal', 'owner', 'partner']);
    expect(roles.partner).toMatchObject({ name: 'Partner', builtin: false, permissions: [], resourceScopes: { partner: 'one' } });
    expect(roles.normal).toMatchObject({ name: 'Normal', builtin: false, permissions: [], resourceScopes: { partner: 'granted' } });
    expect(roles.admin).toMatchObject({ builtin: true, permissions: ['*'] });
    expect((await other.client.get(`${base}/resource-types`)).body.items).toEqual([{ key: 'partner', name: 'Partner' }]);
    const catalog = Object.fromEntries((await other.client.get(`${base}/permissions`)).body.items.map((p: { key: string }) => [p.key, p]));
    expect(catalog['integrations.access']).toMatchObject({ source: 'application', allowedRoles: ['normal'] });
    expect(catalog['issue_comments.access']).toMatchObject({ source: 'application', allowedRoles: ['normal', 'partner'] });
    expect(catalog['messages.reprocess']).toMatchObject({ source: 'application', allowedRoles: ['normal'] });

    // What exists is left as it is, edits included.
    expect((await other.client.patch(`${base}/roles/normal`, { name: 'Regular' })).status).toBe(200);
    const second = await other.client.post(`${base}/templates/partner-network`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ template: 'partner-network', created: [] });
    const after = (await other.client.get(`${base}/roles`)).body.items;
    expect(after).toHaveLength(5);
    expect(after.find((r: { key: string }) => r.key === 'normal').name).toBe('Regular');
    expect((await other.client.get(`${base}/resource-types`)).body.items).toHaveLength(1);
  });

  it('applying a template needs catalog.manage and roles.manage; an unknown template is 404', async () => {
    const other = await signUp(server, 's3-template-rights', 'Template rights');
    const base = `/api/v1/organizations/${other.organization.id}`;
    const member = await addMember(server, other, 'member', 's3-template-member');
    const refused = await member.client.post(`${base}/templates/partner-network`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    expect((await other.client.get(`${base}/roles`)).body.items).toHaveLength(3);
    const unknown = await other.client.post(`${base}/templates/no-such-template`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('template.not_found');
  });

  for (const { role, permission, grantable, name } of TABLE) it(name, async () => {
    const userId = await memberOf(role);
    // Before anything is granted: an Admin holds them all by default; the others hold none.
    expect(await decision(userId, permission)).toEqual(role === 'admin' ? { allowed: true, reason: 'role:admin' } : { allowed: false, reason: 'not_granted' });

    const res = await patchMember(owner, userId, { permissions: { [permission]: 'allow' } });
    if (grantable) {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(await decision(userId, permission)).toEqual({ allowed: true, reason: role === 'admin' ? 'role:admin' : 'user:allow' });
    } else {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'permission.role_not_allowed', field: 'body.permissions' });
      expect(await decision(userId, permission)).toEqual({ allowed: false, reason: 'not_granted' });
    }
  });

  it('the Partner role itself can only be given Access to Issue Comments (seed 003)', async () => {
    for (const permission of ['integrations.access', 'messages.reprocess']) {
      const res = await owner.client.patch(`${org}/roles/partner`, { permissions: [permission] });
      expect(res.status, permission).toBe(409);
      expect(res.body.code, permission).toBe('permission.role_not_allowed');
    }
    expect((await owner.client.get(`${org}/roles/partner`)).body.permissions).toEqual([]);
    const ok = await owner.client.patch(`${org}/roles/partner`, { permissions: ['issue_comments.access'] });
    expect(ok.status).toBe(200);
    const partner = await memberOf('partner');
    expect(await decision(partner, 'issue_comments.access', 'p1')).toEqual({ allowed: true, reason: 'role:partner' });
    expect((await owner.client.patch(`${org}/roles/partner`, { permissions: [] })).status).toBe(200);
  });

  it('a Partner user has exactly one partner: none or two are refused, one is accepted (seed 003: "Provides the user with access to only one partner")', async () => {
    const user = await addUser(owner, { username: 's3-exactly-one', role: 'normal' });
    const none = await patchMember(owner, user.userId, { role: 'partner' });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'resource.exactly_one_required', field: 'body.resources.partner' });
    const two = await patchMember(owner, user.userId, { role: 'partner', resources: { partner: ['p1', 'p2'] } });
    expect(two.status).toBe(409);
    expect(two.body.code).toBe('resource.exactly_one_required');
    const empty = await patchMember(owner, user.userId, { role: 'partner', resources: { partner: [] } });
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('resource.exactly_one_required');
    // A refused edit changes nothing: neither the role nor the partners.
    expect((await owner.client.get(`${org}/members/${user.userId}`)).body.role).toBe('normal');
    expect(await partnersOf(user.userId)).toEqual({ scope: 'granted', ids: [] });

    const one = await patchMember(owner, user.userId, { role: 'partner', resources: { partner: ['p2'] } });
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body.role).toBe('partner');
    expect(await partnersOf(user.userId)).toEqual({ scope: 'one', ids: ['p2'] });

    // Once a Partner user, the one partner can be swapped but not removed or doubled.
    for (const ids of [[], ['p2', 'p3']]) {
      const res = await patchMember(owner, user.userId, { resources: { partner: ids } });
      expect(res.status, ids.join()).toBe(409);
      expect(res.body.code, ids.join()).toBe('resource.exactly_one_required');
    }
    expect(await partnersOf(user.userId)).toEqual({ scope: 'one', ids: ['p2'] });
    expect((await patchMember(owner, user.userId, { resources: { partner: ['p3'] } })).status).toBe(200);
    expect(await partnersOf(user.userId)).toEqual({ scope: 'one', ids: ['p3'] });
  });

  it('changing a member to the Partner role names their one partner in the same edit (seed 003: "When you select this role, the Select Partner link displays")', async () => {
    const user = await addUser(owner, { username: 's3-switch', role: 'normal' });
    expect((await patchMember(owner, user.userId, { resources: { partner: ['p1', 'p2'] } })).status).toBe(200);
    const refused = await patchMember(owner, user.userId, { role: 'partner' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('resource.exactly_one_required');
    expect((await owner.client.get(`${org}/members/${user.userId}`)).body.role).toBe('normal');

    const switched = await patchMember(owner, user.userId, { role: 'partner', resources: { partner: ['p1'] } });
    expect(switched.status).toBe(200);
    expect(switched.body.role).toBe('partner');
    expect(await partnersOf(user.userId)).toEqual({ scope: 'one', ids: ['p1'] });
    const events = (await owner.client.get(`${org}/audit-events?target=${user.userId}`)).body.items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['member.role_changed', 'member.resources_changed']));

    // Back to Normal, the partner stays granted and more can be added.
    expect((await patchMember(owner, user.userId, { role: 'normal', resources: { partner: ['p1', 'p4'] } })).status).toBe(200);
    expect(await partnersOf(user.userId)).toEqual({ scope: 'granted', ids: ['p1', 'p4'] });
  });

  it('a Partner user can not be added without their one partner, and can be added with it (seed 003)', async () => {
    const base = { email: 's3-added@example.com', password: 'a long enough passphrase 42', firstName: 'Added', lastName: 'Partner' };
    const refused = await owner.client.post(`${org}/members`, { ...base, username: 's3-added', role: 'partner' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'resource.exactly_one_required', field: 'body.resources.partner' });
    expect((await owner.client.get(`${org}/members?q=s3-added`)).body.items).toEqual([]);

    const added = await owner.client.post(`${org}/members`, { ...base, username: 's3-added', role: 'partner', resources: { partner: ['p4'] } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.role).toBe('partner');
    expect(await partnersOf(added.body.userId)).toEqual({ scope: 'one', ids: ['p4'] });
  });

  it('a Partner user reaches their partner and no other (seed 003: "Partner users have access only to information about the single partner assigned to them")', async () => {
    const partner = await memberOf('partner', 'p3');
    expect((await patchMember(owner, partner, { permissions: { 'issue_comments.access': 'allow' } })).status).toBe(200);
    expect(await reachable(partner, 'issue_comments.access')).toEqual(['p3']);
    expect(await decision(partner, 'issue_comments.access', 'p1')).toEqual({ allowed: false, reason: 'resource_not_granted' });
    expect(await decision(partner, 'issue_comments.access', 'p3')).toEqual({ allowed: true, reason: 'user:allow' });
  });

  it('a Normal user reaches exactly the partners granted, one by one, any number (seed 003: "An Admin user can grant the Normal user access to as many partners as necessary")', async () => {
    const normal = await memberOf('normal');
    expect((await patchMember(owner, normal, { permissions: { 'integrations.access': 'allow' } })).status).toBe(200);
    expect(await reachable(normal, 'integrations.access')).toEqual([]);
    for (const granted of [['p2'], ['p2', 'p3'], PARTNERS, ['p4'], []]) {
      const res = await patchMember(owner, normal, { resources: { partner: granted } });
      expect(res.status, granted.join()).toBe(200);
      expect(await reachable(normal, 'integrations.access'), granted.join()).toEqual(granted);
      expect(await partnersOf(normal)).toEqual({ scope: 'granted', ids: granted });
    }
  });

  it('an Admin user reaches every partner (seed 003: "Provides full permissions, including access to all partner data")', async () => {
    const admin = await memberOf('admin');
    for (const permission of Object.keys(AVAILABLE_FOR)) expect(await reachable(admin, permission), permission).toEqual(PARTNERS);
    expect(await partnersOf(admin)).toBeUndefined();
    const access = await owner.client.get(`${org}/members/${admin}/access`);
    expect(access.body.permissions).toEqual([{ permission: '*', reason: 'role:admin' }]);
  });

  it('a granted partner must exist', async () => {
    const normal = await memberOf('normal');
    const res = await patchMember(owner, normal, { resources: { partner: ['p1', 'nowhere'] } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'resource.not_found', field: 'body.resources.partner' });
    const type = await patchMember(owner, normal, { resources: { planet: ['earth'] } });
    expect(type.status).toBe(404);
    expect(type.body).toMatchObject({ code: 'resource_type.not_found', field: 'body.resources.planet' });
    expect(await partnersOf(normal)).toEqual({ scope: 'granted', ids: [] });
  });

  /**
   * A signed-in member of the custom role `lead`: they assign roles and see the partners granted to
   * them, here only p1.
   */
  async function leadSeeingP1(name: string): Promise<SignedUp> {
    const role = await owner.client.post(`${org}/roles`, {
      key: 'lead', name: 'Lead', permissions: ['members.read', 'roles.assign'], resourceScopes: { partner: 'granted' },
    });
    expect([201, 409], JSON.stringify(role.body)).toContain(role.status);
    const lead = await addMember(server, owner, 'normal', name);
    expect((await patchMember(owner, lead.user.id, { role: 'lead', resources: { partner: ['p1'] } })).status).toBe(200);
    return lead;
  }

  it('nobody grants a partner they can not see', async () => {
    const lead = await leadSeeingP1('s3-lead');
    const normal = await memberOf('normal');

    const refused = await patchMember(lead, normal, { resources: { partner: ['p1', 'p2'] } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'permission.not_held', field: 'body.resources.partner' });
    expect(refused.body.detail).toMatch(/p2/);
    expect(await partnersOf(normal)).toEqual({ scope: 'granted', ids: [] });
    // Nor to themselves.
    const self = await patchMember(lead, lead.user.id, { resources: { partner: ['p1', 'p2'] } });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('permission.not_held');
    // Nor by making someone a Partner user of a partner they can not see.
    const partner = await patchMember(lead, normal, { role: 'partner', resources: { partner: ['p2'] } });
    expect(partner.status).toBe(403);
    expect(partner.body.code).toBe('permission.not_held');
    expect((await owner.client.get(`${org}/members/${normal}`)).body.role).toBe('normal');

    // The partner they see is theirs to grant.
    expect((await patchMember(lead, normal, { resources: { partner: ['p1'] } })).status).toBe(200);
    expect(await partnersOf(normal)).toEqual({ scope: 'granted', ids: ['p1'] });
    expect((await patchMember(lead, normal, { role: 'partner', resources: { partner: ['p1'] } })).status).toBe(200);
  });

  it('nobody takes away a partner they can not see', async () => {
    const lead = await leadSeeingP1('s3-lead2');
    const normal = await memberOf('normal');
    expect((await patchMember(owner, normal, { resources: { partner: ['p1', 'p2'] } })).status).toBe(200);

    const refused = await patchMember(lead, normal, { resources: { partner: ['p1'] } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'permission.not_held', field: 'body.resources.partner' });
    expect(await partnersOf(normal)).toEqual({ scope: 'granted', ids: ['p1', 'p2'] });
    // What they see, they may take away; what they do not see stays.
    expect((await patchMember(lead, normal, { resources: { partner: ['p2'] } })).status).toBe(200);
    expect(await partnersOf(normal)).toEqual({ scope: 'granted', ids: ['p2'] });
  });

  it('lists the partner-network template with its Partner and Normal roles, applied once it exists (seed 003)', async () => {
    const here = await owner.client.get(`${org}/templates`);
    expect(here.status).toBe(200);
    const template = here.body.items.find((t: { name: string }) => t.name === 'partner-network');
    expect(template).toMatchObject({ applied: true, roles: [{ key: 'partner', name: 'Partner', resourceScopes: { partner: 'one' } }, { key: 'normal', name: 'Normal', resourceScopes: { partner: 'granted' } }] });
    expect(template.permissions.map((p: { key: string }) => p.key)).toEqual(['integrations.access', 'issue_comments.access', 'messages.reprocess']);

    const fresh = await signUp(server, 's3-fresh', 'Not yet a partner network');
    const freshOrg = `/api/v1/organizations/${fresh.organization.id}`;
    const before = await fresh.client.get(`${freshOrg}/templates`);
    expect(before.body.items.find((t: { name: string }) => t.name === 'partner-network').applied).toBe(false);
    // Any member may look; applying needs catalog.manage and roles.manage.
    const member = await addMember(server, fresh, 'member', 's3-fresh-member');
    expect((await member.client.get(`${freshOrg}/templates`)).status).toBe(200);
    expect((await member.client.post(`${freshOrg}/templates/partner-network`)).status).toBe(403);
    expect((await fresh.client.post(`${freshOrg}/templates/partner-network`)).status).toBe(200);
    expect((await fresh.client.get(`${freshOrg}/templates`)).body.items.find((t: { name: string }) => t.name === 'partner-network').applied).toBe(true);
  });
});
