/**
 * Substring search of the members list (`match=substring`): any part of the username, email, first
 * or last name, answered by the trigram index (pg_trgm on PostgreSQL, FTS5 on SQLite) and kept in
 * step with every change to a member, on every database. Prefix search is in members.test.ts; both
 * routes a search can take at scale are in cli.test.ts (`roster seed`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addUser, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const usernames = (res: { body: { items: Array<{ username: string }> } }) => res.body.items.map((m) => m.username);

describe.each(DIALECTS)('member substring search on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  const members = (owner: SignedUp) => `/api/v1/organizations/${owner.organization.id}/members`;
  async function search(owner: SignedUp, q: string, extra = ''): Promise<string[]> {
    const res = await owner.client.get(`${members(owner)}?match=substring&q=${encodeURIComponent(q)}${extra}`);
    expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
    return usernames(res);
  }

  it('finds any part of the username, email, first or last name, whatever the case', async () => {
    const owner = await signUp(server, 'sub-owner');
    await addUser(owner, { username: 'Zephyr', email: 'qx.mail@example.com', firstName: 'Wilhelmina', lastName: 'Smithers' });
    await addUser(owner, { username: 'yolanda', email: 'yolanda@example.org', firstName: 'Beatrix', lastName: 'Ortega' });
    expect(await search(owner, 'phyr')).toEqual(['Zephyr']);
    expect(await search(owner, 'PHYR')).toEqual(['Zephyr']);
    expect(await search(owner, 'mail@')).toEqual(['Zephyr']);
    expect(await search(owner, 'helm')).toEqual(['Zephyr']);
    expect(await search(owner, 'thers')).toEqual(['Zephyr']);
    expect(await search(owner, 'rteg')).toEqual(['yolanda']);
    expect(await search(owner, '  atri ')).toEqual(['yolanda']);
    expect(await search(owner, 'example.org')).toEqual(['yolanda']);
    // Every address here is at example.something: all three, in username order.
    expect(await search(owner, 'example')).toEqual(['sub-owner', 'yolanda', 'Zephyr']);
    expect(await search(owner, 'nowhere')).toEqual([]);
    // Within one key only: the end of the first name and the start of the last do not join up.
    expect(await search(owner, 'minasmith')).toEqual([]);
    // The default is still a prefix, and match=prefix says so.
    expect(usernames(await owner.client.get(`${members(owner)}?q=phyr`))).toEqual([]);
    expect(usernames(await owner.client.get(`${members(owner)}?match=prefix&q=zeph`))).toEqual(['Zephyr']);
  });

  it('matches one or two characters as a prefix, since no trigram is that short', async () => {
    const owner = await signUp(server, 'short-owner');
    await addUser(owner, { username: 'abel', firstName: 'Abel', lastName: 'Kane' });
    await addUser(owner, { username: 'cabot', firstName: 'Cabot', lastName: 'Lowell' });
    expect(await search(owner, 'ab')).toEqual(['abel']);
    expect(await search(owner, 'c')).toEqual(['cabot']);
    expect(await search(owner, 'abo')).toEqual(['cabot']);
  });

  it('takes %, _, backslash and quotes literally', async () => {
    const owner = await signUp(server, 'odd-owner');
    await addUser(owner, { username: 'odd_one', email: 'odd_one@example.com', firstName: 'Odd', lastName: 'O"Neil\\50%' });
    await addUser(owner, { username: 'oddxone', email: 'oddxone@example.com', firstName: 'Odd', lastName: 'Plain' });
    expect(await search(owner, 'd_o')).toEqual(['odd_one']);
    expect(await search(owner, 'o"ne')).toEqual(['odd_one']);
    expect(await search(owner, '\\50%')).toEqual(['odd_one']);
    expect(await search(owner, '50%')).toEqual(['odd_one']);
    expect(await search(owner, 'l\\5')).toEqual(['odd_one']);
    expect(await search(owner, '%on')).toEqual([]);
  });

  it('matches within one key, never across two (PostgreSQL reads the four keys as one text)', async () => {
    const owner = await signUp(server, 'span-owner');
    await addUser(owner, { username: 'spanner', email: 'wrench@example.com', firstName: 'Nut', lastName: 'Bolt' });
    expect(await search(owner, 'anner')).toEqual(['spanner']);
    for (const term of ['spanner\nwrench', 'nner\nwre', 'com\nnut', 'nut\nbolt']) expect(await search(owner, term), JSON.stringify(term)).toEqual([]);
  });

  it('follows every change: a new name, a new email, deactivation, deletion', async () => {
    const owner = await signUp(server, 'sync-owner');
    const settings = await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect(settings.status).toBe(200);
    const added = await addUser(owner, { username: 'synced', email: 'first.address@example.com', firstName: 'Marigold', lastName: 'Quince' });
    expect(await search(owner, 'igol')).toEqual(['synced']);

    const edited = await owner.client.patch(`${members(owner)}/${added.userId}`, { firstName: 'Rosalind', email: 'second.address@example.com' });
    expect(edited.status).toBe(200);
    expect(await search(owner, 'igol')).toEqual([]);
    expect(await search(owner, 'osalin')).toEqual(['synced']);
    expect(await search(owner, 'first.addr')).toEqual([]);
    expect(await search(owner, 'cond.addr')).toEqual(['synced']);

    expect((await owner.client.post(`${members(owner)}/${added.userId}/deactivate`)).status).toBe(200);
    expect(await search(owner, 'osalin')).toEqual([]);
    expect(await search(owner, 'osalin', '&status=inactive')).toEqual(['synced']);

    expect((await owner.client.delete(`${members(owner)}/${added.userId}`)).status).toBe(204);
    expect(await search(owner, 'osalin', '&status=inactive')).toEqual([]);
    // Added again, found again: a removed member leaves nothing behind in the index.
    await addUser(owner, { username: 'synced2', email: 'third@example.com', firstName: 'Rosalind', lastName: 'Quince' });
    expect(await search(owner, 'osalin')).toEqual(['synced2']);
  });

  it('searches one organization only, and combines with role, group and page cursor', async () => {
    const owner = await signUp(server, 'combo-owner');
    const other = await signUp(server, 'combo-other');
    await addUser(other, { username: 'outsider-lumen', firstName: 'Lumen', lastName: 'Elsewhere' });
    for (const n of ['a', 'b', 'c', 'd', 'e']) await addUser(owner, { username: `lumen-${n}`, firstName: 'Lumen', lastName: n === 'a' ? 'Admin' : 'Plain', role: n === 'a' ? 'admin' : 'member' });
    const group = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/groups`, { name: 'Lighthouse' });
    expect(group.status).toBe(201);
    const listed = await owner.client.get(`${members(owner)}?match=substring&q=umen`);
    const byName = new Map(listed.body.items.map((m: { username: string; userId: string }) => [m.username, m.userId]));
    for (const n of ['b', 'd']) {
      const patched = await owner.client.patch(`${members(owner)}/${byName.get(`lumen-${n}`)}`, { groups: [group.body.id] });
      expect(patched.status).toBe(200);
    }

    expect(await search(owner, 'umen')).toEqual(['lumen-a', 'lumen-b', 'lumen-c', 'lumen-d', 'lumen-e']);
    expect(await search(owner, 'umen', '&role=admin')).toEqual(['lumen-a']);
    expect(await search(owner, 'umen', `&group=${group.body.id}`)).toEqual(['lumen-b', 'lumen-d']);
    const groupMembers = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/groups/${group.body.id}/members?match=substring&q=men-d`);
    expect(usernames(groupMembers)).toEqual(['lumen-d']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await owner.client.get(`${members(owner)}?match=substring&q=umen&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...usernames(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['lumen-a', 'lumen-b', 'lumen-c', 'lumen-d', 'lumen-e']);
  });

  it('refuses an unknown match, naming the field', async () => {
    const owner = await signUp(server, 'bad-match-owner');
    const res = await owner.client.get(`${members(owner)}?match=fuzzy&q=abc`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('match');
  });
});
