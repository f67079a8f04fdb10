/**
 * Members of an organization (the console's Users page): listing, search, adding directly, editing,
 * deactivation, deletion, bulk actions, ownership, and one identity across organizations, on every
 * database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import {
  addMember, addUser, createRole, PASSWORD, signIn, signUp, startRoster, type SignedUp, type TestServer,
} from '../support/server.js';

const members = (org: { organization: { id: string } } | string) =>
  `/api/v1/organizations/${typeof org === 'string' ? org : org.organization.id}/members`;

const usernames = (res: { body: { items: Array<{ username: string }> } }) => res.body.items.map((m) => m.username);

describe.each(DIALECTS)('members on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  /**
   * A user who is an admin in one organization and the owner of another: they sign up (owning A),
   * create B, add `other` to A and hand A's ownership to them. Only the API is used.
   */
  async function memberOfTwo(name: string): Promise<{ user: SignedUp; a: string; b: string; ownerOfA: SignedUp }> {
    const user = await signUp(server, name, `${name} A`);
    const created = await user.client.post('/api/v1/organizations', { name: `${name} B` });
    expect(created.status).toBe(201);
    const ownerOfA = await addMember(server, user, 'admin', `${name}-next`);
    const transfer = await user.client.post(`/api/v1/organizations/${user.organization.id}/transfer-ownership`, { userId: ownerOfA.user.id });
    expect(transfer.status).toBe(200);
    return { user, a: user.organization.id, b: created.body.id, ownerOfA };
  }

  it('lists active and inactive members apart (seeds 000, 002)', async () => {
    const owner = await signUp(server, 'list-owner');
    const kept = await addMember(server, owner, 'member', 'list-kept');
    const gone = await addMember(server, owner, 'member', 'list-gone');
    expect((await owner.client.post(`${members(owner)}/${gone.user.id}/deactivate`)).status).toBe(200);

    const active = await owner.client.get(members(owner));
    expect(active.status).toBe(200);
    expect(usernames(active)).toEqual(['list-kept', 'list-owner']);
    expect(active.body.items.every((m: { status: string }) => m.status === 'active')).toBe(true);
    expect((await owner.client.get(`${members(owner)}?status=active`)).body.items.map((m: { userId: string }) => m.userId))
      .toEqual([kept.user.id, owner.user.id]);

    const inactive = await owner.client.get(`${members(owner)}?status=inactive`);
    expect(inactive.status).toBe(200);
    expect(inactive.body.items).toHaveLength(1);
    expect(inactive.body.items[0]).toMatchObject({ userId: gone.user.id, username: 'list-gone', status: 'inactive' });
  });

  it('searches members by a prefix of the username, email, first name or last name, whatever the case', async () => {
    const owner = await signUp(server, 'search-owner');
    await addUser(owner, { username: 'Zephyr', email: 'qx.mail@example.com', firstName: 'Wilhelmina', lastName: 'Smithers' });
    await addUser(owner, { username: 'yolanda', email: 'yolanda@example.com', firstName: 'Beatrix', lastName: 'Ortega' });
    const search = async (q: string) => {
      const res = await owner.client.get(`${members(owner)}?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      return usernames(res);
    };
    expect(await search('zeph')).toEqual(['Zephyr']);
    expect(await search('ZEPH')).toEqual(['Zephyr']);
    expect(await search('QX.M')).toEqual(['Zephyr']);
    expect(await search('wilh')).toEqual(['Zephyr']);
    expect(await search('sMiTh')).toEqual(['Zephyr']);
    expect(await search('ortega')).toEqual(['yolanda']);
    expect(await search('  Beat ')).toEqual(['yolanda']);
    // A prefix, not a substring: the middle of a name does not match.
    expect(await search('phyr')).toEqual([]);
    expect(await search('mail@')).toEqual([]);
    // Any of the four fields may match: a username here, a last name there.
    expect(await search('s')).toEqual(['search-owner', 'Zephyr']);
  });

  it('filters members by role', async () => {
    const owner = await signUp(server, 'role-filter-owner');
    await createRole(owner, 'agent', ['members.read']);
    await addUser(owner, { username: 'rf-agent1', role: 'agent' });
    await addUser(owner, { username: 'rf-agent2', role: 'agent' });
    await addUser(owner, { username: 'rf-admin', role: 'admin' });
    await addUser(owner, { username: 'rf-member' });
    expect(usernames(await owner.client.get(`${members(owner)}?role=agent`))).toEqual(['rf-agent1', 'rf-agent2']);
    expect(usernames(await owner.client.get(`${members(owner)}?role=admin`))).toEqual(['rf-admin']);
    expect(usernames(await owner.client.get(`${members(owner)}?role=owner`))).toEqual(['role-filter-owner']);
    expect(usernames(await owner.client.get(`${members(owner)}?role=agent&q=rf-agent2`))).toEqual(['rf-agent2']);
  });

  it('pages through members with a cursor in a stable order by username, with nothing repeated or missed', async () => {
    const owner = await signUp(server, 'pg-owner');
    const names = ['pg-Delta', 'pg-alpha', 'pg-Charlie', 'pg-echo', 'pg-bravo', 'pg-golf', 'pg-Foxtrot'];
    for (const username of names) await addUser(owner, { username });
    const expected = [...names, 'pg-owner'].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: Array<{ username: string }>; nextCursor: string | null } } =
        await owner.client.get(`${members(owner)}?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...usernames(res));
      cursor = res.body.nextCursor;
      // A member added mid-walk who sorts before the cursor must not shift later pages.
      if (pages === 0) await addUser(owner, { username: 'pg-aaa-late' });
      pages++;
    } while (cursor);

    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
    const bad = await owner.client.get(`${members(owner)}?cursor=not-a-cursor`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.cursor_invalid');
  });

  it('an admin adds a user directly with a username and password they choose, and the user signs in with them (seed 000)', async () => {
    const owner = await signUp(server, 'add-owner');
    const res = await owner.client.post(members(owner), {
      username: 'Agent.Smith', password: 'correct horse battery staple', firstName: 'John', lastName: 'Smith',
      email: 'john.smith@example.com', displayName: 'J. Smith (agent)', alias: 'Johnny', role: 'admin',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'Agent.Smith', email: 'john.smith@example.com', firstName: 'John', lastName: 'Smith',
      displayName: 'J. Smith (agent)', alias: 'Johnny', role: 'admin', status: 'active',
      addedBy: owner.user.id, addedVia: 'direct', lastLoginAt: null,
    });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');

    const agent = server.client();
    const login = await agent.post('/api/v1/session', { login: 'agent.smith', password: 'correct horse battery staple' });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(res.body.userId);
    const mine = await agent.get('/api/v1/me/organizations');
    expect(mine.body.items).toEqual([{ organization: owner.organization, role: 'admin', status: 'active', current: false }]);
    expect((await agent.get(members(owner))).status).toBe(200);
  });

  it('adding a user whose email already has an account is refused; they are invited instead', async () => {
    const owner = await signUp(server, 'dup-owner');
    await signUp(server, 'dup-existing');
    const res = await owner.client.post(members(owner), {
      username: 'dup-other', email: 'DUP-existing@example.com', password: PASSWORD, firstName: 'D', lastName: 'E', role: 'member',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'user.email_taken', field: 'body.email' });
    expect(usernames(await owner.client.get(members(owner)))).toEqual(['dup-owner']);
  });

  it('an admin edits every profile field of a member (seed 000)', async () => {
    const owner = await signUp(server, 'edit-owner');
    const added = await addUser(owner, { username: 'edit-target' });
    const patch = {
      firstName: 'Edith', lastName: 'Target', email: 'edith.target@example.com', displayName: 'Edith T.', alias: 'Agent E',
      title: 'Web Developer', phone: '+1 555 0101', phoneExtension: '7', address: '2 Side St', color: '#00ff00',
      clickToDial: 'https://pbx.example/?phone=[Field:PhoneNumber]&ext=[Field:Ext]', senderEmails: ['edith.target@example.com', 'help@example.com'],
      signature: 'Kind regards, Edith',
    };
    const res = await owner.client.patch(`${members(owner)}/${added.userId}`, patch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...patch, username: 'edit-target', communicationName: 'Agent E', role: 'member' });
    expect(res.body.clickToDialUrl).toBe('https://pbx.example/?phone=%2B1%20555%200101&ext=7');
    const again = await owner.client.get(`${members(owner)}/${added.userId}`);
    expect(again.body).toMatchObject(patch);
    // The new email is the one search and sign-in use.
    expect(usernames(await owner.client.get(`${members(owner)}?q=edith.t`))).toEqual(['edit-target']);
    expect((await server.client().post('/api/v1/session', { login: 'edith.target@example.com', password: PASSWORD })).status).toBe(200);
  });

  it('a member\'s username can not be changed once saved (seeds 000, 002)', async () => {
    const owner = await signUp(server, 'immut-owner');
    const added = await addUser(owner, { username: 'immut-target' });
    const res = await owner.client.patch(`${members(owner)}/${added.userId}`, { username: 'renamed', title: 'CEO' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'user.username_immutable', field: 'body.username' });
    const after = await owner.client.get(`${members(owner)}/${added.userId}`);
    expect(after.body).toMatchObject({ username: 'immut-target', title: null });
  });

  it('deactivating and reactivating a member keeps their role (seeds 000, 002)', async () => {
    const owner = await signUp(server, 'life-owner');
    await createRole(owner, 'provider', ['members.read', 'members.update']);
    const added = await addUser(owner, { username: 'life-provider', role: 'provider' });

    const off = await owner.client.post(`${members(owner)}/${added.userId}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: 'inactive', role: 'provider' });
    expect(typeof off.body.deactivatedAt).toBe('string');

    const on = await owner.client.post(`${members(owner)}/${added.userId}/activate`);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ status: 'active', role: 'provider', deactivatedAt: null });
    expect(usernames(await owner.client.get(`${members(owner)}?role=provider`))).toEqual(['life-provider']);
  });

  it('a deactivated member loses access to that organization at once, and only to that one', async () => {
    const { user, a, b, ownerOfA } = await memberOfTwo('cut');
    // The user's session is the one they had before; nothing asks them to sign in again.
    expect((await user.client.get(members(a))).status).toBe(200);
    expect((await ownerOfA.client.post(`${members(a)}/${user.user.id}/deactivate`)).status).toBe(200);

    for (const path of [members(a), `/api/v1/organizations/${a}`, `${members(a)}/${ownerOfA.user.id}`, `/api/v1/organizations/${a}/roles`]) {
      const res = await user.client.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.code, path).toBe('organization.inactive_membership');
    }
    expect((await user.client.post(`${members(a)}/${ownerOfA.user.id}/deactivate`)).body.code).toBe('organization.inactive_membership');

    expect((await user.client.get(members(b))).status).toBe(200);
    expect((await user.client.get(`/api/v1/organizations/${b}`)).status).toBe(200);
    const mine = await user.client.get('/api/v1/me/organizations');
    expect(mine.body.items.map((i: { organization: { id: string }; status: string }) => [i.organization.id, i.status]))
      .toEqual(expect.arrayContaining([[a, 'inactive'], [b, 'active']]));
  });

  it('deleting a member is refused while the organization only deactivates, and allowed once it allows deletion (seeds 000, 003)', async () => {
    const owner = await signUp(server, 'del-owner');
    const added = await addUser(owner, { username: 'del-target' });
    const refused = await owner.client.delete(`${members(owner)}/${added.userId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('member.deletion_disabled');
    expect((await owner.client.get(`${members(owner)}/${added.userId}`)).status).toBe(200);

    const settings = await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect(settings.status).toBe(200);
    expect(settings.body.settings.allowMemberDeletion).toBe(true);

    expect((await owner.client.delete(`${members(owner)}/${added.userId}`)).status).toBe(204);
    const gone = await owner.client.get(`${members(owner)}/${added.userId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('member.not_found');
    expect(usernames(await owner.client.get(members(owner)))).toEqual(['del-owner']);
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual([]);
  });

  it('deactivates, activates and deletes the selected members at once (seed 003)', async () => {
    const owner = await signUp(server, 'bulk-owner');
    const x = await addUser(owner, { username: 'bulk-x' });
    const y = await addUser(owner, { username: 'bulk-y' });
    await addUser(owner, { username: 'bulk-z' });
    const bulk = (body: unknown) => owner.client.post(`${members(owner)}/bulk`, body);

    const off = await bulk({ action: 'deactivate', userIds: [x.userId, y.userId] });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ affected: 2 });
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual(['bulk-x', 'bulk-y']);

    const on = await bulk({ action: 'activate', userIds: [x.userId, y.userId] });
    expect(on.body).toEqual({ affected: 2 });
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual([]);

    expect((await bulk({ action: 'delete', userIds: [x.userId, y.userId] })).body.code).toBe('member.deletion_disabled');
    await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    const del = await bulk({ action: 'delete', userIds: [x.userId, y.userId] });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ affected: 2 });
    expect(usernames(await owner.client.get(members(owner)))).toEqual(['bulk-owner', 'bulk-z']);
  });

  it('acting on all members leaves out the owner and the one acting (seed 003)', async () => {
    const owner = await signUp(server, 'all-owner');
    const admin = await addMember(server, owner, 'admin', 'all-admin');
    await addUser(owner, { username: 'all-a' });
    await addUser(owner, { username: 'all-b', role: 'admin' });
    await addUser(owner, { username: 'all-c' });
    const bulk = (body: unknown) => admin.client.post(`${members(owner)}/bulk`, body);

    expect((await bulk({ action: 'deactivate', all: true })).body).toEqual({ affected: 3 });
    expect(usernames(await owner.client.get(members(owner)))).toEqual(['all-admin', 'all-owner']);
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual(['all-a', 'all-b', 'all-c']);

    expect((await bulk({ action: 'activate', all: true })).body).toEqual({ affected: 3 });
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual([]);

    await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect((await bulk({ action: 'delete', all: true })).body).toEqual({ affected: 3 });
    expect(usernames(await owner.client.get(members(owner)))).toEqual(['all-admin', 'all-owner']);
  });

  it('a bulk action is all or nothing: a selection that includes the owner changes nobody (seed 001)', async () => {
    const owner = await signUp(server, 'atom-owner');
    const admin = await addMember(server, owner, 'admin', 'atom-admin');
    const a = await addUser(owner, { username: 'atom-a' });
    const b = await addUser(owner, { username: 'atom-b' });
    const bulk = (body: unknown) => admin.client.post(`${members(owner)}/bulk`, body);

    const off = await bulk({ action: 'deactivate', userIds: [a.userId, owner.user.id, b.userId] });
    expect(off.status).toBe(409);
    expect(off.body.code).toBe('member.owner_cannot_be_deactivated');
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual([]);

    await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    const del = await bulk({ action: 'delete', userIds: [a.userId, b.userId, owner.user.id] });
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('member.owner_cannot_be_removed');

    const unknown = await bulk({ action: 'deactivate', userIds: [a.userId, 'no-such-user'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('member.not_found');

    expect(usernames(await owner.client.get(members(owner)))).toEqual(['atom-a', 'atom-admin', 'atom-b', 'atom-owner']);
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual([]);
  });

  it('the owner can never be removed, deactivated or demoted (seed 001)', async () => {
    const owner = await signUp(server, 'keep-owner');
    const admin = await addMember(server, owner, 'admin', 'keep-admin');
    await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    const target = `${members(owner)}/${owner.user.id}`;

    for (const actor of [admin.client, owner.client]) {
      const removed = await actor.delete(target);
      expect(removed.status).toBe(409);
      expect(removed.body.code).toBe('member.owner_cannot_be_removed');
      const deactivated = await actor.post(`${target}/deactivate`);
      expect(deactivated.status).toBe(409);
      expect(deactivated.body.code).toBe('member.owner_cannot_be_deactivated');
      for (const role of ['admin', 'member']) {
        const demoted = await actor.patch(target, { role });
        expect(demoted.status).toBe(409);
        expect(demoted.body).toMatchObject({ code: 'member.owner_cannot_be_demoted', field: 'body.role' });
      }
    }
    const still = await admin.client.get(target);
    expect(still.body).toMatchObject({ role: 'owner', status: 'active' });
  });

  it('ownership moves by an explicit transfer; the previous owner becomes an admin (seed 001)', async () => {
    const owner = await signUp(server, 'xfer-owner');
    const next = await addMember(server, owner, 'member', 'xfer-next');
    const res = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/transfer-ownership`, { userId: next.user.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: next.user.id, role: 'owner', status: 'active' });
    expect((await next.client.get(`${members(owner)}/${owner.user.id}`)).body.role).toBe('admin');
    expect(usernames(await next.client.get(`${members(owner)}?role=owner`))).toEqual(['xfer-next']);

    // The rules of the owner now protect the new owner, and no longer the previous one.
    const demote = await owner.client.patch(`${members(owner)}/${next.user.id}`, { role: 'admin' });
    expect(demote.body.code).toBe('member.owner_cannot_be_demoted');
    expect((await next.client.post(`${members(owner)}/${owner.user.id}/deactivate`)).status).toBe(200);
  });

  it('only the owner can transfer ownership', async () => {
    const owner = await signUp(server, 'only-owner');
    const admin = await addMember(server, owner, 'admin', 'only-admin');
    const res = await admin.client.post(`/api/v1/organizations/${owner.organization.id}/transfer-ownership`, { userId: admin.user.id });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect(usernames(await owner.client.get(`${members(owner)}?role=owner`))).toEqual(['only-owner']);
  });

  it('ownership goes only to an active member of the organization', async () => {
    const owner = await signUp(server, 'tgt-owner');
    const idle = await addUser(owner, { username: 'tgt-idle' });
    const stranger = await signUp(server, 'tgt-stranger');
    await owner.client.post(`${members(owner)}/${idle.userId}/deactivate`);
    const transfer = (userId: string) => owner.client.post(`/api/v1/organizations/${owner.organization.id}/transfer-ownership`, { userId });

    const inactive = await transfer(idle.userId);
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('member.transfer_target_inactive');
    const outsider = await transfer(stranger.user.id);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('member.not_found');
    expect(usernames(await owner.client.get(`${members(owner)}?role=owner`))).toEqual(['tgt-owner']);
  });

  it('any admin can deactivate or remove another admin (seed 001)', async () => {
    const owner = await signUp(server, 'peer-owner');
    const first = await addMember(server, owner, 'admin', 'peer-first');
    const second = await addMember(server, owner, 'admin', 'peer-second');
    const target = `${members(owner)}/${second.user.id}`;

    expect((await first.client.post(`${target}/deactivate`)).body).toMatchObject({ status: 'inactive', role: 'admin' });
    expect((await first.client.post(`${target}/activate`)).body).toMatchObject({ status: 'active', role: 'admin' });
    await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect((await first.client.delete(target)).status).toBe(204);
    expect((await owner.client.get(target)).status).toBe(404);
  });

  it('a role with members.deactivate but not every permission can not deactivate an admin', async () => {
    const owner = await signUp(server, 'lesser-owner');
    await createRole(owner, 'supervisor', ['members.read', 'members.deactivate']);
    const supervisor = await addMember(server, owner, 'supervisor', 'lesser-supervisor');
    const admin = await addUser(owner, { username: 'lesser-admin', role: 'admin' });
    const plain = await addUser(owner, { username: 'lesser-plain' });

    const refused = await supervisor.client.post(`${members(owner)}/${admin.userId}/deactivate`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    const bulk = await supervisor.client.post(`${members(owner)}/bulk`, { action: 'deactivate', userIds: [plain.userId, admin.userId] });
    expect(bulk.status).toBe(403);
    expect(usernames(await owner.client.get(`${members(owner)}?status=inactive`))).toEqual([]);

    // The same person may deactivate a member who holds nothing they lack.
    expect((await supervisor.client.post(`${members(owner)}/${plain.userId}/deactivate`)).status).toBe(200);
  });

  it('a plain member can not add, edit, deactivate or delete members', async () => {
    const owner = await signUp(server, 'plain-owner');
    const plain = await addMember(server, owner, 'member', 'plain-one');
    const other = await addUser(owner, { username: 'plain-other' });
    await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    const attempts = [
      () => plain.client.post(members(owner), { username: 'plain-new', email: 'plain-new@example.com', password: PASSWORD, firstName: 'P', lastName: 'N', role: 'member' }),
      () => plain.client.patch(`${members(owner)}/${other.userId}`, { title: 'Boss' }),
      () => plain.client.post(`${members(owner)}/${other.userId}/deactivate`),
      () => plain.client.delete(`${members(owner)}/${other.userId}`),
      () => plain.client.post(`${members(owner)}/bulk`, { action: 'deactivate', all: true }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    expect(usernames(await owner.client.get(members(owner)))).toEqual(['plain-one', 'plain-other', 'plain-owner']);
    expect((await owner.client.get(`${members(owner)}/${other.userId}`)).body.title).toBeNull();
  });

  it('one user in several organizations signs in once with one password (seed 004)', async () => {
    const multi = await signUp(server, 'multi', 'Multi First');
    const second = await multi.client.post('/api/v1/organizations', { name: 'Multi Second' });
    expect(second.status).toBe(201);

    const client = await signIn(server, 'multi@example.com', PASSWORD);
    const mine = await client.get('/api/v1/me/organizations');
    expect(mine.body.items.map((i: { organization: { name: string }; role: string }) => [i.organization.name, i.role]))
      .toEqual([['Multi First', 'owner'], ['Multi Second', 'owner']]);
    expect((await client.get(members(multi))).status).toBe(200);
    expect((await client.get(members(second.body.id))).status).toBe(200);
    expect((await server.client().post('/api/v1/session', { login: 'multi', password: 'not the password at all' })).status).toBe(401);
  });

  it('a member of several organizations switches between them (seed 001 "My Organizations")', async () => {
    const { a, b } = await memberOfTwo('switch');
    const client: Client = await signIn(server, 'switch');
    const current = async () => (await client.get('/api/v1/me/organizations')).body.items
      .filter((i: { current: boolean }) => i.current).map((i: { organization: { id: string } }) => i.organization.id);

    const toB = await client.put('/api/v1/session/organization', { organizationId: b });
    expect(toB.status).toBe(200);
    expect(toB.body).toEqual({ currentOrganizationId: b });
    expect(await current()).toEqual([b]);
    expect((await client.get('/api/v1/me')).body.currentOrganizationId).toBe(b);

    expect((await client.put('/api/v1/session/organization', { organizationId: a })).status).toBe(200);
    expect(await current()).toEqual([a]);

    const stranger = await signUp(server, 'switch-stranger');
    const foreign = await client.put('/api/v1/session/organization', { organizationId: stranger.organization.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('organization.not_found');
    expect(await current()).toEqual([a]);
  });

  it('a member can not switch to an organization where they are deactivated', async () => {
    const { user, a, b, ownerOfA } = await memberOfTwo('switch-off');
    await ownerOfA.client.post(`${members(a)}/${user.user.id}/deactivate`);
    const res = await user.client.put('/api/v1/session/organization', { organizationId: a });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('organization.inactive_membership');
    expect((await user.client.put('/api/v1/session/organization', { organizationId: b })).status).toBe(200);
  });

  it('an admin can not change the email or password of a user who belongs to another organization too', async () => {
    const { user, a, ownerOfA } = await memberOfTwo('shared');
    const target = `${members(a)}/${user.user.id}`;
    const email = await ownerOfA.client.patch(target, { email: 'hijacked@example.com' });
    expect(email.status).toBe(409);
    expect(email.body).toMatchObject({ code: 'user.shared_identity', field: 'body.email' });
    const password = await ownerOfA.client.patch(target, { password: 'a brand new passphrase 99' });
    expect(password.status).toBe(409);
    expect(password.body).toMatchObject({ code: 'user.shared_identity', field: 'body.password' });

    expect((await ownerOfA.client.get(target)).body.email).toBe('shared@example.com');
    expect((await server.client().post('/api/v1/session', { login: 'shared', password: PASSWORD })).status).toBe(200);
    expect((await server.client().post('/api/v1/session', { login: 'shared', password: 'a brand new passphrase 99' })).status).toBe(401);
  });

  it('an admin sets the password only of a user who has never signed in', async () => {
    const owner = await signUp(server, 'pw-owner');
    const added = await addUser(owner, { username: 'pw-target' });
    const target = `${members(owner)}/${added.userId}`;

    const first = await owner.client.patch(target, { password: 'the admin picked this one' });
    expect(first.status).toBe(200);
    expect(first.body.lastLoginAt).toBeNull();
    await signIn(server, 'pw-target', 'the admin picked this one');

    const second = await owner.client.patch(target, { password: 'the admin tries again now' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'user.password_set_by_user', field: 'body.password' });
    expect((await server.client().post('/api/v1/session', { login: 'pw-target', password: 'the admin tries again now' })).status).toBe(401);
    await signIn(server, 'pw-target', 'the admin picked this one');
  });
});
