/**
 * Sessions and API keys are served from each process's memory (services/row-cache.ts). Two Roster
 * processes on one PostgreSQL database: whatever ends or changes a session, a user or a key through
 * one must hold on the other at once (the notice travels with the commit). The same browser cookie
 * is sent to both, as a load balancer would. PostgreSQL only, and without it these tests fail
 * rather than skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { msUntil, startTwoInstances, WITHIN_MS, type Instance } from '../support/instances.js';
import { PASSWORD } from '../support/server.js';

describe('sessions and API keys across processes on PostgreSQL', () => {
  let one: Instance;
  let two: Instance;
  let close: () => Promise<void>;
  let counter = 0;

  beforeAll(async () => {
    ({ one, two, close } = await startTwoInstances());
  });
  afterAll(async () => { await close?.(); });

  /** A new user signed up through instance 1; the browser's cookie works on both. */
  async function browser(): Promise<{ on1: Client; on2: Client; organizationId: string; username: string }> {
    const username = `sc${++counter}`;
    const on1 = new Client(one.url);
    const res = await on1.post('/api/v1/signup', {
      username, email: `${username}@example.com`, password: PASSWORD, firstName: 'Session', lastName: 'Cache', organizationName: `Org ${username}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const on2 = on1.on(two.url);
    expect((await on2.get('/api/v1/me')).status).toBe(200);
    return { on1, on2, organizationId: res.body.organization.id, username };
  }

  const status = async (client: Client, path = '/api/v1/me') => (await client.get(path)).status;

  it('serves a session from memory: a change behind Roster\'s back is not seen, so the cache is really used', async () => {
    const { on2, username } = await browser();
    expect((await on2.get('/api/v1/me')).body.firstName).toBe('Session');
    await one.database.db.updateTable('users').set({ first_name: 'Behind' }).where('username_key', '=', username).execute();
    expect((await on2.get('/api/v1/me')).body.firstName).toBe('Session');
  });

  it('signing out through instance 1 ends the session on instance 2 at once', async () => {
    const { on1, on2 } = await browser();
    expect(await status(on2)).toBe(200);
    const stolen = on2.on(two.url);
    expect((await on1.delete('/api/v1/session')).status).toBe(204);
    expect(await msUntil(() => status(stolen), 401)).toBeLessThan(WITHIN_MS);
  });

  it('a profile edit through instance 1 shows in /me on instance 2 at once', async () => {
    const { on1, on2 } = await browser();
    expect((await on2.get('/api/v1/me')).body.title).toBeNull();
    expect((await on1.patch('/api/v1/me', { title: 'Head of Cache' })).status).toBe(200);
    expect(await msUntil(async () => (await on2.get('/api/v1/me')).body.title, 'Head of Cache')).toBeLessThan(WITHIN_MS);
  });

  it('a password change through instance 1 ends the user\'s other sessions on instance 2 at once', async () => {
    const { on1, username } = await browser();
    const laptop = new Client(two.url);
    expect((await laptop.post('/api/v1/session', { login: username, password: PASSWORD })).status).toBe(200);
    const laptopOn1 = laptop.on(one.url);
    expect(await status(laptop)).toBe(200);
    expect(await status(laptopOn1)).toBe(200);
    expect((await on1.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD} changed` })).status).toBe(200);
    expect(await msUntil(() => status(laptop), 401)).toBeLessThan(WITHIN_MS);
    expect(await status(laptopOn1)).toBe(401);
    expect(await status(on1.on(two.url))).toBe(200);
  });

  it('switching organization through instance 1 is the session\'s organization on instance 2 at once', async () => {
    const { on1, on2 } = await browser();
    const created = await on1.post('/api/v1/organizations', { name: `Second ${counter}` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await on2.get('/api/v1/me')).body.currentOrganizationId).not.toBe(created.body.id);
    expect((await on1.put('/api/v1/session/organization', { organizationId: created.body.id })).status).toBe(200);
    expect(await msUntil(async () => (await on2.get('/api/v1/me')).body.currentOrganizationId, created.body.id)).toBeLessThan(WITHIN_MS);
  });

  it('an API key revoked through instance 1 is refused by instance 2 at once', async () => {
    const { on1, organizationId } = await browser();
    const created = await on1.post(`/api/v1/organizations/${organizationId}/api-keys`, { name: 'checker', permissions: ['authz.check'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const me = (await on1.get('/api/v1/me')).body.id as string;
    const check = async () => {
      const res = await fetch(`${two.url}/api/v1/organizations/${organizationId}/authz/check`, {
        method: 'POST', headers: { authorization: `Bearer ${created.body.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ userId: me, permission: 'members.read' }),
      });
      return res.status;
    };
    expect(await check()).toBe(200);
    expect(await check()).toBe(200);
    expect((await on1.delete(`/api/v1/organizations/${organizationId}/api-keys/${created.body.id}`)).status).toBe(204);
    expect(await msUntil(check, 401)).toBeLessThan(WITHIN_MS);
  });
});
