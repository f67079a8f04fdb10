/**
 * @module Invitations in bulk, on SQLite and PostgreSQL, over HTTP against Roster in its own process:
 * inviting 1,000 addresses in one request; importing 100,000 CSV rows (goal: under 20 s on SQLite),
 * with a dry run of the same file and the import's progress polled while it runs; and the outbox's
 * delivery rate, messages per second, to a local SMTP server (smtp-server on 127.0.0.1) through the
 * outbox worker with the SMTP transport Roster uses when SMTP_URL is set.
 * Run alone with `npx tsx bench/invitations.ts [sqlite,postgres] [rows]`.
 */
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/db/connect.js';
import { newId } from '../src/db/ids.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { enqueueMail } from '../src/mail/outbox.js';
import { invitationMail } from '../src/mail/templates.js';
import { createTransport } from '../src/mail/transport.js';
import { createOutboxWorker } from '../src/mail/worker.js';
import { createBenchDatabase, isMain, log, postgresAvailable, round, sessionCookie, startTarget, type Dialect, type Target } from './lib.js';

export const IMPORT_GOAL_SECONDS = 20;

export interface InvitationsOptions {
  /** Addresses in the one invitation request. */
  invites: number;
  /** Invitation requests timed, each to new addresses. */
  inviteRounds: number;
  /** Rows of the CSV import. */
  importRows: number;
  /** Messages the outbox worker delivers to the local SMTP server, per transport setting. */
  deliveryMessages: number;
}

export const DEFAULT_INVITATIONS: InvitationsOptions = {
  invites: 1000,
  inviteRounds: 5,
  importRows: Number(process.env.BENCH_IMPORT_ROWS ?? 100_000),
  deliveryMessages: Number(process.env.BENCH_DELIVERY_MESSAGES ?? 2000),
};

export interface ImportFigures {
  mode: 'skip_invalid' | 'all_or_nothing';
  rows: number;
  seconds: number;
  /** CPU time the server process spent meanwhile: what the import costs whatever else the machine runs. */
  serverCpuSeconds: number;
  rowsPerSecond: number;
  invited: number;
  /** One-minute load average when the import started: how busy the machine was with other work. */
  loadAverage: number;
  /** Distinct `processedRows` a concurrent GET …/imports/{id} saw while the import ran. */
  progressSeen: number[];
}

export interface DeliveryFigures {
  transport: string;
  messages: number;
  seconds: number;
  perSecond: number;
}

export interface InvitationsResult {
  dialect: Dialect;
  skipped?: string;
  invite?: { addresses: number; rounds: number; medianMs: number; minMs: number; maxMs: number };
  dryRun?: { rows: number; seconds: number };
  imports?: ImportFigures[];
  delivery?: DeliveryFigures[];
}

interface Owner {
  cookie: string;
  organizationId: string;
}

