/**
 * Load on a scaled-out Roster: two `roster serve` processes on one PostgreSQL database, 200 clients
 * at once for 60 s (LOAD_CLIENTS, LOAD_SECONDS), each signed in with a session of its own and sent
 * alternately to either process, mixing reads (`/me`, the members list, access checks) and writes
 * (adding and editing members, changing roles, inviting). Afterwards: no answer was a 5xx (nor
 * anything but a 2xx), and every acknowledged write is there when read back through the API —
 * members, invitations, the audit events of each kind, and the last edit and role of every member
 * changed. The latency of each kind of request goes to test-output/load/report.json and
 * docs/load-test.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { killHard, type Serving } from '../support/processes.js';
import { summarize, type KindSummary, type Sample } from './support/latency.js';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.js';
import { addMember, inParallel, listAll, PASSWORD, signIn, signUpOwner, startProcesses, type Organization } from './support/roster-pair.js';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/** Sessions are shared by this many clients each: signing in is deliberately slow (argon2). */
const ADMINS = 40;

/** The mix, by weight: most traffic reads, as an application asking "may this user…?" does. */
const MIX = [
  ['me', 25], ['members.list', 20], ['authz.check', 25],
  ['member.add', 4], ['member.edit', 11], ['member.role', 8], ['invite', 7],
] as const;
type Kind = (typeof MIX)[number][0];
const WEIGHT = MIX.reduce((sum, [, w]) => sum + w, 0);

function pick(random: number): Kind {
  let r = random * WEIGHT;
  for (const [kind, w] of MIX) if ((r -= w) < 0) return kind;
  return MIX[0][0];
}

/** What one client had acknowledged, to compare with what is stored afterwards. */
interface Acknowledged {
  added: string[];
  invited: string[];
  edits: number;
  roleChanges: number;
  /** The target's first name and role after the client's last acknowledged change. */
  lastName: string | null;
  lastRole: string;
}

describe('two Roster processes under 200 concurrent clients', () => {
  let cluster: PostgresCluster;
  let processes: Serving[];
  let org: Organization;
  const targets: string[] = [];
  let summary: KindSummary[];
  const acks: Acknowledged[] = [];
  const samples: Sample[] = [];
  const failures: string[] = [];
  /** Answers other than 2xx, with their problem code. */
  const refusals: string[] = [];
  let took = 0;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    ({ processes } = await startProcesses(cluster, 'roster_load', 2));
    org = await signUpOwner(processes[0]!.client, 'load');
    expect((await org.owner.post(`${org.path}/roles`, { key: 'agent', name: 'Agent', permissions: ['members.read'] })).status).toBe(201);
    await inParallel(Array.from({ length: ADMINS }, (_, i) => i), 4, (i) => addMember(org, `admin${i}`, 'admin'));
    targets.push(...await inParallel(Array.from({ length: CLIENTS }, (_, i) => i), 4, (i) => addMember(org, `target${i}`, 'member')));
  }, 600_000);

  afterAll(async () => {
    for (const p of processes ?? []) await killHard(p);
    cluster?.destroy();
  });

  it(`serves ${CLIENTS} clients for ${SECONDS} s without a 5xx, and keeps every acknowledged write`, { timeout: (SECONDS + 600) * 1000 }, async () => {
    // Each client signs in on the process it will talk to; the other process serves the same session too.
    const clients: Client[] = await inParallel(Array.from({ length: CLIENTS }, (_, i) => i), 8, (i) => signIn(processes[i % 2]!.url, `admin${i % ADMINS}`));
    let serial = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;

    await Promise.all(clients.map(async (client, i) => {
      const target = targets[i]!;
      const ack: Acknowledged = { added: [], invited: [], edits: 0, roleChanges: 0, lastName: null, lastRole: 'member' };
      acks.push(ack);
      while (performance.now() < deadline) {
        const kind = pick(Math.random());
        const n = ++serial;
        const t0 = performance.now();
        let status = 0;
        try {
          let res: { status: number; body: any };
          if (kind === 'me') res = await client.get('/api/v1/me');
          else if (kind === 'members.list') res = await client.get(`${org.path}/members?limit=20${n % 3 === 0 ? '&q=target1' : ''}`);
          else if (kind === 'authz.check') res = await client.post(`${org.path}/authz/check`, { userId: target, permission: n % 2 ? 'members.read' : 'members.update' });
          else if (kind === 'member.add') {
            res = await client.post(`${org.path}/members`, { username: `added${n}`, email: `added${n}@example.com`, password: PASSWORD, firstName: 'Added', lastName: String(n), role: 'member' });
            if (res.status === 201) ack.added.push(res.body.userId);
          } else if (kind === 'member.edit') {
            const firstName = `Edit${n}`;
            res = await client.patch(`${org.path}/members/${target}`, { firstName });
            if (res.status === 200) (ack.edits++, ack.lastName = firstName);
          } else if (kind === 'member.role') {
            const role = ack.lastRole === 'member' ? 'agent' : 'member';
            res = await client.patch(`${org.path}/members/${target}`, { role });
            if (res.status === 200) (ack.roleChanges++, ack.lastRole = role);
          } else {
            res = await client.post(`${org.path}/invitations`, { emails: `invitee${n}@example.com`, role: 'member' });
            if (res.status === 201 && res.body.results[0]?.status === 'invited') ack.invited.push(res.body.results[0].invitationId);
          }
          status = res.status;
          if (status >= 300) refusals.push(`${kind}: ${status} ${res.body?.code ?? ''} ${res.body?.detail ?? ''}`);
        } catch (error) {
          failures.push(`${kind}: ${(error as Error).message}`);
        }
        samples.push({ kind, status, ms: performance.now() - t0 });
      }
    }));
    took = (performance.now() - started) / 1000;
    summary = summarize(samples, took);
    writeReport(summary, took);

    // Both processes lived through it.
    for (const p of processes) expect(p.alive(), p.output()).toBe(true);
    expect(failures.slice(0, 5), 'requests that got no answer').toEqual([]);
    expect(samples.filter((s) => s.status >= 500).length, `5xx answers: ${refusals.slice(0, 5).join('; ')}`).toBe(0);
    expect(refusals.slice(0, 5), 'answers other than 2xx').toEqual([]);
    expect(samples.length).toBeGreaterThan(CLIENTS * 5);

    // Every acknowledged write, read back through the API of the other process than the one that took most of it.
    const reader = processes[1]!.client;
    expect((await reader.post('/api/v1/session', { login: 'load-owner', password: PASSWORD })).status).toBe(200);
    const added = acks.flatMap((a) => a.added);
    const members = await listAll(reader, `${org.path}/members?status=active`);
    expect(members.length).toBe(1 + ADMINS + CLIENTS + added.length);
    const memberIds = new Set(members.map((m) => m.userId));
    expect(added.filter((id) => !memberIds.has(id)), 'acknowledged members missing').toEqual([]);

    const invited = acks.flatMap((a) => a.invited);
    const invitations = await listAll(reader, `${org.path}/invitations?status=pending`);
    expect(invitations.length).toBe(invited.length);
    expect(new Set(invitations.map((x) => x.id))).toEqual(new Set(invited));

    const audited = async (action: string) => (await listAll(reader, `${org.path}/audit-events?action=${action}`)).length;
    expect(await audited('member.added')).toBe(ADMINS + CLIENTS + added.length);
    expect(await audited('invitation.created')).toBe(invited.length);
    expect(await audited('member.updated')).toBe(acks.reduce((sum, a) => sum + a.edits, 0));
    expect(await audited('member.role_changed')).toBe(acks.reduce((sum, a) => sum + a.roleChanges, 0));

    // Each target was changed by one client only: its last acknowledged edit and role are what is stored.
    const byId = new Map(members.map((m) => [m.userId, m]));
    const lost = acks.flatMap((a, i) => {
      const m = byId.get(targets[i]!);
      return (a.lastName !== null && m.firstName !== a.lastName) || m.role !== a.lastRole ? [`${targets[i]}: ${m.firstName}/${m.role}, expected ${a.lastName}/${a.lastRole}`] : [];
    });
    expect(lost, 'last acknowledged edits not stored').toEqual([]);
  });
});

