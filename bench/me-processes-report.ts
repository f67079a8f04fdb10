/**
 * @module The section of docs/benchmarks.md on GET /api/v1/me from 2 Roster processes beside 1
 * (bench/me-processes.ts), and its line in the goals table, where it is a measurement with no goal.
 */
import { cpus } from 'node:os';
import { round } from './lib.js';
import type { MeProcessesResult, ProcessesFigures } from './me-processes.js';

/** Requests/s the machine's cores could answer if nothing but Roster and the load generator ran, at the CPU each request cost them. */
const ceiling = (f: ProcessesFigures, cores: number) => Math.round((cores * 1e6) / (f.cpuMicrosPerRequest + f.loadGeneratorMicrosPerRequest));

const rate = (n: number) => n.toLocaleString('en');

/** A warning when other work took a different share of the cores in the two runs, which then did not run alike. */
function unevenLoad(one: ProcessesFigures, two: ProcessesFigures): string {
  if (Math.abs(one.cores.other - two.cores.other) < 0.2) return '';
  return ` Other work took ${one.cores.other} of a core during the first run and ${two.cores.other} during the second:
the two rows did not run under the same conditions, and the ratio shows that as much as it shows
Roster; the CPU per request, below, is the steadier figure.`;
}

export function meProcessesSummaryRow(r: MeProcessesResult): string {
  const name = `GET /api/v1/me with 2 processes vs 1, ${rate(r.options.users)} users, PostgreSQL`;
  if (!r.one || !r.two || r.ratio === undefined) return `| ${name} | skipped: ${r.skipped ?? 'no figures'} | measurement, no goal | |`;
  return `| ${name} | ${rate(r.two.requestsPerSecond)} requests/s with 2 processes vs ${rate(r.one.requestsPerSecond)} with 1 = ${r.ratio}x; server CPU ${r.two.cpuMicrosPerRequest} vs ${r.one.cpuMicrosPerRequest} µs per request | measurement, no goal | — |`;
}

function table(r: MeProcessesResult): string {
  const lines = [
    '| Roster processes | requests/s | p50 (ms) | p99 (ms) | requests | failures | Roster CPU per request (µs) | load generator CPU per request (µs) | cores busy: Roster / load generator / other work / idle | database transactions during the run | RSS per process after the run (MB) |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|',
  ];
  for (const f of [r.one, r.two]) {
    if (!f) continue;
    const c = f.cores;
    lines.push(`| ${f.processes} | ${rate(f.requestsPerSecond)} | ${f.p50} | ${f.p99} | ${rate(f.requests)} | ${f.failures} | ${f.cpuMicrosPerRequest} | ${f.loadGeneratorMicrosPerRequest} | ${c.roster} / ${c.loadGenerator} / ${c.other} / ${c.idle} | ${rate(f.databaseTransactions)} | ${f.rssMb.join(', ')} |`);
  }
  return lines.join('\n');
}

export function meProcessesSection(r: MeProcessesResult, took: string): string {
  const o = r.options;
  const head = `## GET /api/v1/me from 2 Roster processes beside 1, ${rate(o.users)} users on PostgreSQL (\`bench/me-processes.ts\`)

Alone: \`npx tsx bench/me-processes.ts [users]\`. Took ${took}.`;
  if (!r.one || !r.two || r.ratio === undefined) return `${head}\n\nSkipped: ${r.skipped ?? 'no figures'}.\n`;
  const cores = cpus().length;
  return `${head}

A measurement, not a goal: what a second Roster process on the same database brings on this machine.
A fresh PostgreSQL database is filled by \`roster seed\` with ${rate(o.users)} users (in ${r.seedSeconds} s), and
${o.signedIn} of them, spread over the seeded users and so over different organizations, sign in through
\`POST /api/v1/session\`. One Roster process is started as \`roster serve\` starts it (LOG_LEVEL=info) and
loaded with GET /api/v1/me: ${o.connections} connections, each carrying one of the ${o.signedIn} session cookies,
${o.warmup} s of warm-up then ${o.duration} s measured. Then a second process is started on the same database
and the same ${o.connections} connections are split between the two (one autocannon run given both URLs, which
hands them out in turn, so requests/s and the percentiles cover both), ${o.warmup} s of warm-up then ${o.duration} s.
The sessions were created through the first process; the second reads them from the database.

*Roster CPU per request* is the CPU time (user + system) of every Roster process over the measured run
divided by the requests answered; *load generator CPU per request* is the same for autocannon, which
runs in the benchmark's own process. *Cores busy* splits the machine's ${cores} cores over the run: Roster,
the load generator, other work (PostgreSQL, the kernel's network work charged to no process, anything
else running on the machine) and idle. *Database transactions* are those PostgreSQL counted on the
database during the run (\`pg_stat_database\`; backends report theirs about once a second, so the
count is approximate).
RSS is each process's resident memory after the run, after a garbage collection. autocannon reports
latency in whole milliseconds.

${table(r)}

**2 processes vs 1: ${r.ratio}x the requests/s** (${rate(r.two.requestsPerSecond)} against ${rate(r.one.requestsPerSecond)}).

**What limits it.** This machine has ${cores} cores and the load generator runs on them too, so a
second process can not be expected to double the rate here. One Roster process runs one thread of
JavaScript (and the garbage collector's threads), so it uses little more than one core at most; a
second process can only use what is left. With one process Roster kept ${r.one.cores.roster} cores busy, the
load generator ${r.one.cores.loadGenerator}, other work ${r.one.cores.other}, and ${r.one.cores.idle} was idle; with two, ${r.two.cores.roster} / ${r.two.cores.loadGenerator} /
${r.two.cores.other} / ${r.two.cores.idle}. Every request costs the machine Roster's CPU plus the load generator's, so ${cores}
cores answer at most about ${rate(ceiling(r.one, cores))} requests/s at the one-process costs (${rate(ceiling(r.two, cores))} at the
two-process ones), however many Roster processes share them.${unevenLoad(r.one, r.two)}

What carries over to a machine with a core for each process is the CPU a request costs each process:
${r.one.cpuMicrosPerRequest} µs with one, ${r.two.cpuMicrosPerRequest} µs with two${r.two.cpuMicrosPerRequest > r.one.cpuMicrosPerRequest * 1.1
    ? ' (three busy processes on two cores: each is switched out more often and comes back to colder CPU caches, the likely cause)'
    : ''}. PostgreSQL is not the limit: GET /api/v1/me is answered from each process's session cache
(\`services/row-cache.ts\`), so the database counted ${rate(r.one.databaseTransactions)} and ${rate(r.two.databaseTransactions)} transactions during the two runs against
${rate(r.one.requests)} and ${rate(r.two.requests)} requests: background work (each process's mail worker polls the outbox twice
a second) and late reports of the work before, not one per request. Each process holds its own caches and connection pool:
${r.two.rssMb.join(' and ')} MB after the two-process run, ${r.one.rssMb.join(', ')} MB for the one process before.
`;
}
