/**
 * The audit trail (seed 000 "lead history and logs"): every change is recorded with who made it,
 * under the name they had then, what changed and on whom, inside the change's own transaction; and
 * the trail is filtered and paged newest first, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

interface Event {
  id: string;
  organizationId: string | null;
  actorUserId: string | null;
  actorDisplayName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetDisplayName: string | null;
  before: any;
  after: any;
  createdAt: string;
}

const org = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DIALECTS)('audit events on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  async function events(who: SignedUp, query = ''): Promise<Event[]> {
    const res = await who.client.get(`${org(who)}/audit-events?limit=200${query}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items;
  }

  it('every change writes an event with the actor, the action, the target and before/after (seed 000 "lead history and logs")', async () => {
    const owner = await signUp(server, 'every-owner');
    const next = await addMember(server, owner, 'admin', 'every-next');
    const target = await addUser(owner, { username: 'every-target' });
    const m = `${org(owner)}/members/${target.userId}`;
    expect((await owner.client.patch(m, { title: 'Lead agent' })).status).toBe(200);
    await createRole(owner, 'agent', ['members.read']);
    expect((await owner.client.patch(m, { role: 'agent' })).status).toBe(200);
    expect((await owner.client.patch(`${org(owner)}/roles/agent`, { name: 'Agent' })).status).toBe(200);
    expect((await owner.client.post(`${m}/deactivate`)).status).toBe(200);
    expect((await owner.client.post(`${m}/activate`)).status).toBe(200);
    expect((await owner.client.patch(org(owner), { settings: { allowMemberDeletion: true } })).status).toBe(200);
    expect((await owner.client.post(`${org(owner)}/transfer-ownership`, { userId: next.user.id })).status).toBe(200);
    expect((await owner.client.delete(m)).status).toBe(204);
    expect((await owner.client.delete(`${org(owner)}/roles/agent`)).status).toBe(204);

    const all = await events(owner);
    expect(all.map((e) => e.action)).toEqual([
      'role.deleted', 'member.deleted', 'organization.ownership_transferred', 'organization.updated',
      'member.activated', 'member.deactivated', 'role.updated', 'member.role_changed', 'role.created', 'member.updated',
      'member.added', 'member.added', 'user.signed_up', 'organization.created',
    ]);
    for (const e of all) {
      expect(e, e.action).toMatchObject({ organizationId: owner.organization.id, actorUserId: owner.user.id, actorDisplayName: 'every-owner Tester' });
    }
    const byAction = (action: string) => all.filter((e) => e.action === action);
    const [added] = byAction('member.added');
    expect(added).toMatchObject({ targetType: 'member', targetId: target.userId, before: null, after: { username: 'every-target', email: 'every-target@example.com', role: 'member' } });
    expect(byAction('member.updated')[0]).toMatchObject({ targetId: target.userId, before: { title: null }, after: { title: 'Lead agent' } });
    expect(byAction('member.role_changed')[0]).toMatchObject({ targetId: target.userId, before: { role: 'member' }, after: { role: 'agent' } });
    expect(byAction('member.deactivated')[0]).toMatchObject({ targetId: target.userId, before: { status: 'active' }, after: { status: 'inactive' } });
    expect(byAction('member.activated')[0]).toMatchObject({ targetId: target.userId, before: { status: 'inactive' }, after: { status: 'active' } });
    expect(byAction('member.deleted')[0]).toMatchObject({ targetId: target.userId, before: { status: 'active', role: 'agent' } });
    expect(byAction('role.created')[0]).toMatchObject({ targetType: 'role', after: { key: 'agent', permissions: ['members.read'] } });
    expect(byAction('role.updated')[0]).toMatchObject({ targetType: 'role', before: { name: 'agent' }, after: { name: 'Agent' } });
    expect(byAction('role.deleted')[0]).toMatchObject({ targetType: 'role', before: { key: 'agent' } });
    expect(byAction('organization.updated')[0]).toMatchObject({
      targetType: 'organization', targetId: owner.organization.id,
      before: { settings: { allowMemberDeletion: false } }, after: { settings: { allowMemberDeletion: true } },
    });
    expect(byAction('organization.ownership_transferred')[0]).toMatchObject({ targetId: next.user.id, before: { owner: [owner.user.id] }, after: { owner: next.user.id } });
    // Secrets never reach the trail.
    expect(JSON.stringify(all)).not.toMatch(/password_hash|argon2/);
  });

  it('a bulk action writes one event per member it changes', async () => {
    const owner = await signUp(server, 'bulkev-owner');
    const a = await addUser(owner, { username: 'bulkev-a' });
    const b = await addUser(owner, { username: 'bulkev-b' });
    const c = await addUser(owner, { username: 'bulkev-c' });
    await owner.client.post(`${org(owner)}/members/${c.userId}/deactivate`);
    const res = await owner.client.post(`${org(owner)}/members/bulk`, { action: 'deactivate', userIds: [a.userId, b.userId, c.userId] });
    expect(res.body).toEqual({ affected: 2 });
    const deactivated = await events(owner, '&action=member.deactivated');
    expect(deactivated.map((e) => e.targetId).sort()).toEqual([a.userId, b.userId, c.userId].sort());
    expect(deactivated.filter((e) => e.targetId === c.userId)).toHaveLength(1);
  });

  it('an event keeps the actor\'s display name from the time it happened (seed 000)', async () => {
    const owner = await signUp(server, 'names-owner');
    const target = await addUser(owner, { username: 'names-target' });
    expect((await owner.client.patch('/api/v1/me', { displayName: 'Chief One' })).status).toBe(200);
    await owner.client.patch(`${org(owner)}/members/${target.userId}`, { title: 'First' });
    expect((await owner.client.patch('/api/v1/me', { displayName: 'Chief Two' })).status).toBe(200);
    await owner.client.patch(`${org(owner)}/members/${target.userId}`, { title: 'Second' });

    const all = await events(owner);
    expect(all.map((e) => [e.action, e.actorDisplayName])).toEqual([
      ['member.updated', 'Chief Two'],
      ['member.updated', 'Chief One'],
      ['member.added', 'names-owner Tester'],
      ['user.signed_up', 'names-owner Tester'],
      ['organization.created', 'names-owner Tester'],
    ]);
  });

  it('history keeps a deleted member\'s display name (seed 000 "lead history and logs")', async () => {
    const owner = await signUp(server, 'gone-owner');
    await owner.client.patch(org(owner), { settings: { allowMemberDeletion: true } });
    const target = await addUser(owner, { username: 'Gone.Agent', displayName: 'Agent Gone' });
    await owner.client.post(`${org(owner)}/members/${target.userId}/deactivate`);
    expect((await owner.client.delete(`${org(owner)}/members/${target.userId}`)).status).toBe(204);

    const trail = await events(owner, `&target=${target.userId}`);
    expect(trail.map((e) => [e.action, e.targetDisplayName])).toEqual([
      ['member.deleted', 'Agent Gone'],
      ['member.deactivated', 'Agent Gone'],
      ['member.added', 'Agent Gone'],
    ]);
  });

  it('filters the trail by actor, target and action', async () => {
    const owner = await signUp(server, 'filter-owner');
    const admin = await addMember(server, owner, 'admin', 'filter-admin');
    const x = await addUser(owner, { username: 'filter-x' });
    const y = await addUser(owner, { username: 'filter-y' });
    await admin.client.post(`${org(owner)}/members/${x.userId}/deactivate`);
    await admin.client.patch(`${org(owner)}/members/${y.userId}`, { title: 'By the admin' });
    await owner.client.post(`${org(owner)}/members/${y.userId}/deactivate`);
    await owner.client.post(`${org(owner)}/members/${x.userId}/activate`);

    const byAdmin = await events(owner, `&actor=${admin.user.id}`);
    expect(byAdmin.map((e) => [e.action, e.targetId])).toEqual([['member.updated', y.userId], ['member.deactivated', x.userId]]);
    expect(byAdmin.every((e) => e.actorDisplayName === 'filter-admin Member')).toBe(true);

    const onX = await events(owner, `&target=${x.userId}`);
    expect(onX.map((e) => e.action)).toEqual(['member.activated', 'member.deactivated', 'member.added']);

    const deactivations = await events(owner, '&action=member.deactivated');
    expect(deactivations.map((e) => e.targetId)).toEqual([y.userId, x.userId]);

    const combined = await events(owner, `&actor=${owner.user.id}&action=member.deactivated`);
    expect(combined.map((e) => e.targetId)).toEqual([y.userId]);
    expect(await events(owner, '&action=no.such.action')).toEqual([]);
  });

  it('filters the trail by time: from is inclusive, to is exclusive', async () => {
    const owner = await signUp(server, 'time-owner');
    const early = await addUser(owner, { username: 'time-early' });
    await sleep(20);
    const cut = new Date().toISOString();
    await sleep(20);
    const late = await addUser(owner, { username: 'time-late' });

    const all = await events(owner);
    const since = await events(owner, `&from=${encodeURIComponent(cut)}`);
    const until = await events(owner, `&to=${encodeURIComponent(cut)}`);
    expect(since.map((e) => e.targetId)).toEqual([late.userId]);
    expect(until.map((e) => e.action)).toEqual(['member.added', 'user.signed_up', 'organization.created']);
    expect(until[0]!.targetId).toBe(early.userId);
    expect([...since, ...until]).toEqual(all);

    // from and to together give a window; an instant taken from an event includes that event.
    const lateAt = since[0]!.createdAt;
    expect((await events(owner, `&from=${encodeURIComponent(lateAt)}&to=${encodeURIComponent(new Date(Date.parse(lateAt) + 1).toISOString())}`))
      .map((e) => e.targetId)).toEqual([late.userId]);
    const bad = await owner.client.get(`${org(owner)}/audit-events?from=yesterday`);
    expect(bad.status).toBe(400);
  });

  it('pages through the trail newest first with a cursor, with nothing repeated or missed', async () => {
    const owner = await signUp(server, 'page-owner');
    for (let i = 0; i < 6; i++) await addUser(owner, { username: `page-${i}` });
    const all = await events(owner);
    expect(all).toHaveLength(8);

    const walked: Event[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: Event[]; nextCursor: string | null } } =
        await owner.client.get(`${org(owner)}/audit-events?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      walked.push(...res.body.items);
      cursor = res.body.nextCursor;
      // A change made mid-walk is newer than the cursor and does not shift the pages.
      if (pages === 0) await addUser(owner, { username: 'page-late' });
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(walked).toEqual(all);
    for (let i = 1; i < walked.length; i++) expect(walked[i - 1]!.createdAt >= walked[i]!.createdAt).toBe(true);
    expect(walked.map((e) => e.after?.username).slice(0, 6)).toEqual(['page-5', 'page-4', 'page-3', 'page-2', 'page-1', 'page-0']);
  });

  it('reading the trail needs audit.read', async () => {
    const owner = await signUp(server, 'read-owner');
    const plain = await addMember(server, owner, 'member', 'read-plain');
    await createRole(owner, 'auditor', ['audit.read']);
    const auditor = await addMember(server, owner, 'auditor', 'read-auditor');

    const refused = await plain.client.get(`${org(owner)}/audit-events`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    const allowed = await auditor.client.get(`${org(owner)}/audit-events`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.items.length).toBeGreaterThan(0);
    expect((await server.client().get(`${org(owner)}/audit-events`)).status).toBe(401);
  });

  it('a change that fails writes no event: the event is part of the change\'s transaction', async () => {
    const owner = await signUp(server, 'atomic-owner');
    await createRole(owner, 'agent', ['members.read']);
    const target = await addUser(owner, { username: 'atomic-target' });
    const m = `${org(owner)}/members/${target.userId}`;
    const before = await events(owner);

    // The role change is written first; the password check after it fails, and takes the role change and its event with it.
    const weak = await owner.client.patch(m, { role: 'agent', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('user.password_invalid');
    // Here the database itself refuses the email, after the role change and its event were written.
    const taken = await owner.client.patch(m, { role: 'agent', email: 'atomic-owner@example.com' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('user.email_taken');
    // A refusal before any write leaves nothing either.
    const owner409 = await owner.client.patch(`${org(owner)}/members/${owner.user.id}`, { role: 'member' });
    expect(owner409.status).toBe(409);

    expect(await events(owner)).toEqual(before);
    expect((await owner.client.get(m)).body).toMatchObject({ role: 'member', email: 'atomic-target@example.com' });
  });
});
