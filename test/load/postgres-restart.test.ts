/**
 * PostgreSQL restarted under load: two `roster serve` processes and a `roster worker` keep running
 * while their database server stops for a few seconds and comes back. Meanwhile `/healthz` says the
 * processes live and `/readyz` says they can not serve (503), so a load balancer takes them out
 * instead of a supervisor restarting them; requests that need the database are refused with 503
 * `database.unavailable`, never left hanging. Afterwards, without restarting anything of Roster:
 * both are ready again, every write goes through, each process listens for the other's access
 * changes again, the worker delivers mail again, and every write acknowledged before, during or
 * after the outage is stored.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { killHard, startWorker, type Running, type Serving } from '../support/processes.js';
import { startSmtpServer, waitUntil, type TestSmtp } from '../support/smtp.js';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.js';
import { addMember, listAll, PASSWORD, signIn, signUpOwner, startProcesses, type Organization } from './support/roster-pair.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL restarted while two Roster processes are under load', () => {
  let cluster: PostgresCluster;
  let smtp: TestSmtp;
  let processes: Serving[];
  let worker: Running;
  let databaseUrl: string;
  let org: Organization;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    smtp = await startSmtpServer();
    let env: Record<string, string>;
    ({ processes, env, databaseUrl } = await startProcesses(cluster, 'roster_restart', 2, { SMTP_URL: smtp.url, MAIL_POLL_MS: '200' }));
    // The serve processes deliver mail too; the separate worker shows `roster worker` recovers as well.
    worker = await startWorker(env);
    org = await signUpOwner(processes[0]!.client, 'restart');
  });

  afterAll(async () => {
    for (const p of [...(processes ?? []), worker]) if (p) await killHard(p);
    await smtp?.close();
    cluster?.destroy();
  });

  const ready = async (p: Serving) => (await fetch(`${p.url}/readyz`)).status;

  it('answers 503 on /readyz and 200 on /healthz while PostgreSQL is down, and serves again by itself once it is back', { timeout: 180_000 }, async () => {
    const memberId = await addMember(org, 'watched', 'member');
    const clients: Client[] = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(processes[i % 2]!.url, 'restart-owner')));
    const acknowledged: string[] = [];
    const statuses: Array<{ at: number; status: number; phase: string }> = [];
    let phase = 'before';
    let running = true;
    let serial = 0;
    const load = Promise.all(clients.map(async (client) => {
      while (running) {
        const n = ++serial;
        const at = Date.now();
        const started = phase;
        let status = 0;
        try {
          if (n % 3 === 0) {
            const res = await client.post(`${org.path}/invitations`, { emails: `outage${n}@example.com`, role: 'member' });
            status = res.status;
            if (status === 201) acknowledged.push(res.body.results[0].invitationId);
          } else {
            status = (await client.get(n % 2 ? '/api/v1/me' : `${org.path}/members?limit=10`)).status;
          }
        } catch {
          status = 0;
        }
        statuses.push({ at, status, phase: started });
        // Refused requests come back at once; pause a little so the loop does not spin.
        if (status >= 500 || status === 0) await sleep(50);
      }
    }));

    await sleep(2000);
    phase = 'outage';
    cluster.stop();
    const down = Date.now();
    // While it is down: alive, not ready, and requests that need the database refused with 503.
    for (const p of processes) {
      expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
      const readyz = await fetch(`${p.url}/readyz`);
      expect(readyz.status).toBe(503);
      expect(await readyz.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
      const refused = await clients[0]!.fresh().post('/api/v1/session', { login: 'restart-owner', password: PASSWORD });
      expect(refused.status).toBe(503);
    }
    const me = await clients[1]!.get('/api/v1/me');
    expect(me.status).toBe(503);
    expect(me.body).toMatchObject({ code: 'database.unavailable' });
    expect(me.headers.get('retry-after')).toBeTruthy();
    await sleep(Math.max(0, 3000 - (Date.now() - down)));

    cluster.start();
    phase = 'recovering';
    await waitUntil(async () => (await ready(processes[0]!)) === 200 && (await ready(processes[1]!)) === 200, 30_000, 'both processes ready again');
    phase = 'after';
    const recoveredAt = Date.now();
    await sleep(3000);
    running = false;
    await load;

    for (const p of [...processes, worker]) expect(p.alive(), p.output()).toBe(true);
    const during = statuses.filter((s) => s.phase === 'outage');
    expect(during.length).toBeGreaterThan(0);
    // Nothing but success and 503 at any time: no 500, and no request left without an answer.
    expect(statuses.filter((s) => s.status !== 503 && (s.status < 200 || s.status >= 300)).slice(0, 5)).toEqual([]);
    const after = statuses.filter((s) => s.at >= recoveredAt);
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((s) => s.status !== 200 && s.status !== 201).slice(0, 5)).toEqual([]);

    // Every acknowledged invitation is stored, and its email went out once through the worker or a serve process.
    const owner = clients[0]!;
    const stored = new Set((await listAll(owner, `${org.path}/invitations?status=pending`)).map((i) => i.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    await smtp.waitUntil(() => smtp.received.filter((m) => m.to[0]!.startsWith('outage')).length >= stored.size, 60_000, 'every invitation mailed');
    const recipients = smtp.received.flatMap((m) => m.to).filter((t) => t.startsWith('outage'));
    expect(recipients.length).toBe(new Set(recipients).size);

    // Each process listens for the other's changes again: a role change through one shows in the other's check within a second.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await waitUntil(async () => (await admin.query("select count(*)::int as n from pg_stat_activity where query ilike 'LISTEN%'")).rows[0].n >= 2, 10_000, 'both processes listening again');
    } finally {
      await admin.end();
    }
    const on1 = clients[0]!;
    const on2 = clients[1]!;
    expect((await on2.post(`${org.path}/authz/check`, { userId: memberId, permission: 'roles.manage' })).body.allowed).toBe(false);
    expect((await on1.patch(`${org.path}/members/${memberId}`, { role: 'admin' })).status).toBe(200);
    await waitUntil(async () => (await on2.post(`${org.path}/authz/check`, { userId: memberId, permission: 'roles.manage' })).body.allowed === true, 1000, 'the change to show in the other process');
  });
});
