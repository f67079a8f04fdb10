/**
 * API keys: organization-scoped credentials for programs (`Authorization: Bearer`), on every database.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import { addMember, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const KEY_SHAPE = /^(rst_[0-9a-f]{12})_([A-Za-z0-9_-]+)$/;

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let other: SignedUp;
  let keysPath: string;

  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, 'keyowner', 'Key Org');
    other = await signUp(server, 'otherowner', 'Other Org');
    keysPath = `/api/v1/organizations/${owner.organization.id}/api-keys`;
  });
  afterAll(async () => { await server?.close(); });

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const asKey = (key: string) => ({
    get: (path: string) => server.client().get(path, bearer(key)),
    request: (method: string, path: string, body?: unknown) => server.client().request(method, path, body, bearer(key)),
  });

  async function createKey(client: Client, body: Record<string, unknown>, path = keysPath) {
    const res = await client.post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it('shows the whole key once, at creation, with at least 128 random bits of secret', async () => {
    const created = await createKey(owner.client, { name: 'billing sync', permissions: ['members.read'] });
    const match = KEY_SHAPE.exec(created.key);
    expect(match, created.key).not.toBeNull();
    expect(Buffer.from(match![2]!, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(created).toMatchObject({
      name: 'billing sync', prefix: match![1], permissions: ['members.read'], createdBy: owner.user.id, expiresAt: null, lastUsedAt: null,
    });
    expect(typeof created.id).toBe('string');
    expect(typeof created.createdAt).toBe('string');

    const list = await owner.client.get(keysPath);
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === created.id);
    expect(listed).toEqual({ ...created, key: undefined, lastUsedAt: null });
    expect(listed).not.toHaveProperty('key');
    expect(JSON.stringify(list.body)).not.toContain(match![2]);
  });

  it('stores only the SHA-256 of the secret, never the secret', async () => {
    const created = await createKey(owner.client, { name: 'hash check', permissions: [] });
    const secret = KEY_SHAPE.exec(created.key)![2]!;
    const row = await server.database.db.selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const everything = await server.database.db.selectFrom('audit_events').selectAll().execute();
    expect(JSON.stringify(everything)).not.toContain(secret);
  });

  it('a key works as a bearer token on the routes its permissions allow, and gets 403 on the others', async () => {
    const { key } = await createKey(owner.client, { name: 'reader', permissions: ['members.read'] });
    const program = asKey(key);
    const org = `/api/v1/organizations/${owner.organization.id}`;
    expect((await program.get(org)).status).toBe(200);
    const members = await program.get(`${org}/members`);
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { username: string }) => m.username)).toContain('keyowner');
    for (const [method, path, body] of [
      ['PATCH', org, { name: 'Renamed by a key' }],
      ['GET', `${org}/audit-events`, undefined],
      ['POST', `${org}/roles`, { key: 'by-key', name: 'By key', permissions: [] }],
      ['GET', `${org}/api-keys`, undefined],
    ] as const) {
      const res = await program.request(method, path, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    expect((await owner.client.get(org)).body.name).toBe('Key Org');
  });

  it('acts under its own name in the audit trail, and grants nothing beyond its own permissions', async () => {
    const { key, id } = await createKey(owner.client, { name: 'role bot', permissions: ['roles.manage', 'members.read'] });
    const org = `/api/v1/organizations/${owner.organization.id}`;
    const made = await asKey(key).request('POST', `${org}/roles`, { key: 'bot-role', name: 'Bot role', permissions: ['members.read'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const wider = await asKey(key).request('POST', `${org}/roles`, { key: 'bot-wide', name: 'Too wide', permissions: ['audit.read'] });
    expect(wider.status).toBe(403);
    expect(wider.body.code).toBe('permission.not_held');
    const events = await owner.client.get(`${org}/audit-events?action=role.created`);
    const event = events.body.items.find((e: { targetDisplayName: string }) => e.targetDisplayName === 'Bot role');
    expect(event).toMatchObject({ actorUserId: id, actorDisplayName: 'API key role bot' });
  });

  it('a revoked key stops working at once, and leaves the list', async () => {
    const created = await createKey(owner.client, { name: 'short lived', permissions: ['members.read'] });
    const org = `/api/v1/organizations/${owner.organization.id}`;
    expect((await asKey(created.key).get(`${org}/members`)).status).toBe(200);
    expect((await owner.client.delete(`${keysPath}/${created.id}`)).status).toBe(204);
    const after = await asKey(created.key).get(`${org}/members`);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('auth.invalid_api_key');
    expect((await owner.client.get(keysPath)).body.items.map((k: { id: string }) => k.id)).not.toContain(created.id);
    const again = await owner.client.delete(`${keysPath}/${created.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('api_key.not_found');
  });

  it('an expired key stops working, and a key can not be made already expired', async () => {
    const past = await owner.client.post(keysPath, { name: 'stale', permissions: [], expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'request.invalid', field: 'body.expiresAt' });

    const expiresAt = new Date(Date.now() + 1500);
    const created = await createKey(owner.client, { name: 'expiring', permissions: ['members.read'], expiresAt: expiresAt.toISOString() });
    expect(created.expiresAt).toBe(expiresAt.toISOString());
    const org = `/api/v1/organizations/${owner.organization.id}`;
    expect((await asKey(created.key).get(org)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    const res = await asKey(created.key).get(org);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.invalid_api_key');
  });

  it('a key of organization A gets 404 on organization B\'s routes, as for an organization that does not exist', async () => {
    const { key } = await createKey(owner.client, { name: 'tenant bound', permissions: ['members.read', 'api_keys.manage'] });
    const theirs = `/api/v1/organizations/${other.organization.id}`;
    for (const path of [theirs, `${theirs}/members`, `${theirs}/api-keys`]) {
      const res = await asKey(key).get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('organization.not_found');
      const nowhere = await asKey(key).get(path.replace(other.organization.id, 'no-such-organization'));
      expect({ status: nowhere.status, code: nowhere.body.code, detail: nowhere.body.detail }).toEqual({ status: res.status, code: res.body.code, detail: res.body.detail });
    }
    const theirKey = await createKey(other.client, { name: 'theirs', permissions: [] }, `${theirs}/api-keys`);
    const revoke = await asKey(key).request('DELETE', `${theirs}/api-keys/${theirKey.id}`);
    expect(revoke.status).toBe(404);
    expect(revoke.body.code).toBe('organization.not_found');
    const ownRoute = await owner.client.delete(`${keysPath}/${theirKey.id}`);
    expect(ownRoute.status).toBe(404);
    expect(ownRoute.body.code).toBe('api_key.not_found');
    expect((await other.client.get(`${theirs}/api-keys`)).body.items.map((k: { id: string }) => k.id)).toContain(theirKey.id);
  });

  it('a malformed, unknown or forged bearer token gets 401 auth.invalid_api_key, even beside a valid session', async () => {
    const { key } = await createKey(owner.client, { name: 'genuine', permissions: ['members.read'] });
    const [, prefix, secret] = KEY_SHAPE.exec(key)!;
    const forgedSecret = `${secret!.slice(0, -1)}${secret!.endsWith('A') ? 'B' : 'A'}`;
    const org = `/api/v1/organizations/${owner.organization.id}`;
    for (const header of [
      'Bearer garbage', 'Bearer', 'Bearer    ', `Bearer ${prefix}_${forgedSecret}`, `Bearer rst_000000000000_${secret}`, `bearer ${key}x`, `Bearer ${key} extra`,
    ]) {
      const anonymous = await server.client().get(`${org}/members`, { authorization: header });
      expect(anonymous.status, header).toBe(401);
      expect(anonymous.body.code, header).toBe('auth.invalid_api_key');
      // A browser's session cookie does not rescue a program's bad key: the key is the credential.
      const withSession = await owner.client.get(`${org}/members`, { authorization: header });
      expect(withSession.status, header).toBe(401);
    }
    expect((await server.client().get(`${org}/members`, { authorization: `BEARER ${key}` })).status).toBe(200);
  });

  it('keys can not reach the routes for people: /me, sessions, creating organizations', async () => {
    const { key } = await createKey(owner.client, { name: 'not a person', permissions: ['members.read'] });
    for (const [method, path, body] of [
      ['GET', '/api/v1/me', undefined],
      ['PATCH', '/api/v1/me', { firstName: 'Robot' }],
      ['GET', '/api/v1/me/organizations', undefined],
      ['PUT', '/api/v1/session/organization', { organizationId: owner.organization.id }],
      ['POST', '/api/v1/organizations', { name: 'Made by a key' }],
      ['GET', '/api/v1/organizations', undefined],
    ] as const) {
      const res = await asKey(key).request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
      const withSession = await owner.client.request(method, path, body, bearer(key));
      expect(withSession.status, `${method} ${path} with a session too`).toBe(403);
    }
    expect((await asKey('rst_nothing').request('GET', '/api/v1/me')).body.code).toBe('auth.invalid_api_key');
  });

  it('nobody creates a key wider than themselves, and permissions must be in the catalogue', async () => {
    await createRole(owner, 'key-maker', ['api_keys.manage', 'members.read']);
    const maker = await addMember(server, owner, 'key-maker', 'keymaker');
    const wide = await maker.client.post(keysPath, { name: 'too wide', permissions: ['members.read', 'roles.manage'] });
    expect(wide.status).toBe(403);
    expect(wide.body).toMatchObject({ code: 'permission.not_held', field: 'body.permissions' });
    const unknown = await maker.client.post(keysPath, { name: 'unknown', permissions: ['members.read', 'no.such.permission'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'permission.unknown', field: 'body.permissions' });
    const everything = await owner.client.post(keysPath, { name: 'wildcard', permissions: ['*'] });
    expect(everything.status).toBe(400);
    expect(everything.body.code).toBe('permission.unknown');
    const fits = await createKey(maker.client, { name: 'fits', permissions: ['api_keys.manage', 'members.read', 'members.read'] });
    expect(fits.permissions).toEqual(['api_keys.manage', 'members.read']);
    // A key that manages keys makes keys no wider than itself.
    const child = await server.client().post(keysPath, { name: 'child', permissions: ['members.invite'] }, bearer(fits.key));
    expect(child.status).toBe(403);
    expect(child.body.code).toBe('permission.not_held');
  });

  it('a key needs a name that says which program uses it', async () => {
    const blank = await owner.client.post(keysPath, { name: '   ', permissions: [] });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ code: 'request.invalid', field: 'body.name' });
  });

  it('accepts application permissions the host application registered in the catalogue', async () => {
    const registered = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/permissions`, { key: 'invoices.export', description: 'Export invoices' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const created = await createKey(owner.client, { name: 'exporter', permissions: ['invoices.export'] });
    expect(created.permissions).toEqual(['invoices.export']);
  });

  it('only members with api_keys.manage create, list or revoke keys', async () => {
    const created = await createKey(owner.client, { name: 'guarded', permissions: [] });
    const plain = await addMember(server, owner, 'member', 'keyplain');
    for (const [method, path, body] of [
      ['POST', keysPath, { name: 'mine', permissions: [] }],
      ['GET', keysPath, undefined],
      ['DELETE', `${keysPath}/${created.id}`, undefined],
    ] as const) {
      const res = await plain.client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    expect((await owner.client.get(keysPath)).body.items.map((k: { id: string }) => k.id)).toContain(created.id);
  });

  it('records when a key was last used, writing at most once a minute', async () => {
    const created = await createKey(owner.client, { name: 'usage', permissions: ['members.read'] });
    const org = `/api/v1/organizations/${owner.organization.id}`;
    await asKey(created.key).get(org);
    const first = (await owner.client.get(keysPath)).body.items.find((k: { id: string }) => k.id === created.id).lastUsedAt;
    expect(typeof first).toBe('string');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await asKey(created.key).get(org);
    const second = (await owner.client.get(keysPath)).body.items.find((k: { id: string }) => k.id === created.id).lastUsedAt;
    expect(second).toBe(first);
  });

  it('lists keys a page at a time', async () => {
    const fresh = await signUp(server, 'pager', 'Pager Org');
    const path = `/api/v1/organizations/${fresh.organization.id}/api-keys`;
    for (const name of ['one', 'two', 'three']) await createKey(fresh.client, { name, permissions: [] }, path);
    const first = await fresh.client.get(`${path}?limit=2`);
    expect(first.body.items.map((k: { name: string }) => k.name)).toEqual(['one', 'two']);
    const second = await fresh.client.get(`${path}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ name: 'three' }], nextCursor: null });
  });

  it('writes an audit event when a key is created and when it is revoked, without the secret', async () => {
    const created = await createKey(owner.client, { name: 'audited', permissions: ['members.read'] });
    expect((await owner.client.delete(`${keysPath}/${created.id}`)).status).toBe(204);
    const res = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/audit-events?target=${created.id}`);
    expect(res.status).toBe(200);
    const events = res.body.items as Array<Record<string, any>>;
    expect(events.map((e) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
    expect(events[1]).toMatchObject({
      actorUserId: owner.user.id, targetType: 'api_key', targetDisplayName: 'audited',
      after: { name: 'audited', prefix: created.prefix, permissions: ['members.read'], expiresAt: null },
    });
    expect(events[0]).toMatchObject({ actorUserId: owner.user.id, before: { name: 'audited', prefix: created.prefix } });
    expect(JSON.stringify(events)).not.toContain(KEY_SHAPE.exec(created.key)![2]);
  });
});