async function post(target: Target, owner: Owner, path: string, body: string, contentType: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${target.url}${path}`, { method: 'POST', headers: { cookie: owner.cookie, 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function signUpOwner(target: Target): Promise<Owner> {
  const res = await fetch(`${target.url}/api/v1/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ines', email: 'ines@example.com', password: 'a long enough passphrase 42', firstName: 'Ines', lastName: 'Vite', organizationName: 'Bulk Customer' }),
  });
  const body = (await res.json()) as { organization: { id: string } };
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(body)}`);
  return { cookie: sessionCookie(res), organizationId: body.organization.id };
}

/** A second organization of the same owner, so a second import meets no invitation of the first. */
async function anotherOrganization(target: Target, owner: Owner, name: string): Promise<Owner> {
  const res = await post(target, owner, '/api/v1/organizations', JSON.stringify({ name }), 'application/json');
  if (res.status !== 201) throw new Error(`creating an organization answered ${res.status} ${JSON.stringify(res.body)}`);
  return { cookie: owner.cookie, organizationId: res.body.id };
}

async function timeInvites(target: Target, owner: Owner, options: InvitationsOptions): Promise<NonNullable<InvitationsResult['invite']>> {
  const times: number[] = [];
  for (let round_ = 0; round_ < options.inviteRounds; round_++) {
    const emails = Array.from({ length: options.invites }, (_, i) => `invitee-${round_}-${i}@example.com`).join(', ');
    const started = performance.now();
    const res = await post(target, owner, `/api/v1/organizations/${owner.organizationId}/invitations`, JSON.stringify({ emails, role: 'member', note: 'Welcome aboard' }), 'application/json');
    times.push(performance.now() - started);
    const invited = (res.body?.results ?? []).filter((r: { status: string }) => r.status === 'invited').length;
    if (res.status !== 201 || invited !== options.invites) throw new Error(`inviting answered ${res.status}, ${invited} invited: ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  return { addresses: options.invites, rounds: times.length, medianMs: round(times[Math.floor(times.length / 2)]!, 0), minMs: round(times[0]!, 0), maxMs: round(times.at(-1)!, 0) };
}

/**
 * A file as an admin would export it from another system: names, a role, a group on every tenth row,
 * a note on every hundredth, and addresses in no particular order (a multiplicative hash of the row
 * number leads each one), as real addresses come.
 */
