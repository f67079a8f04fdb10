/**
 * Optimistic concurrency on members, roles and groups: GET gives an ETag, and a write sent with
 * `If-Match` is refused with 412 when the thing changed since, so two admins editing the same person,
 * role or group never silently overwrite each other. The check and the write are one transaction,
 * on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { storedRows } from '../support/openapi.js';
import { addMember, addUser, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

describe.each(DIALECTS)('member ETags and If-Match on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let n = 0;
  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, `etag-owner-${dialect}`);
    const allow = await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect(allow.status).toBe(200);
  });
  afterAll(async () => { await server?.close(); });

  const memberPath = (userId: string) => `/api/v1/organizations/${owner.organization.id}/members/${userId}`;
  const newMember = async (): Promise<string> => (await addUser(owner, { username: `etag${++n}` })).userId;

  async function tagOf(userId: string): Promise<string> {
    const res = await owner.client.get(memberPath(userId));
    expect(res.status).toBe(200);
    const tag = res.headers.get('etag');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    return tag!;
  }

  const patch = (userId: string, body: unknown, ifMatch?: string) =>
    owner.client.request('PATCH', memberPath(userId), body, ifMatch === undefined ? {} : { 'if-match': ifMatch });

  function expectPreconditionFailed(res: { status: number; headers: Headers; body: any }): void {
    expect(res.status, JSON.stringify(res.body)).toBe(412);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 412, code: 'precondition.failed', field: 'headers.if-match' });
  }

  it('GET gives a member an ETag that stays the same while the member does, and an edit with it succeeds with the new one', async () => {
    const userId = await newMember();
    const tag = await tagOf(userId);
    expect(await tagOf(userId)).toBe(tag);
    const res = await patch(userId, { firstName: 'Tagged' }, tag);
    expect(res.status).toBe(200);
    expect(res.body.firstName).toBe('Tagged');
    const newTag = res.headers.get('etag');
    expect(newTag).not.toBe(tag);
    expect(await tagOf(userId)).toBe(newTag);
  });

  it('an edit sent with the ETag of an older read is refused with 412 and changes nothing', async () => {
    const userId = await newMember();
    const stale = await tagOf(userId);
    expect((await patch(userId, { firstName: 'First' }, stale)).status).toBe(200);
    const before = await storedRows(server.database);
    expectPreconditionFailed(await patch(userId, { firstName: 'Second', role: 'admin' }, stale));
    expect(await storedRows(server.database)).toEqual(before);
    const now = await owner.client.get(memberPath(userId));
    expect(now.body).toMatchObject({ firstName: 'First', role: 'member' });
  });

  it('without If-Match an edit goes through as before, whatever changed since', async () => {
    const userId = await newMember();
    expect((await patch(userId, { firstName: 'One' })).status).toBe(200);
    const res = await patch(userId, { firstName: 'Two' });
    expect(res.status).toBe(200);
    expect(res.body.firstName).toBe('Two');
  });

  it('a change made through another route (the member editing their own profile) makes an admin\'s older ETag stale', async () => {
    const member = await addMember(server, owner, 'member', `etag-self-${dialect}`);
    const tag = await tagOf(member.user.id);
    expect((await member.client.patch('/api/v1/me', { title: 'Chief of Things' })).status).toBe(200);
    expectPreconditionFailed(await patch(member.user.id, { title: 'Overwritten' }, tag));
    expect((await owner.client.get(memberPath(member.user.id))).body.title).toBe('Chief of Things');
  });

  it('If-Match: * matches any member, a weak tag never matches, and a value that is no tag at all is a 400 naming the header', async () => {
    const userId = await newMember();
    const tag = await tagOf(userId);
    expect((await patch(userId, { lastName: 'Star' }, '*')).status).toBe(200);
    const current = await tagOf(userId);
    expect(current).not.toBe(tag);
    expectPreconditionFailed(await patch(userId, { lastName: 'Weak' }, `W/${current}`));
    expect((await patch(userId, { lastName: 'Listed' }, `"nope", ${current}`)).status).toBe(200);
    const bad = await patch(userId, { lastName: 'Bad' }, 'not-a-tag');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'request.invalid', field: 'headers.if-match' });
    expect((await owner.client.get(memberPath(userId))).body.lastName).toBe('Listed');
  });

  it('deactivate, activate and delete honour If-Match too, and answer with the member\'s new ETag', async () => {
    const userId = await newMember();
    const stale = await tagOf(userId);
    expect((await patch(userId, { firstName: 'Moved' })).status).toBe(200);
    const base = memberPath(userId);
    expectPreconditionFailed(await owner.client.post(`${base}/deactivate`, undefined, { 'if-match': stale }));
    expect((await owner.client.get(base)).body.status).toBe('active');

    const deactivated = await owner.client.post(`${base}/deactivate`, undefined, { 'if-match': await tagOf(userId) });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe('inactive');
    expect(deactivated.headers.get('etag')).toBe(await tagOf(userId));
    expectPreconditionFailed(await owner.client.post(`${base}/activate`, undefined, { 'if-match': stale }));
    const activated = await owner.client.post(`${base}/activate`, undefined, { 'if-match': deactivated.headers.get('etag')! });
    expect(activated.status).toBe(200);

    expectPreconditionFailed(await owner.client.request('DELETE', base, undefined, { 'if-match': stale }));
    expect((await owner.client.get(base)).status).toBe(200);
    expect((await owner.client.request('DELETE', base, undefined, { 'if-match': activated.headers.get('etag')! })).status).toBe(204);
    expect((await owner.client.get(base)).status).toBe(404);
  });

  it('a write with If-Match to a member who does not exist is 404, not 412', async () => {
    const res = await patch('no-such-member', { firstName: 'Ghost' }, '"abc"');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('member.not_found');
  });

  it('of concurrent edits sent with the same ETag exactly one wins; the others get 412 and the winner\'s change stays', async () => {
    // Two admins (each their own session) and the owner race, several times over.
    const admins = [owner.client, await signIn(server, (await addMember(server, owner, 'admin', `etag-admin-a-${dialect}`)).user.username),
      await signIn(server, (await addMember(server, owner, 'admin', `etag-admin-b-${dialect}`)).user.username)];
    for (let round = 0; round < 8; round++) {
      const userId = await newMember();
      const tag = await tagOf(userId);
      const sent = Array.from({ length: 6 }, (_, i) => `Racer${round}x${i}`);
      const answers = await Promise.all(sent.map((firstName, i) =>
        admins[i % admins.length]!.request('PATCH', memberPath(userId), { firstName }, { 'if-match': tag })));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses, JSON.stringify(answers.map((a) => a.body))).toEqual([200, 412, 412, 412, 412, 412]);
      for (const a of answers.filter((x) => x.status === 412)) expectPreconditionFailed(a);
      const winner = answers.find((a) => a.status === 200)!;
      const stored = await owner.client.get(memberPath(userId));
      expect(stored.body.firstName).toBe(winner.body.firstName);
      expect(stored.headers.get('etag')).toBe(winner.headers.get('etag'));
    }
  });
});

describe.each(DIALECTS)('role and group ETags and If-Match on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let n = 0;
  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, `etag-catalog-${dialect}`);
  });
  afterAll(async () => { await server?.close(); });

  const org = () => `/api/v1/organizations/${owner.organization.id}`;
  /** A new role or group, by the path that names it. */
  const things = {
    role: async () => {
      const key = `etag-role-${++n}`;
      expect((await owner.client.post(`${org()}/roles`, { key, name: `Role ${n}`, permissions: ['members.read'] })).status).toBe(201);
      return `${org()}/roles/${key}`;
    },
    group: async () => {
      const res = await owner.client.post(`${org()}/groups`, { name: `Group ${++n}`, permissions: ['members.read'] });
      expect(res.status).toBe(201);
      return `${org()}/groups/${res.body.id}`;
    },
  };

  async function tagOf(path: string): Promise<string> {
    const res = await owner.client.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    return res.headers.get('etag')!;
  }

  it.each(Object.keys(things) as Array<keyof typeof things>)('a %s edited since it was read refuses an edit or a deletion with the old ETag, and takes them with the new one', async (kind) => {
    const path = await things[kind]();
    const stale = await tagOf(path);
    expect((await owner.client.patch(path, { description: 'first' })).status).toBe(200);
    const before = await storedRows(server.database);
    const refused = await owner.client.request('PATCH', path, { description: 'second' }, { 'if-match': stale });
    expect(refused.status).toBe(412);
    expect(refused.body).toMatchObject({ code: 'precondition.failed', field: 'headers.if-match' });
    expect((await owner.client.request('DELETE', path, undefined, { 'if-match': stale })).status).toBe(412);
    expect(await storedRows(server.database)).toEqual(before);

    const edited = await owner.client.request('PATCH', path, { description: 'third' }, { 'if-match': await tagOf(path) });
    expect(edited.status).toBe(200);
    expect(edited.body.description).toBe('third');
    expect(edited.headers.get('etag')).toBe(await tagOf(path));
    expect((await owner.client.request('DELETE', path, undefined, { 'if-match': edited.headers.get('etag')! })).status).toBe(204);
    expect((await owner.client.get(path)).status).toBe(404);
  });

  it.each(Object.keys(things) as Array<keyof typeof things>)('of concurrent edits of a %s sent with the same ETag exactly one wins', async (kind) => {
    for (let round = 0; round < 4; round++) {
      const path = await things[kind]();
      const tag = await tagOf(path);
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) =>
        owner.client.request('PATCH', path, { description: `racer ${round}.${i}` }, { 'if-match': tag })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 412, 412, 412, 412]);
      const winner = answers.find((a) => a.status === 200)!;
      expect((await owner.client.get(path)).body.description).toBe(winner.body.description);
    }
  });
});
