/**
 * A `roster serve` process killed with SIGKILL in the middle of a write, on PostgreSQL with two
 * processes and a separate `roster worker` delivering mail to a real SMTP server. The kill lands
 * while the write's transaction is open: the test watches PostgreSQL's lock table for the write
 * lock on the table being changed, then kills. After a restart of the killed process:
 *
 * - a CSV import in `all_or_nothing` mode left nothing: no invitation, email or audit event;
 * - one in `skip_invalid` mode left whole chunks only (it commits 1,000 rows at a time, with their
 *   counts), each invitation with its email and audit event, and the import's counts match them;
 * - an invitation batch (one transaction) left all of its invitations or none;
 * - role changes left every member's role, audit trail and access checks in agreement;
 * - no email went out twice, and none for anything not stored; every stored invitation's did.
 *
 * The serve processes run with MAIL_WORKER=false, so the only sender is the worker, which is never
 * killed: a duplicate could only come from Roster queueing a message twice.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { killHard, serve, startWorker, type Running, type Serving } from '../support/processes.js';
import { startSmtpServer, waitUntil, type TestSmtp } from '../support/smtp.js';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.js';
import { addMember, inParallel, listAll, signIn, signUpOwner, startProcesses, type Organization } from './support/roster-pair.js';

const CSV = { 'content-type': 'text/csv' };

describe('kill -9 of a Roster process in the middle of a write, then a restart', () => {
  let cluster: PostgresCluster;
  let smtp: TestSmtp;
  let env: Record<string, string>;
  /** The process that gets killed and restarted, and the one that watches. */
  let victim: Serving;
  let witness: Serving;
  let worker: Running;
  let org: Organization;
  /** The owner signed in on the victim (a fresh sign-in after each restart is not needed: sessions live in the database). */
  let onVictim: Client;
  let admin: pg.Client;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    smtp = await startSmtpServer();
    let processes: Serving[];
    let databaseUrl: string;
    ({ processes, env, databaseUrl } = await startProcesses(cluster, 'roster_faults', 2, { SMTP_URL: smtp.url, MAIL_WORKER: 'false', MAIL_POLL_MS: '100' }));
    [victim, witness] = processes as [Serving, Serving];
    worker = await startWorker(env);
    org = await signUpOwner(witness.client, 'faults');
    onVictim = await signIn(victim.url, 'faults-owner');
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    for (const p of [victim, witness, worker]) if (p) await killHard(p);
    await smtp?.close();
    cluster?.destroy();
  });

  /** Waits until some transaction holds a write lock on `table` (it wrote and has not committed), then kills the victim. */
  async function killWhileWriting(table: string, request: Promise<unknown>): Promise<void> {
    let settled = false;
    void request.then(() => (settled = true), () => (settled = true));
    await waitUntil(async () => {
      if (settled) throw new Error(`the request finished before a write lock on ${table} was seen`);
      const { rows } = await admin.query(
        "select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = $1 and l.mode = 'RowExclusiveLock' and l.granted and l.pid <> pg_backend_pid()",
        [table],
      );
      return rows[0].n > 0;
    }, 60_000, `a write lock on ${table}`);
    await killHard(victim);
    await request.catch(() => {});
    victim = await serve(env, victim.port);
  }

  /** Waits until the worker has sent everything queued, then answers how often each address was mailed. */
  async function mailedOnce(prefix: string): Promise<Map<string, number>> {
    await waitUntil(async () => (await admin.query("select count(*)::int as n from outbox where status <> 'sent'")).rows[0].n === 0, 120_000, 'the outbox to drain');
    const counts = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) if (to.startsWith(prefix)) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  }

  const invitationsOf = async (prefix: string) => (await listAll(witness.client, `${org.path}/invitations`)).filter((i) => i.email.startsWith(prefix));
  const auditedInvitations = async (prefix: string) => (await listAll(witness.client, `${org.path}/audit-events?action=invitation.created`)).filter((e) => e.targetDisplayName?.startsWith(prefix) ?? false);

  it('an all-or-nothing CSV import killed mid-transaction leaves no invitation, email or audit event', { timeout: 180_000 }, async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `allornothing${i}@example.com`);
    const request = onVictim.post(`${org.path}/imports?mode=all_or_nothing`, ['email', ...rows].join('\n'), CSV);
    await killWhileWriting('invitations', request);

    expect(await invitationsOf('allornothing')).toEqual([]);
    expect(await auditedInvitations('allornothing')).toEqual([]);
    expect((await admin.query("select count(*)::int as n from outbox where to_address like 'allornothing%'")).rows[0].n).toBe(0);
    const imports = await listAll(witness.client, `${org.path}/imports`);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ invitedRows: 0 });
    expect(imports[0].status).not.toBe('finished');
    expect((await mailedOnce('allornothing')).size).toBe(0);

    // The restarted process imports the same file whole.
    const again = await onVictim.post(`${org.path}/imports?mode=all_or_nothing`, ['email', ...rows].join('\n'), CSV);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ status: 'finished', invitedRows: 1500 });
    const mailed = await mailedOnce('allornothing');
    expect(mailed.size).toBe(1500);
    expect([...mailed.values()].every((n) => n === 1)).toBe(true);

    // Nobody runs the interrupted import any more: once its heartbeat is old, it shows failed, with nothing imported.
    await waitUntil(async () => (await witness.client.get(`${org.path}/imports/${imports[0].id}`)).body.status === 'failed', 60_000, 'the interrupted import to show failed');
    expect((await witness.client.get(`${org.path}/imports/${imports[0].id}`)).body).toMatchObject({ status: 'failed', invitedRows: 0, processedRows: 0 });
  });

  it('a skip-invalid CSV import killed between chunks keeps whole chunks, each invitation mailed once, its counts matching', { timeout: 180_000 }, async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `chunked${i}@example.com`);
    const request = onVictim.post(`${org.path}/imports?mode=skip_invalid`, ['email', ...rows].join('\n'), CSV);
    // Past the first commit, then in the middle of a later chunk.
    await waitUntil(async () => (await listAll(witness.client, `${org.path}/imports`)).some((i) => i.totalRows === 2500 && i.invitedRows >= 1000), 60_000, 'the first chunk committed');
    await killWhileWriting('invitations', request);

    const imported = (await listAll(witness.client, `${org.path}/imports`)).find((i) => i.totalRows === 2500)!;
    const invitations = await invitationsOf('chunked');
    expect(invitations.length % 1000).toBe(0);
    expect(invitations.length).toBeGreaterThanOrEqual(1000);
    expect(imported.invitedRows).toBe(invitations.length);
    expect(imported.processedRows).toBe(invitations.length);
    await waitUntil(async () => (await witness.client.get(`${org.path}/imports/${imported.id}`)).body.status === 'failed', 60_000, 'the interrupted import to show failed');
    expect((await auditedInvitations('chunked')).length).toBe(invitations.length);
    const mailed = await mailedOnce('chunked');
    expect(new Set(mailed.keys())).toEqual(new Set(invitations.map((i) => i.email)));
    expect([...mailed.values()].every((n) => n === 1)).toBe(true);
  });

  it('an invitation batch killed mid-transaction is stored whole or not at all, each address mailed once', { timeout: 180_000 }, async () => {
    const emails = Array.from({ length: 1000 }, (_, i) => `batch${i}@example.com`);
    const request = onVictim.post(`${org.path}/invitations`, { emails, role: 'member' });
    await killWhileWriting('invitations', request);

    const stored = await invitationsOf('batch');
    expect([0, 1000]).toContain(stored.length);
    expect((await auditedInvitations('batch')).length).toBe(stored.length);
    const mailed = await mailedOnce('batch');
    expect(new Set(mailed.keys())).toEqual(new Set(stored.map((i) => i.email)));
    expect([...mailed.values()].every((n) => n === 1)).toBe(true);

    // Inviting again after the restart: whatever was stored is sent again once more (refreshed), the rest invited, each once.
    const again = await onVictim.post(`${org.path}/invitations`, { emails: emails.slice(0, 10), role: 'member' });
    expect(again.status).toBe(201);
    const after = await mailedOnce('batch');
    for (const email of emails.slice(0, 10)) expect(after.get(email)).toBe(stored.length === 0 ? 1 : 2);
  });

  it('role changes killed in flight leave every role, its audit trail and the access checks of the other process in agreement', { timeout: 180_000 }, async () => {
    await witness.client.post(`${org.path}/roles`, { key: 'agent', name: 'Agent', permissions: ['members.read', 'members.invite'] });
    const members = await inParallel(Array.from({ length: 40 }, (_, i) => i), 4, (i) => addMember({ ...org, owner: witness.client }, `roled${i}`, 'member'));
    const acknowledged = new Map<string, string>(members.map((id) => [id, 'member']));
    let stop = false;
    const changes = Promise.all(members.map(async (id) => {
      let role = 'member';
      while (!stop) {
        const next = role === 'member' ? 'agent' : 'member';
        const res = await onVictim.patch(`${org.path}/members/${id}`, { role: next }).catch(() => null);
        if (!res) return;
        if (res.status === 200) (role = next, acknowledged.set(id, next));
      }
    }));
    await killWhileWriting('members', changes);
    stop = true;

    const stored = new Map((await listAll(witness.client, `${org.path}/members?status=active`)).map((m) => [m.userId, m.role]));
    const trail = await listAll(witness.client, `${org.path}/audit-events?action=member.role_changed`);
    for (const id of members) {
      const last = trail.find((e) => e.targetId === id); // newest first
      expect(last?.after?.role ?? 'member', id).toBe(stored.get(id));
      // A change answered 200 is stored; one cut off by the kill may or may not have committed, never half.
      const storedRole = stored.get(id)!;
      if (storedRole !== acknowledged.get(id)) expect(last, `${id} changed without an acknowledgement: only the one in flight`).toBeDefined();
      const check = await witness.client.post(`${org.path}/authz/check`, { userId: id, permission: 'members.invite' });
      expect(check.body.allowed, id).toBe(storedRole === 'agent');
    }
    // The restarted process changes roles again.
    expect((await onVictim.patch(`${org.path}/members/${members[0]}`, { role: stored.get(members[0]!) === 'agent' ? 'member' : 'agent' })).status).toBe(200);
  });
});