export function importFile(rows: number): string {
  const lines = ['email,firstName,lastName,role,groups,note'];
  for (let i = 0; i < rows; i++) {
    const scrambled = (Math.imul(i + 1, 2654435761) >>> 0).toString(36);
    lines.push(`${scrambled}.person${i}@customer.example,First${i},Last${i},member,${i % 10 === 0 ? 'Field Team' : ''},${i % 100 === 0 ? 'Your access to the field tools' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function timeImport(target: Target, owner: Owner, csv: string, rows: number, mode: ImportFigures['mode']): Promise<ImportFigures> {
  const base = `/api/v1/organizations/${owner.organizationId}/imports`;
  const progress = new Set<number>();
  let running = true;
  // What an admin watching the console would see: the newest import's counts, twice a second.
  const poll = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        const res = await fetch(`${target.url}${base}?limit=1`, { headers: { cookie: owner.cookie } });
        const latest = ((await res.json()) as { items?: Array<{ status: string; processedRows: number }> }).items?.[0];
        if (latest?.status === 'running') progress.add(latest.processedRows);
      } catch {
        // A kept-alive connection the server closed while busy: the next poll opens another.
      }
    }
  })();
  const loadAverage = round(loadavg()[0] ?? 0);
  const cpuBefore = await target.cpuMicros();
  const started = performance.now();
  const res = await post(target, owner, `${base}?mode=${mode}`, csv, 'text/csv');
  const seconds = (performance.now() - started) / 1000;
  const serverCpuSeconds = round(((await target.cpuMicros()) - cpuBefore) / 1e6);
  running = false;
  await poll;
  if (res.status !== 201 || res.body.invitedRows !== rows) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return { mode, rows, seconds: round(seconds), serverCpuSeconds, loadAverage, rowsPerSecond: Math.round(rows / seconds), invited: res.body.invitedRows, progressSeen: [...progress].sort((a, b) => a - b) };
}

interface LocalSmtp {
  port: number;
  /** Messages accepted so far. */
  received(): number;
  close(): Promise<void>;
}

/** An SMTP server on loopback that accepts every message and counts it. */
async function startSmtp(): Promise<LocalSmtp> {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, size: 1024 * 1024,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  // A client that goes away mid-message (a server stopped while delivering) is no fault of the benchmark.
  smtp.on('error', () => {});
  await new Promise<void>((ready) => smtp.listen(0, '127.0.0.1', ready));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((done) => smtp.close(() => done())),
  };
}

/** The outbox worker delivering `messages` invitation emails to an SMTP server of its own on loopback, on a database of its own. */
async function timeDelivery(dialect: Dialect, messages: number): Promise<DeliveryFigures[]> {
  const smtp = await startSmtp();
  const port = smtp.port;
  const figures: DeliveryFigures[] = [];
  try {
    // One connection a message is what `SMTP_URL=smtp://host:port` gives; `?pool=true` keeps connections open.
    for (const url of [`smtp://127.0.0.1:${port}`, `smtp://127.0.0.1:${port}?pool=true&maxConnections=20`]) {
      const benchDb = await createBenchDatabase(dialect);
      const database = openDatabase({ url: benchDb.url });
      const transport = createTransport(url, 'bench.example');
      try {
        await migrateToLatest(database.db);
        const mail = invitationMail({
          organization: 'Bulk Customer', sender: { name: 'Ines Vite', signature: null }, role: 'Member', note: 'Welcome aboard',
          link: 'http://127.0.0.1:3000/invitations/abcdefghijklmnopqrstuvwxyz0123456789', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        });
        for (let i = 0; i < messages; i += 1000) {
          await enqueueMail(database.db, ...Array.from({ length: Math.min(1000, messages - i) }, (_, j) => ({
            organizationId: null, kind: 'invitation' as const, to: `reader${i + j}@customer.example`, relatedId: newId(), ...mail,
          })));
        }
        const worker = createOutboxWorker({ db: database.db, dialect, transport, from: 'Roster <roster@bench.example>' });
        const before = smtp.received();
        const started = performance.now();
        const handled = await worker.drain();
        const seconds = (performance.now() - started) / 1000;
        const sent = await database.db.selectFrom('outbox').select('id').where('status', '=', 'sent').execute();
        if (handled !== messages || sent.length !== messages || smtp.received() - before !== messages) {
          throw new Error(`delivery over ${url}: handled ${handled}, sent ${sent.length}, received ${smtp.received() - before} of ${messages}`);
        }
        figures.push({ transport: url.replace(String(port), 'PORT'), messages, seconds: round(seconds), perSecond: Math.round(messages / seconds) });
      } finally {
        transport.close();
        await database.close();
        await benchDb.drop();
      }
    }
  } finally {
    await smtp.close();
  }
  return figures;
}

export async function benchInvitationsOn(dialect: Dialect, options: InvitationsOptions = DEFAULT_INVITATIONS): Promise<InvitationsResult> {
  if (dialect === 'postgres') {
    const unavailable = await postgresAvailable();
    if (unavailable) return { dialect, skipped: `PostgreSQL not reachable: ${unavailable}` };
  }
  const smtp = await startSmtp();
  const benchDb = await createBenchDatabase(dialect);
  // Mail leaves as in production: the server's outbox worker delivers to an SMTP server meanwhile.
  const target = await startTarget('roster', benchDb.url, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  try {
    const owner = await signUpOwner(target);
    log(`${dialect}: inviting ${options.invites} addresses in one request, ${options.inviteRounds} times`);
    const invite = await timeInvites(target, owner, options);
    const csv = importFile(options.importRows);
    const imports: ImportFigures[] = [];
    let dryRun: InvitationsResult['dryRun'];
    for (const mode of ['skip_invalid', 'all_or_nothing'] as const) {
      const org = await anotherOrganization(target, owner, `Import ${mode}`);
      const group = await post(target, org, `/api/v1/organizations/${org.organizationId}/groups`, JSON.stringify({ name: 'Field Team' }), 'application/json');
      if (group.status !== 201) throw new Error(`creating a group answered ${group.status}`);
      if (!dryRun) {
        log(`${dialect}: dry run of ${options.importRows.toLocaleString('en')} rows`);
        const started = performance.now();
        const res = await post(target, org, `/api/v1/organizations/${org.organizationId}/imports?dryRun=true`, csv, 'text/csv');
        if (res.status !== 200 || res.body.validRows !== options.importRows) throw new Error(`dry run answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
        dryRun = { rows: options.importRows, seconds: round((performance.now() - started) / 1000) };
      }
      log(`${dialect}: importing ${options.importRows.toLocaleString('en')} rows, ${mode}`);
      imports.push(await timeImport(target, org, csv, options.importRows, mode));
    }
    log(`${dialect}: delivering ${options.deliveryMessages} messages to a local SMTP server`);
    const delivery = await timeDelivery(dialect, options.deliveryMessages);
    return { dialect, invite, dryRun, imports, delivery };
  } finally {
    await target.stop();
    await benchDb.drop();
    await smtp.close();
  }
}

export async function benchInvitations(dialects: Dialect[] = ['sqlite', 'postgres'], options: InvitationsOptions = DEFAULT_INVITATIONS): Promise<InvitationsResult[]> {
  const results: InvitationsResult[] = [];
  for (const dialect of dialects) results.push(await benchInvitationsOn(dialect, options));
  return results;
}

export function formatInvitations(results: readonly InvitationsResult[]): string {
  const name = (d: Dialect) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL');
  const lines = ['| database | what | figure | goal | met |', '|---|---|---|---|---|'];
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| ${name(r.dialect)} | skipped: ${r.skipped} | | | |`);
      continue;
    }
    if (r.invite) {
      lines.push(`| ${name(r.dialect)} | invite ${r.invite.addresses.toLocaleString('en')} addresses in one request (POST …/invitations) | median ${r.invite.medianMs} ms (min ${r.invite.minMs}, max ${r.invite.maxMs}; ${r.invite.rounds} requests) | | |`);
    }
    if (r.dryRun) lines.push(`| ${name(r.dialect)} | dry run of ${r.dryRun.rows.toLocaleString('en')} CSV rows | ${r.dryRun.seconds} s | | |`);
    for (const i of r.imports ?? []) {
      const goal = r.dialect === 'sqlite' ? `< ${IMPORT_GOAL_SECONDS} s` : '';
      const met = r.dialect === 'sqlite' ? (i.seconds < IMPORT_GOAL_SECONDS ? 'yes' : '**no**') : '';
      const moving = i.progressSeen.filter((n) => n > 0);
      const seen = moving.length > 0
        ? `; a poll twice a second saw it running at ${moving.length} different counts, from ${moving[0]!.toLocaleString('en')} to ${moving.at(-1)!.toLocaleString('en')} rows`
        : '; one transaction: the counts move at its end';
      lines.push(`| ${name(r.dialect)} | import ${i.rows.toLocaleString('en')} CSV rows, ${i.mode} | ${i.seconds} s (${i.rowsPerSecond.toLocaleString('en')} rows/s; server CPU ${i.serverCpuSeconds} s; load average ${i.loadAverage})${seen} | ${goal} | ${met} |`);
    }
    for (const d of r.delivery ?? []) {
      lines.push(`| ${name(r.dialect)} | outbox delivery to a local SMTP server, \`${d.transport}\` | ${d.perSecond.toLocaleString('en')} messages/s (${d.messages.toLocaleString('en')} in ${d.seconds} s) | | |`);
    }
  }
  return lines.join('\n');
}

/** The section of docs/benchmarks.md: what is measured, the figures, the goal, and what was changed to meet it. */
export function invitationsSection(results: readonly InvitationsResult[], options: InvitationsOptions = DEFAULT_INVITATIONS): string {
  const sqlite = results.find((r) => r.dialect === 'sqlite');
  const slowest = Math.max(...(sqlite?.imports ?? []).map((i) => i.seconds));
  const met = Number.isFinite(slowest) && slowest < IMPORT_GOAL_SECONDS;
  return `## 5. Invitations in bulk: invite, CSV import, outbox delivery (\`bench/invitations.ts\`)

Measured ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC. Command: \`npx tsx bench/invitations.ts\` (SQLite and PostgreSQL; \`npx tsx bench/invitations.ts sqlite 100000\` for one).
Goal: a CSV import of ${options.importRows.toLocaleString('en')} rows in under ${IMPORT_GOAL_SECONDS} s on SQLite. Met: **${met ? 'yes' : 'no'}**${Number.isFinite(slowest) ? ` (slowest mode ${slowest} s)` : ''}.

Roster runs in its own process (\`bench/target.ts\`, as \`roster serve\` starts it) with \`SMTP_URL\` pointing at an SMTP
server on 127.0.0.1 (smtp-server, accepting everything), so its outbox worker delivers while the
requests run, as in production. One owner, over HTTP:

- **invite**: \`POST …/invitations\` with ${options.invites.toLocaleString('en')} new addresses, role and note, ${options.inviteRounds} times; every address answered \`invited\`.
- **dry run** and **import**: one file of ${options.importRows.toLocaleString('en')} rows (\`email,firstName,lastName,role,groups,note\`; a
  group on every tenth row, a note on every hundredth; addresses in no particular order, as real ones
  come), checked with \`dryRun=true\`, then imported with \`mode=skip_invalid\` and with
  \`mode=all_or_nothing\`, each into an organization of its own; every row ends as a pending invitation
  with its email in the outbox and its audit event. Meanwhile \`GET …/imports?limit=1\` is polled twice
  a second: the counts it saw move show the progress is visible while the import runs.
- **delivery**: ${options.deliveryMessages.toLocaleString('en')} invitation emails put in a fresh outbox, then the outbox worker
  (\`createOutboxWorker\` with \`createTransport\`, as \`SMTP_URL\` sets it up) drains them to its own local SMTP server:
  once with \`smtp://127.0.0.1:PORT\` (one connection a message, nodemailer's default) and once with
  \`?pool=true&maxConnections=20\` (kept connections), which an operator can put in \`SMTP_URL\`.

${formatInvitations(results)}

Server CPU is the Roster process's CPU time during the import, from \`process.cpuUsage()\`: what the
import costs whatever else the shared machine runs, while the wall-clock time moves with the load.

Changes made for the goal, each measured with the server in the benchmark's process, its mail worker
off, on 100,000 rows:

- **The pending-invitation look-up names its index on SQLite.** Without statistics SQLite preferred
  \`invitations_org_idx (organization, status)\` for \`status = 'pending' and email_key in (…500)\` and read
  every pending invitation of the organization on each call, twice per 1,000 rows: the import was
  quadratic. With \`indexed by invitations_pending_unique\` a call in an organization of 100,000 pending
  invitations went from 45 to 4 ms, and the import's process CPU from 15.6 to 8.8 s.
- **Rows are written in address order, the tokens in the order of their hashes.** Both unique indexes
  an invitation goes into then fill in one sweep instead of at random places, so a commit rewrites
  few of their pages: 2,216 MB written and 20.8 s of CPU before, 899 MB and 15.7 s after (addresses in
  no particular order). The tokens are as random as before; only which address gets which is sorted.
- **Random bytes for ids and tokens come from a 4 KiB pool** (as \`crypto.randomUUID\` does): 400,000
  calls of \`randomBytes(16)\` cost 906 ms of CPU, the pooled draws 65 ms.
- The import yields to the event loop between chunks, so other requests (the progress poll among
  them) are answered while it runs, even inside the single transaction of \`all_or_nothing\`.

Not changed, seen here: the outbox worker marks each message sent in its own statement (and on
SQLite its own commit), and \`POST …/invitations\` still uses the generic pending look-up, which reads
every pending invitation of the organization per 500 addresses on SQLite.
`;
}

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  const importRows = process.argv[3] ? Number(process.argv[3]) : DEFAULT_INVITATIONS.importRows;
  const options = { ...DEFAULT_INVITATIONS, importRows };
  console.log(invitationsSection(await benchInvitations(dialects, options), options));
}
