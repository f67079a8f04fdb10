/**
 * Several Roster processes share one PostgreSQL database (DESIGN.md §3), each with its own access
 * cache: a change made through one must show in every other's answers within a second. Two apps
 * are built here on one database, each with its own pool, cache and LISTEN connection, as two
 * processes would have. PostgreSQL only — this is about how processes share it — and without
 * PostgreSQL these tests fail rather than skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { msUntil, startTwoInstances, WITHIN_MS, type Instance } from '../support/instances.js';
import { PASSWORD } from '../support/server.js';

/** How long the cache trusts an entry while it can not hear other processes (access-cache.ts). */
const UNTRUSTED_TTL_MS = 500;

describe('access cache across processes on PostgreSQL', () => {
  let one: Instance;
  let two: Instance;
  let close: () => Promise<void>;
  /** The owner, signed in on each instance. */
  let ownerOn1: Client;
  let ownerOn2: Client;
  let org: string;
  let organizationId: string;
  let counter = 0;

  beforeAll(async () => {
    ({ one, two, close } = await startTwoInstances());
    ownerOn1 = new Client(one.url);
    const signup = await ownerOn1.post('/api/v1/signup', {
      username: 'procowner', email: 'procowner@example.com', password: PASSWORD, firstName: 'Proc', lastName: 'Owner', organizationName: 'Two Processes',
    });
    expect(signup.status).toBe(201);
    organizationId = signup.body.organization.id;
    org = `/api/v1/organizations/${organizationId}`;
    ownerOn2 = new Client(two.url);
    expect((await ownerOn2.post('/api/v1/session', { login: 'procowner', password: PASSWORD })).status).toBe(200);
    expect((await ownerOn1.post(`${org}/roles`, { key: 'agent', name: 'Agent', permissions: ['members.read', 'members.invite'] })).status).toBe(201);
  });
  afterAll(async () => { await close?.(); });

  async function addMember(role: string): Promise<string> {
    const name = `proc${++counter}`;
    const res = await ownerOn1.post(`${org}/members`, { username: name, email: `${name}@example.com`, password: PASSWORD, firstName: name, lastName: 'M', role });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.userId;
  }

  const checkOn2 = async (userId: string, permission: string) => {
    const res = await ownerOn2.post(`${org}/authz/check`, { userId, permission });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { allowed: boolean; reason: string };
  };

  /** How long instance 2 takes to give `expected` after the change returned. */
  const msUntilOn2 = (userId: string, permission: string, expected: { allowed: boolean; reason: string }) =>
    msUntil(() => checkOn2(userId, permission), expected);

  it('runs on two instances, each with its own PostgreSQL connections', () => {
    expect([one.database.dialect, two.database.dialect]).toEqual(['postgres', 'postgres']);
    expect(one.database.db).not.toBe(two.database.db);
  });

  it('instance 2 answers from its own cache, which it trusts because it hears other processes\' changes', async () => {
    const userId = await addMember('member');
    expect(await checkOn2(userId, 'members.invite')).toEqual({ allowed: false, reason: 'not_granted' });
    // Behind Roster's back: no notification, so only a reload from the database could show this.
    await one.database.db.updateTable('members').set({ role: 'agent' }).where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
    await new Promise((resolve) => setTimeout(resolve, UNTRUSTED_TTL_MS + 200));
    expect(await checkOn2(userId, 'members.invite')).toEqual({ allowed: false, reason: 'not_granted' });
  });

  it('a role change through instance 1 shows on instance 2 within 1 s', async () => {
    const userId = await addMember('member');
    expect(await checkOn2(userId, 'members.invite')).toEqual({ allowed: false, reason: 'not_granted' });
    expect(await checkOn2(userId, 'members.invite')).toEqual({ allowed: false, reason: 'not_granted' });
    expect((await ownerOn1.patch(`${org}/members/${userId}`, { role: 'agent' })).status).toBe(200);
    expect(await msUntilOn2(userId, 'members.invite', { allowed: true, reason: 'role:agent' })).toBeLessThan(WITHIN_MS);
  });

  it('a deactivation through instance 1 shows on instance 2 within 1 s, and so does the reactivation', async () => {
    const userId = await addMember('agent');
    expect(await checkOn2(userId, 'members.invite')).toEqual({ allowed: true, reason: 'role:agent' });
    expect((await ownerOn1.post(`${org}/members/${userId}/deactivate`)).status).toBe(200);
    expect(await msUntilOn2(userId, 'members.invite', { allowed: false, reason: 'inactive' })).toBeLessThan(WITHIN_MS);
    expect((await ownerOn1.post(`${org}/members/${userId}/activate`)).status).toBe(200);
    expect(await msUntilOn2(userId, 'members.invite', { allowed: true, reason: 'role:agent' })).toBeLessThan(WITHIN_MS);
  });

  it('an edit of a role through instance 1 reaches every holder\'s answers on instance 2 within 1 s', async () => {
    const userId = await addMember('agent');
    expect(await checkOn2(userId, 'audit.read')).toEqual({ allowed: false, reason: 'not_granted' });
    expect((await ownerOn1.patch(`${org}/roles/agent`, { permissions: ['members.read', 'members.invite', 'audit.read'] })).status).toBe(200);
    expect(await msUntilOn2(userId, 'audit.read', { allowed: true, reason: 'role:agent' })).toBeLessThan(WITHIN_MS);
  });
});
