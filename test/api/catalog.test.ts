/**
 * The permission catalogue: Roster's own permissions, the host application's (optionally limited to
 * some roles, seed 003), modules whose actions are permissions (seed 002), and resource types with
 * their resources (seed 003's partners), on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_PERMISSIONS } from '../../src/domain/permissions.js';
import type { Response } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const orgPath = (org: SignedUp) => `/api/v1/organizations/${org.organization.id}`;

interface ResourcePage { items: Array<{ type: string; id: string; name: string }>; nextCursor: string | null }
interface CatalogEntry { key: string; source: string; module: string | null; allowedRoles: string[] | null; description: string }

describe.each(DIALECTS)('permission catalogue on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  async function catalog(owner: SignedUp): Promise<Map<string, CatalogEntry>> {
    const res = await owner.client.get(`${orgPath(owner)}/permissions`);
    expect(res.status).toBe(200);
    return new Map(res.body.items.map((p: CatalogEntry) => [p.key, p]));
  }

  async function check(owner: SignedUp, userId: string, permission: string, resource?: { type: string; id: string }) {
    const res = await owner.client.post(`${orgPath(owner)}/authz/check`, { userId, permission, ...(resource ? { resource } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { allowed: boolean; reason: string };
  }

  async function register(owner: SignedUp, body: Record<string, unknown>) {
    const res = await owner.client.post(`${orgPath(owner)}/permissions`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it('lists Roster\'s own permissions, registered application permissions with their allowed roles, and module permissions (seed 002: modules are data sets)', async () => {
    const owner = await signUp(server, 'cat-list');
    const before = await catalog(owner);
    expect([...before.keys()].sort()).toEqual(Object.keys(ROSTER_PERMISSIONS).sort());
    for (const p of before.values()) expect(p).toMatchObject({ source: 'roster', module: null, allowedRoles: null });

    await createRole(owner, 'normal', []);
    const registered = await register(owner, { key: 'issue_comments.access', description: 'Access to Issue Comments', allowedRoles: ['normal'] });
    expect(registered).toEqual({ key: 'issue_comments.access', description: 'Access to Issue Comments', source: 'application', module: null, allowedRoles: ['normal'] });
    await register(owner, { key: 'reports.export' });

    const module = await owner.client.post(`${orgPath(owner)}/modules`, { name: 'leads', description: 'Sales leads' });
    expect(module.status).toBe(201);
    expect(module.body).toEqual({ name: 'leads', description: 'Sales leads', permissions: ['module:leads.read', 'module:leads.create', 'module:leads.update', 'module:leads.delete'] });
    expect((await owner.client.get(`${orgPath(owner)}/modules`)).body.items).toEqual([module.body]);

    const after = await catalog(owner);
    expect(after.get('members.read')).toMatchObject({ source: 'roster' });
    expect(after.get('issue_comments.access')).toMatchObject({ source: 'application', allowedRoles: ['normal'] });
    expect(after.get('reports.export')).toMatchObject({ source: 'application', allowedRoles: null, description: '' });
    for (const action of ['read', 'create', 'update', 'delete']) {
      expect(after.get(`module:leads.${action}`)).toMatchObject({ source: 'module', module: 'leads', allowedRoles: null });
    }
    expect(after.size).toBe(before.size + 2 + 4);
  });

  it('registered permissions and module permissions can go into roles, and a role\'s members hold them', async () => {
    const owner = await signUp(server, 'cat-use');
    await register(owner, { key: 'reports.export' });
    await owner.client.post(`${orgPath(owner)}/modules`, { name: 'leads' });
    await createRole(owner, 'agent', ['reports.export', 'module:leads.read']);
    const agent = await addUser(owner, { username: 'cat-use-agent', role: 'agent' });
    expect(await check(owner, agent.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'role:agent' });
    expect(await check(owner, agent.userId, 'reports.export')).toEqual({ allowed: true, reason: 'role:agent' });
    expect(await check(owner, agent.userId, 'module:leads.delete')).toEqual({ allowed: false, reason: 'not_granted' });
  });

  it('only members holding catalog.manage register or change the catalogue', async () => {
    const owner = await signUp(server, 'cat-manage');
    await register(owner, { key: 'reports.export' });
    await owner.client.post(`${orgPath(owner)}/modules`, { name: 'leads' });
    await owner.client.post(`${orgPath(owner)}/resource-types`, { key: 'partner', name: 'Partner' });
    await owner.client.put(`${orgPath(owner)}/resource-types/partner/resources`, { items: [{ id: 'p1', name: 'Acme' }] });
    const member = await addMember(server, owner, 'member', 'cat-manage-member');
    const base = orgPath(owner);
    const attempts: Array<[string, () => Promise<{ status: number; body: any }>]> = [
      ['register permission', () => member.client.post(`${base}/permissions`, { key: 'mine.too' })],
      ['edit permission', () => member.client.patch(`${base}/permissions/reports.export`, { description: 'x' })],
      ['delete permission', () => member.client.delete(`${base}/permissions/reports.export`)],
      ['register module', () => member.client.post(`${base}/modules`, { name: 'deals' })],
      ['delete module', () => member.client.delete(`${base}/modules/leads`)],
      ['register resource type', () => member.client.post(`${base}/resource-types`, { key: 'region', name: 'Region' })],
      ['register resources', () => member.client.put(`${base}/resource-types/partner/resources`, { items: [{ id: 'p2', name: 'Beta' }] })],
      ['delete resource', () => member.client.delete(`${base}/resource-types/partner/resources/p1`)],
      ['delete resource type', () => member.client.delete(`${base}/resource-types/partner`)],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt();
      expect(res.status, what).toBe(403);
      expect(res.body.code, what).toBe('auth.forbidden');
    }
    // Reading the catalogue needs only membership.
    expect((await member.client.get(`${base}/permissions`)).status).toBe(200);
    const cat = await catalog(owner);
    expect(cat.has('mine.too')).toBe(false);
    expect(cat.has('module:deals.read')).toBe(false);
    expect(cat.get('reports.export')?.description).toBe('');
    expect((await owner.client.get(`${base}/resource-types/partner/resources`)).body.items.map((r: { id: string }) => r.id)).toEqual(['p1']);

    // A custom role holding catalog.manage may.
    await createRole(owner, 'integrator', ['catalog.manage']);
    const integrator = await addMember(server, owner, 'integrator', 'cat-manage-integrator');
    expect((await integrator.client.post(`${base}/permissions`, { key: 'mine.too' })).status).toBe(201);
  });

  it('a permission key is registered once, and never one of Roster\'s own', async () => {
    const owner = await signUp(server, 'cat-dup');
    await register(owner, { key: 'reports.export', description: 'first' });
    const again = await owner.client.post(`${orgPath(owner)}/permissions`, { key: 'reports.export', description: 'second' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'permission.key_taken', field: 'body.key' });
    const roster = await owner.client.post(`${orgPath(owner)}/permissions`, { key: 'members.read' });
    expect(roster.status).toBe(409);
    expect(roster.body).toMatchObject({ code: 'permission.key_taken', field: 'body.key' });
    const cat = await catalog(owner);
    expect(cat.get('reports.export')?.description).toBe('first');
    expect(cat.get('members.read')?.source).toBe('roster');

    // Modules and resource types are unique too.
    expect((await owner.client.post(`${orgPath(owner)}/modules`, { name: 'leads' })).status).toBe(201);
    const module = await owner.client.post(`${orgPath(owner)}/modules`, { name: 'leads' });
    expect(module.status).toBe(409);
    expect(module.body).toMatchObject({ code: 'module.name_taken', field: 'body.name' });
    expect((await owner.client.post(`${orgPath(owner)}/resource-types`, { key: 'partner', name: 'Partner' })).status).toBe(201);
    const type = await owner.client.post(`${orgPath(owner)}/resource-types`, { key: 'partner', name: 'Other' });
    expect(type.status).toBe(409);
    expect(type.body).toMatchObject({ code: 'resource_type.key_taken', field: 'body.key' });
  });

  it('an application permission key is dotted lower-case words; a module name and a resource type key one word', async () => {
    const owner = await signUp(server, 'cat-pattern');
    for (const key of ['Reports.Export', 'reports', 'reports export', 'module:leads.read', '.reports', 'reports.', '*']) {
      const res = await owner.client.post(`${orgPath(owner)}/permissions`, { key });
      expect(res.status, key).toBe(400);
      expect(res.body, key).toMatchObject({ code: 'request.invalid', field: 'body.key' });
    }
    for (const name of ['Leads', 'leads.read', 'my leads', '']) {
      const res = await owner.client.post(`${orgPath(owner)}/modules`, { name });
      expect(res.status, name).toBe(400);
      expect(res.body, name).toMatchObject({ code: 'request.invalid', field: 'body.name' });
    }
    const type = await owner.client.post(`${orgPath(owner)}/resource-types`, { key: 'Partner', name: 'Partner' });
    expect(type.status).toBe(400);
    expect(type.body).toMatchObject({ code: 'request.invalid', field: 'body.key' });
    const cat = await catalog(owner);
    expect([...cat.values()].filter((p) => p.source !== 'roster')).toEqual([]);
  });

  it('an application permission\'s description and allowed roles can be changed; the allowed roles must exist', async () => {
    const owner = await signUp(server, 'cat-patch');
    await createRole(owner, 'normal', []);
    await createRole(owner, 'partner', []);
    await register(owner, { key: 'issue_comments.access', allowedRoles: ['normal'] });
    const base = `${orgPath(owner)}/permissions/issue_comments.access`;

    const widened = await owner.client.patch(base, { allowedRoles: ['partner', 'normal'] });
    expect(widened.status).toBe(200);
    expect(widened.body).toEqual({ key: 'issue_comments.access', description: '', source: 'application', module: null, allowedRoles: ['normal', 'partner'] });
    const described = await owner.client.patch(base, { description: 'Access to Issue Comments' });
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ description: 'Access to Issue Comments', allowedRoles: ['normal', 'partner'] });
    expect((await catalog(owner)).get('issue_comments.access')).toMatchObject({ description: 'Access to Issue Comments', allowedRoles: ['normal', 'partner'] });

    const unknownRole = await owner.client.patch(base, { allowedRoles: ['ghost'] });
    expect(unknownRole.status).toBe(404);
    expect(unknownRole.body).toMatchObject({ code: 'role.not_found', field: 'body.allowedRoles' });
    const registerUnknown = await owner.client.post(`${orgPath(owner)}/permissions`, { key: 'x.y', allowedRoles: ['ghost'] });
    expect(registerUnknown.status).toBe(404);
    expect(registerUnknown.body.code).toBe('role.not_found');

    const anyRole = await owner.client.patch(base, { allowedRoles: null });
    expect(anyRole.status).toBe(200);
    expect(anyRole.body.allowedRoles).toBeNull();

    const missing = await owner.client.patch(`${orgPath(owner)}/permissions/no.such`, { description: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('permission.not_found');
    // Roster's own permissions are not the application's to change.
    const rosters = await owner.client.patch(`${orgPath(owner)}/permissions/members.read`, { description: 'x' });
    expect(rosters.status).toBe(404);
    expect(rosters.body.code).toBe('permission.not_found');
  });

  it('a custom role is refused an application permission not allowed for it (seed 003: Partner users can only be granted Access to Issue Comments)', async () => {
    const owner = await signUp(server, 'cat-notallowed');
    await createRole(owner, 'normal', []);
    await register(owner, { key: 'integrations.access', allowedRoles: ['normal'] });
    const created = await owner.client.post(`${orgPath(owner)}/roles`, { key: 'partner', name: 'Partner', permissions: ['integrations.access'] });
    expect(created.status).toBe(409);
    expect(created.body).toMatchObject({ code: 'permission.role_not_allowed', field: 'body.permissions' });
    expect((await owner.client.get(`${orgPath(owner)}/roles/partner`)).status).toBe(404);

    await createRole(owner, 'partner', []);
    const edited = await owner.client.patch(`${orgPath(owner)}/roles/partner`, { permissions: ['integrations.access'] });
    expect(edited.status).toBe(409);
    expect(edited.body.code).toBe('permission.role_not_allowed');
    expect((await owner.client.get(`${orgPath(owner)}/roles/partner`)).body.permissions).toEqual([]);

    const allowed = await owner.client.patch(`${orgPath(owner)}/roles/normal`, { permissions: ['integrations.access'] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.permissions).toEqual(['integrations.access']);
  });

  it('deleting an application permission takes it from every role, group and member override', async () => {
    const owner = await signUp(server, 'cat-delperm');
    const base = orgPath(owner);
    await register(owner, { key: 'reports.export' });
    await createRole(owner, 'agent', ['members.read', 'reports.export']);
    const agent = await addUser(owner, { username: 'cat-delperm-agent', role: 'agent' });
    const grouped = await addUser(owner, { username: 'cat-delperm-grouped' });
    const overridden = await addUser(owner, { username: 'cat-delperm-overridden' });
    const group = await owner.client.post(`${base}/groups`, { name: 'Reporting', permissions: ['reports.export', 'audit.read'] });
    expect(group.status).toBe(201);
    expect((await owner.client.put(`${base}/groups/${group.body.id}/members/${grouped.userId}`)).status).toBe(204);
    expect((await owner.client.patch(`${base}/members/${overridden.userId}`, { permissions: { 'reports.export': 'allow' } })).status).toBe(200);
    expect(await check(owner, agent.userId, 'reports.export')).toEqual({ allowed: true, reason: 'role:agent' });
    expect(await check(owner, grouped.userId, 'reports.export')).toEqual({ allowed: true, reason: 'group:Reporting' });
    expect(await check(owner, overridden.userId, 'reports.export')).toEqual({ allowed: true, reason: 'user:allow' });

    expect((await owner.client.delete(`${base}/permissions/reports.export`)).status).toBe(204);

    expect((await catalog(owner)).has('reports.export')).toBe(false);
    expect((await owner.client.get(`${base}/roles/agent`)).body.permissions).toEqual(['members.read']);
    expect((await owner.client.get(`${base}/groups/${group.body.id}`)).body.permissions).toEqual(['audit.read']);
    for (const m of [agent, grouped, overridden]) {
      expect(await check(owner, m.userId, 'reports.export'), m.username).toEqual({ allowed: false, reason: 'not_granted' });
      const access = await owner.client.get(`${base}/members/${m.userId}/access`);
      expect(access.body.permissions.map((p: { permission: string }) => p.permission), m.username).not.toContain('reports.export');
    }
    // Registered again later, it grants nothing until given again.
    await register(owner, { key: 'reports.export' });
    expect(await check(owner, overridden.userId, 'reports.export')).toEqual({ allowed: false, reason: 'not_granted' });

    const gone = await owner.client.delete(`${base}/permissions/no.such`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('permission.not_found');
  });

  it('deleting a module takes its permissions from every role, group and member override', async () => {
    const owner = await signUp(server, 'cat-delmod');
    const base = orgPath(owner);
    await owner.client.post(`${base}/modules`, { name: 'leads' });
    await owner.client.post(`${base}/modules`, { name: 'deals' });
    await createRole(owner, 'agent', ['module:leads.read', 'module:leads.update', 'module:deals.read']);
    const agent = await addUser(owner, { username: 'cat-delmod-agent', role: 'agent' });
    const member = await addUser(owner, { username: 'cat-delmod-member' });
    const group = await owner.client.post(`${base}/groups`, { name: 'Sales', permissions: ['module:leads.create', 'module:deals.create'] });
    await owner.client.put(`${base}/groups/${group.body.id}/members/${member.userId}`);
    expect((await owner.client.patch(`${base}/members/${member.userId}`, { permissions: { 'module:leads.delete': 'allow', 'module:deals.delete': 'allow' } })).status).toBe(200);
    expect(await check(owner, member.userId, 'module:leads.delete')).toEqual({ allowed: true, reason: 'user:allow' });

    expect((await owner.client.delete(`${base}/modules/leads`)).status).toBe(204);

    const cat = await catalog(owner);
    expect([...cat.keys()].filter((k) => k.startsWith('module:'))).toEqual(['module:deals.read', 'module:deals.create', 'module:deals.update', 'module:deals.delete']);
    expect((await owner.client.get(`${base}/modules`)).body.items.map((m: { name: string }) => m.name)).toEqual(['deals']);
    expect((await owner.client.get(`${base}/roles/agent`)).body.permissions).toEqual(['module:deals.read']);
    expect((await owner.client.get(`${base}/groups/${group.body.id}`)).body.permissions).toEqual(['module:deals.create']);
    for (const action of ['read', 'create', 'update', 'delete']) {
      expect(await check(owner, agent.userId, `module:leads.${action}`)).toMatchObject({ allowed: false });
      expect(await check(owner, member.userId, `module:leads.${action}`)).toMatchObject({ allowed: false });
    }
    expect(await check(owner, agent.userId, 'module:deals.read')).toEqual({ allowed: true, reason: 'role:agent' });
    expect(await check(owner, member.userId, 'module:deals.create')).toEqual({ allowed: true, reason: 'group:Sales' });
    expect(await check(owner, member.userId, 'module:deals.delete')).toEqual({ allowed: true, reason: 'user:allow' });

    const gone = await owner.client.delete(`${base}/modules/leads`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('module.not_found');
  });

  it('resource types and their resources are registered, renamed by registering again, and listed page by page (seed 003: a list of partners to select from)', async () => {
    const owner = await signUp(server, 'cat-res');
    const base = orgPath(owner);
    const type = await owner.client.post(`${base}/resource-types`, { key: 'partner', name: 'Partner' });
    expect(type.status).toBe(201);
    expect(type.body).toEqual({ key: 'partner', name: 'Partner' });
    expect((await owner.client.get(`${base}/resource-types`)).body.items).toEqual([{ key: 'partner', name: 'Partner' }]);

    const items = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: `Partner ${id}` }));
    const put = await owner.client.put(`${base}/resource-types/partner/resources`, { items });
    expect(put.status).toBe(200);
    expect(put.body.items).toEqual(items.map((i) => ({ type: 'partner', ...i })));
    const renamed = await owner.client.put(`${base}/resource-types/partner/resources`, { items: [{ id: 'p2', name: 'Beta Corp' }, { id: 'p6', name: 'Partner p6' }] });
    expect(renamed.status).toBe(200);

    const seen: Array<{ id: string; name: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response<ResourcePage> = await owner.client.get(`${base}/resource-types/partner/resources?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.items.map((r) => ({ id: r.id, name: r.name })));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual([
      { id: 'p1', name: 'Partner p1' }, { id: 'p2', name: 'Beta Corp' }, { id: 'p3', name: 'Partner p3' },
      { id: 'p4', name: 'Partner p4' }, { id: 'p5', name: 'Partner p5' }, { id: 'p6', name: 'Partner p6' },
    ]);

    const unknown = await owner.client.get(`${base}/resource-types/planet/resources`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('resource_type.not_found');
    const putUnknown = await owner.client.put(`${base}/resource-types/planet/resources`, { items: [{ id: 'x', name: 'X' }] });
    expect(putUnknown.status).toBe(404);
    expect(putUnknown.body.code).toBe('resource_type.not_found');
    const badCursor = await owner.client.get(`${base}/resource-types/partner/resources?cursor=nonsense`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('request.cursor_invalid');
  });

  it('deleting a resource takes it from every member it was granted to', async () => {
    const owner = await signUp(server, 'cat-delres');
    const base = orgPath(owner);
    await owner.client.post(`${base}/resource-types`, { key: 'partner', name: 'Partner' });
    await owner.client.put(`${base}/resource-types/partner/resources`, { items: [{ id: 'p1', name: 'Acme' }, { id: 'p2', name: 'Beta' }] });
    await createRole(owner, 'normal', ['members.read']);
    const normal = await addUser(owner, { username: 'cat-delres-normal', role: 'normal' });
    expect((await owner.client.patch(`${base}/members/${normal.userId}`, { resources: { partner: ['p1', 'p2'] } })).status).toBe(200);
    expect(await check(owner, normal.userId, 'members.read', { type: 'partner', id: 'p2' })).toEqual({ allowed: true, reason: 'role:normal' });

    expect((await owner.client.delete(`${base}/resource-types/partner/resources/p2`)).status).toBe(204);

    expect(await check(owner, normal.userId, 'members.read', { type: 'partner', id: 'p2' })).toEqual({ allowed: false, reason: 'resource_not_granted' });
    expect(await check(owner, normal.userId, 'members.read', { type: 'partner', id: 'p1' })).toEqual({ allowed: true, reason: 'role:normal' });
    expect((await owner.client.get(`${base}/members/${normal.userId}/access`)).body.resources).toEqual({ partner: { scope: 'granted', ids: ['p1'] } });
    expect((await owner.client.get(`${base}/resource-types/partner/resources`)).body.items.map((r: { id: string }) => r.id)).toEqual(['p1']);
    // Registered again, it is a new partner: the old grant does not come back.
    await owner.client.put(`${base}/resource-types/partner/resources`, { items: [{ id: 'p2', name: 'Beta' }] });
    expect(await check(owner, normal.userId, 'members.read', { type: 'partner', id: 'p2' })).toEqual({ allowed: false, reason: 'resource_not_granted' });

    const gone = await owner.client.delete(`${base}/resource-types/partner/resources/p9`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('resource.not_found');
  });

  it('deleting a resource type takes its resources and grants with it', async () => {
    const owner = await signUp(server, 'cat-deltype');
    const base = orgPath(owner);
    await owner.client.post(`${base}/resource-types`, { key: 'region', name: 'Region' });
    await owner.client.put(`${base}/resource-types/region/resources`, { items: [{ id: 'emea', name: 'EMEA' }] });
    const member = await addUser(owner, { username: 'cat-deltype-member' });
    await owner.client.patch(`${base}/members/${member.userId}`, { resources: { region: ['emea'] } });
    expect((await owner.client.get(`${base}/members/${member.userId}/access`)).body.resources).toEqual({ region: { scope: 'granted', ids: ['emea'] } });

    expect((await owner.client.delete(`${base}/resource-types/region`)).status).toBe(204);
    expect((await owner.client.get(`${base}/resource-types`)).body.items).toEqual([]);
    expect((await owner.client.get(`${base}/members/${member.userId}/access`)).body.resources).toEqual({});
    expect((await owner.client.get(`${base}/resource-types/region/resources`)).status).toBe(404);
    const gone = await owner.client.delete(`${base}/resource-types/region`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('resource_type.not_found');
  });

  it('a role\'s resource scopes name registered resource types only', async () => {
    const owner = await signUp(server, 'cat-scopes');
    const base = orgPath(owner);
    const created = await owner.client.post(`${base}/roles`, { key: 'partner', name: 'Partner', permissions: [], resourceScopes: { partner: 'one' } });
    expect(created.status).toBe(404);
    expect(created.body).toMatchObject({ code: 'resource_type.not_found', field: 'body.resourceScopes' });
    expect((await owner.client.get(`${base}/roles/partner`)).status).toBe(404);

    await owner.client.post(`${base}/resource-types`, { key: 'partner', name: 'Partner' });
    const ok = await owner.client.post(`${base}/roles`, { key: 'partner', name: 'Partner', permissions: [], resourceScopes: { partner: 'one' } });
    expect(ok.status).toBe(201);
    expect(ok.body.resourceScopes).toEqual({ partner: 'one' });
    const edited = await owner.client.patch(`${base}/roles/partner`, { resourceScopes: { partner: 'one', planet: 'all' } });
    expect(edited.status).toBe(404);
    expect(edited.body.code).toBe('resource_type.not_found');
    expect((await owner.client.get(`${base}/roles/partner`)).body.resourceScopes).toEqual({ partner: 'one' });
  });

  it('changes to the catalogue are written to the audit trail', async () => {
    const owner = await signUp(server, 'cat-audit');
    const base = orgPath(owner);
    await register(owner, { key: 'reports.export' });
    await owner.client.patch(`${base}/permissions/reports.export`, { description: 'Export reports' });
    await owner.client.post(`${base}/modules`, { name: 'leads' });
    await owner.client.post(`${base}/resource-types`, { key: 'partner', name: 'Partner' });
    await owner.client.put(`${base}/resource-types/partner/resources`, { items: [{ id: 'p1', name: 'Acme' }] });
    await owner.client.delete(`${base}/resource-types/partner/resources/p1`);
    await owner.client.delete(`${base}/modules/leads`);
    await owner.client.delete(`${base}/permissions/reports.export`);
    const events = await owner.client.get(`${base}/audit-events?limit=50`);
    expect(events.status).toBe(200);
    const actions: string[] = events.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining([
      'permission.registered', 'permission.updated', 'module.registered', 'resource_type.registered',
      'resources.registered', 'resource.removed', 'module.removed', 'permission.removed',
    ]));
    const updated = events.body.items.find((e: { action: string }) => e.action === 'permission.updated');
    expect(updated).toMatchObject({ before: { description: '' }, after: { description: 'Export reports' } });
  });

  it('the catalogue of one organization is invisible to another', async () => {
    const a = await signUp(server, 'cat-iso-a');
    const b = await signUp(server, 'cat-iso-b');
    await register(a, { key: 'reports.export' });
    await a.client.post(`${orgPath(a)}/modules`, { name: 'leads' });
    await a.client.post(`${orgPath(a)}/resource-types`, { key: 'partner', name: 'Partner' });
    const cat = await catalog(b);
    expect(cat.has('reports.export')).toBe(false);
    expect(cat.has('module:leads.read')).toBe(false);
    expect((await b.client.get(`${orgPath(b)}/resource-types`)).body.items).toEqual([]);
    // b may register the same names for itself.
    expect((await b.client.post(`${orgPath(b)}/permissions`, { key: 'reports.export' })).status).toBe(201);
    // and a's catalogue routes do not exist for b.
    const foreign = await b.client.get(`${orgPath(a)}/permissions`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('organization.not_found');
  });
});
