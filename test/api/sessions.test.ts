/**
 * Sessions (ASVS 5.0 V7), on every database: a new token at every sign-in, idle and absolute
 * timeouts (the instance's, tightened by organizations), users seeing and ending their sessions,
 * admins ending a member's. The server runs with a 10-minute idle timeout and a 24-hour lifetime;
 * time passes by moving a session's recorded times back in the database.
 */
import { tell } from '../../src/db/change-notices.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import { startInstance } from '../support/instances.js';
import { addMember, createRole, PASSWORD, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${Date.now().toString(36).slice(-4)}`;
const orgPath = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The session token a response set, read from its Set-Cookie header. */
function tokenSetBy(res: { headers: Headers }): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('roster_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0]!.slice('roster_session='.length);
}

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect, { SESSION_IDLE_MINUTES: '10', SESSION_ABSOLUTE_HOURS: '24', AUTH_RATE_LIMIT: '1000000' }); });
  afterAll(async () => { await server?.close(); });

  const withToken = (token: string) => server.client().get('/api/v1/me', { cookie: `roster_session=${token}` });
  const sessionsOf = (userId: string) => server.database.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
  // Moves a session back in time. Sessions are served from memory only while no expiry or last-seen
  // write is due, which real time passing ends; a write behind Roster's back must say so instead.
  const setTimes = async (userId: string, times: { last_seen_at?: string; created_at?: string; expires_at?: string }) => {
    await server.database.db.updateTable('sessions').set(times).where('user_id', '=', userId).execute();
    tell(server.database.db, { kind: 'user', ids: [userId] });
  };

  /** A device signed in as `login`, telling its user agent. */
  async function device(login: string, userAgent: string): Promise<Client> {
    const client = server.client();
    const res = await client.post('/api/v1/session', { login, password: PASSWORD }, { 'user-agent': userAgent });
    expect(res.status).toBe(200);
    return client;
  }

  it('every sign-in gets a new token, and a token is dead once its session is signed out', async () => {
    const ada = await signUp(server, unique('ada'));
    const client = server.client();
    const first = tokenSetBy(await client.post('/api/v1/session', { login: ada.user.username, password: PASSWORD }));
    const second = tokenSetBy(await client.post('/api/v1/session', { login: ada.user.username, password: PASSWORD }));
    expect(second).not.toBe(first);
    // Signing in again from the same browser replaces its session: the earlier token does not outlive it.
    expect((await withToken(first)).status).toBe(401);
    expect((await withToken(second)).status).toBe(200);

    expect((await client.delete('/api/v1/session')).status).toBe(204);
    const dead = await withToken(second);
    expect(dead.status).toBe(401);
    expect(dead.body.code).toBe('auth.required');
  });

  it('lists your own sessions with device, address and times, marks the current one, and never shows a token', async () => {
    const owner = await signUp(server, unique('bea'));
    const laptop = await device(owner.user.username, 'Laptop Browser/1.0');
    const phoneRes = await server.client().post('/api/v1/session', { login: owner.user.username, password: PASSWORD }, { 'user-agent': 'Phone App/2.0' });
    const phoneToken = tokenSetBy(phoneRes);
    const res = await laptop.get('/api/v1/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    const current = res.body.items.filter((s: any) => s.current);
    expect(current).toEqual([expect.objectContaining({ userAgent: 'Laptop Browser/1.0' })]);
    expect(res.body.items.map((s: any) => s.userAgent)).toContain('Phone App/2.0');
    for (const s of res.body.items) {
      expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'ipAddress', 'lastSeenAt', 'userAgent']);
      expect(s.ipAddress).toMatch(/127\.0\.0\.1/);
      expect(Date.parse(s.expiresAt) - Date.parse(s.createdAt)).toBe(24 * 3_600_000);
    }
    const text = JSON.stringify(res.body);
    const stored = await sessionsOf(owner.user.id);
    expect(text).not.toContain(phoneToken);
    for (const s of stored) expect(text).not.toContain(s.token_hash);
    // Someone else's sessions are not in the list.
    const other = await signUp(server, unique('other'));
    expect((await other.client.get('/api/v1/me/sessions')).body.items).toHaveLength(1);
  });

  it('ending one of your sessions signs that device out, and the rest stay', async () => {
    const owner = await signUp(server, unique('cy'));
    const laptop = await device(owner.user.username, 'Laptop');
    const phone = await device(owner.user.username, 'Phone');
    const phoneSession = (await laptop.get('/api/v1/me/sessions')).body.items.find((s: any) => s.userAgent === 'Phone');
    expect((await laptop.delete(`/api/v1/me/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expect((await owner.client.get('/api/v1/me')).status).toBe(200);
    const again = await laptop.delete(`/api/v1/me/sessions/${phoneSession.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('session.not_found');
  });

  it('ending your current session by its id signs you out', async () => {
    const owner = await signUp(server, unique('dee'));
    const current = (await owner.client.get('/api/v1/me/sessions')).body.items.find((s: any) => s.current);
    const res = await owner.client.delete(`/api/v1/me/sessions/${current.id}`);
    expect(res.status).toBe(204);
    expect(owner.client.cookieNames()).toEqual([]);
    expect(await sessionsOf(owner.user.id)).toEqual([]);
  });

  it('another user\'s session id answers 404, as one that does not exist, and that session lives on', async () => {
    const victim = await signUp(server, unique('vic'));
    const attacker = await signUp(server, unique('mallory'));
    const [victimSession] = await sessionsOf(victim.user.id);
    const res = await attacker.client.delete(`/api/v1/me/sessions/${victimSession!.id}`);
    const none = await attacker.client.delete('/api/v1/me/sessions/no-such-session');
    expect(res.status).toBe(404);
    expect({ code: res.body.code, detail: res.body.detail }).toEqual({ code: none.body.code, detail: none.body.detail });
    expect((await victim.client.get('/api/v1/me')).status).toBe(200);
  });

  it('signing out everywhere else ends every other session and keeps this one', async () => {
    const owner = await signUp(server, unique('eli'));
    const laptop = await device(owner.user.username, 'Laptop');
    const phone = await device(owner.user.username, 'Phone');
    const res = await laptop.delete('/api/v1/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await owner.client.get('/api/v1/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expect((await laptop.get('/api/v1/me/sessions')).body.items).toEqual([expect.objectContaining({ current: true, userAgent: 'Laptop' })]);
  });

  it('an admin signs a member out everywhere, and it is audited', async () => {
    const owner = await signUp(server, unique('own'));
    const member = await addMember(server, owner);
    const phone = await device(member.user.username, 'Phone');
    const res = await owner.client.delete(`${orgPath(owner)}/members/${member.user.id}/sessions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expect((await member.client.get('/api/v1/me')).status).toBe(401);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    const events = await owner.client.get(`${orgPath(owner)}/audit-events?action=member.sessions_ended`);
    expect(events.body.items).toEqual([expect.objectContaining({ actorUserId: owner.user.id, targetType: 'member', targetId: member.user.id, after: { sessions: 2 } })]);
    // The member signs in again as usual.
    expect((await server.client().post('/api/v1/session', { login: member.user.username, password: PASSWORD })).status).toBe(200);
  });

  it('an admin can not end the sessions of a member who holds permissions they lack, nor their own, nor a stranger\'s', async () => {
    const owner = await signUp(server, unique('own'));
    await createRole(owner, 'session-keeper', ['members.read', 'members.deactivate']);
    const keeper = await addMember(server, owner, 'session-keeper');
    const admin = await addMember(server, owner, 'admin');
    const plain = await addMember(server, owner);

    const outranked = await keeper.client.delete(`${orgPath(owner)}/members/${admin.user.id}/sessions`);
    expect(outranked.status).toBe(403);
    expect(outranked.body.code).toBe('auth.forbidden');
    expect((await admin.client.get('/api/v1/me')).status).toBe(200);
    expect((await keeper.client.delete(`${orgPath(owner)}/members/${plain.user.id}/sessions`)).body).toEqual({ ended: 1 });

    expect((await plain.client.get('/api/v1/me')).status).toBe(401);
    const plainAgain = await signIn(server, plain.user.username);
    const forbidden = await plainAgain.delete(`${orgPath(owner)}/members/${keeper.user.id}/sessions`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('auth.forbidden');

    const self = await keeper.client.delete(`${orgPath(owner)}/members/${keeper.user.id}/sessions`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('member.cannot_act_on_self');
    const stranger = await signUp(server, unique('stranger'));
    const notMember = await owner.client.delete(`${orgPath(owner)}/members/${stranger.user.id}/sessions`);
    expect(notMember.status).toBe(404);
    expect(notMember.body.code).toBe('member.not_found');
    expect((await stranger.client.get('/api/v1/me')).status).toBe(200);
  });

  it('deactivating a member takes effect on their very next request', async () => {
    const owner = await signUp(server, unique('own'));
    const member = await addMember(server, owner);
    expect((await member.client.get(orgPath(owner))).status).toBe(200);
    expect((await owner.client.post(`${orgPath(owner)}/members/${member.user.id}/deactivate`)).status).toBe(200);
    const next = await member.client.get(orgPath(owner));
    expect(next.status).toBe(403);
    expect(next.body.code).toBe('organization.inactive_membership');
  });

  it('a session idle for SESSION_IDLE_MINUTES ends; one used within them goes on and counts as used now', async () => {
    const idle = await signUp(server, unique('idle'));
    await setTimes(idle.user.id, { last_seen_at: minutesAgo(10.5) });
    const res = await idle.client.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.required');
    expect(await sessionsOf(idle.user.id)).toEqual([]);

    const active = await signUp(server, unique('active'));
    await setTimes(active.user.id, { last_seen_at: minutesAgo(9) });
    expect((await active.client.get('/api/v1/me')).status).toBe(200);
    const [touched] = await sessionsOf(active.user.id);
    expect(Date.now() - Date.parse(touched!.last_seen_at)).toBeLessThan(60_000);
    // Within a minute of the last write, a request reads and writes nothing: activity is recorded
    // once a minute, so a session may be found idle up to a minute early, never late.
    const recent = minutesAgo(0.5);
    await setTimes(active.user.id, { last_seen_at: recent });
    expect((await active.client.get('/api/v1/me')).status).toBe(200);
    expect((await sessionsOf(active.user.id))[0]!.last_seen_at).toBe(recent);
  });

  it('a session ends at its absolute lifetime, however active', async () => {
    const expired = await signUp(server, unique('old'));
    await setTimes(expired.user.id, { expires_at: minutesAgo(1) });
    expect((await expired.client.get('/api/v1/me')).status).toBe(401);

    // SESSION_ABSOLUTE_HOURS counts from sign-in, even for a session that was given longer.
    const ancient = await signUp(server, unique('ancient'));
    await setTimes(ancient.user.id, { created_at: minutesAgo(24 * 60 + 1), expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await ancient.client.get('/api/v1/me')).status).toBe(401);
  });

  it('a session that can no longer be used is deleted by the sweep at a process\'s first sign-in, though never presented again; a usable one stays', async () => {
    const owner = await signUp(server, unique('sweep'));
    const [signedUp] = await sessionsOf(owner.user.id);
    for (const agent of ['idle', 'ended', 'nearly idle']) await device(owner.user.username, agent);
    const byAgent = new Map((await sessionsOf(owner.user.id)).map((r) => [r.user_agent, r.id]));
    const moveBack = (agent: string, times: { last_seen_at?: string; expires_at?: string }) =>
      server.database.db.updateTable('sessions').set(times).where('id', '=', byAgent.get(agent)!).execute();
    // Past the 10-minute idle timeout, past its stored end, and one still within the timeout.
    await moveBack('idle', { last_seen_at: minutesAgo(12) });
    await moveBack('ended', { expires_at: minutesAgo(2) });
    await moveBack('nearly idle', { last_seen_at: minutesAgo(9) });
    tell(server.database.db, { kind: 'user', ids: [owner.user.id] });

    // None of them is presented again. A second process on the same database sweeps at its first sign-in.
    const other = await startInstance(server.databaseUrl, { SESSION_IDLE_MINUTES: '10', SESSION_ABSOLUTE_HOURS: '24' });
    try {
      const someone = await signUp(server, unique('trigger'));
      expect((await new Client(other.url).post('/api/v1/session', { login: someone.user.username, password: PASSWORD })).status).toBe(200);
    } finally {
      await other.close();
    }
    const left = (await sessionsOf(owner.user.id)).map((r) => r.id).sort();
    expect(left).toEqual([signedUp!.id, byAgent.get('nearly idle')].sort());
    // The sessions kept still work: the sign-up's and the one used 9 minutes ago.
    expect((await owner.client.get('/api/v1/me')).status).toBe(200);
  });

  it('an organization\'s stricter timeouts apply to the sessions of its active members, whichever organization they work in', async () => {
    const boss = await signUp(server, unique('boss'));
    // The owner of the strict organization also owns a lax one, and works there.
    const lax = await boss.client.post('/api/v1/organizations', { name: 'Lax Ltd' });
    expect(lax.status).toBe(201);
    expect((await boss.client.put('/api/v1/session/organization', { organizationId: lax.body.id })).status).toBe(200);
    const outsider = await signUp(server, unique('outsider'));
    const member = await addMember(server, boss);

    const patched = await boss.client.patch(orgPath(boss), { settings: { sessionIdleMinutes: 5, sessionAbsoluteHours: 2 } });
    expect(patched.status).toBe(200);

    // Sessions already open, idle 6 minutes: too long for the strict organization's members only.
    await setTimes(boss.user.id, { last_seen_at: minutesAgo(6) });
    await setTimes(outsider.user.id, { last_seen_at: minutesAgo(6) });
    expect((await boss.client.get('/api/v1/me')).status).toBe(401);
    expect((await outsider.client.get('/api/v1/me')).status).toBe(200);

    // A session already open gets the shorter lifetime at its next activity: two hours and a
    // minute after sign-in it has ended, though it was given 24 hours.
    for (const userId of [member.user.id, outsider.user.id]) await setTimes(userId, { created_at: minutesAgo(121), expires_at: minutesAgo(-22 * 60), last_seen_at: minutesAgo(1.5) });
    expect((await member.client.get('/api/v1/me')).status).toBe(401);
    expect((await outsider.client.get('/api/v1/me')).status).toBe(200);

    // A new session is given two hours at most.
    const again = await signIn(server, member.user.username);
    const [listed] = (await again.get('/api/v1/me/sessions')).body.items;
    expect(Date.parse(listed.expiresAt) - Date.parse(listed.createdAt)).toBe(2 * 3_600_000);
    await setTimes(member.user.id, { created_at: minutesAgo(121), expires_at: minutesAgo(1), last_seen_at: minutesAgo(0.5) });
    expect((await again.get('/api/v1/me')).status).toBe(401);

    // A deactivated member is no longer held to the organization's rule.
    const bossAgain = await signIn(server, boss.user.username);
    expect((await bossAgain.post(`${orgPath(boss)}/members/${member.user.id}/deactivate`)).status).toBe(200);
    const freed = await signIn(server, member.user.username);
    await setTimes(member.user.id, { last_seen_at: minutesAgo(6) });
    expect((await freed.get('/api/v1/me')).status).toBe(200);
  });
});