function writeReport(summary: KindSummary[], seconds: number): void {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}`;
  mkdirSync('test-output/load', { recursive: true });
  writeFileSync('test-output/load/report.json', JSON.stringify({ date, machine, clients: CLIENTS, seconds, loadAverage: loadavg(), summary }, null, 2));
  const rows = summary.map((s) => `| ${s.kind} | ${s.requests.toLocaleString('en')} | ${s.perSecond.toLocaleString('en')} | ${Object.entries(s.statuses).map(([k, v]) => `${k}: ${v}`).join(', ')} | ${s.p50} | ${s.p90} | ${s.p99} | ${s.max} |`);
  writeFileSync('docs/load-test.md', `# Load test

<!-- Written by \`npm run test:load\` (test/load/load.test.ts): edit that, not this file. -->

Two \`roster serve\` processes on one PostgreSQL database (a server of the test's own on 127.0.0.1,
with Redis for the shared counters), ${CLIENTS} clients at once for ${SECONDS} s, each signed in with a
real session and sent alternately to either process. Every client repeats: \`GET /api/v1/me\` (25%),
the members list, a page of 20, a third of them a search (20%), an access check (25%), adding a
member with a password (4%; hashing it with argon2 is deliberately slow), editing a member's first
name (11%), changing a member's role (8%), inviting an address (7%). Afterwards the test reads every
acknowledged write back through the API (members, invitations, the audit events of each kind, each
member's last edit and role) and fails on any loss or any answer other than 2xx.

- Date: ${date} UTC; ran ${seconds.toFixed(1)} s
- Machine: ${machine}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(', ')}
- The machine is a shared virtual machine: the client, both processes, PostgreSQL and Redis share
  its cores, and other work ran beside them, so latencies move from run to run; a load average far above
  the number of cores means the figures say more about the machine than about Roster. What the test
  holds to is the outcome: every answer a 2xx, every acknowledged write stored.

Latency in milliseconds, from the client's side (the time to the whole answer):

| request | requests | per second | answers | p50 | p90 | p99 | max |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

The fault tests of the same run (\`test/load/faults.test.ts\`, \`test/load/postgres-restart.test.ts\`)
kill processes in the middle of writes and restart PostgreSQL under load; what they check is in
[deploy.md](deploy.md#what-a-crash-leaves-behind).
`);
}
