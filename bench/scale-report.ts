/**
 * @module docs/scale.md: how the members list stays on an index at a million users, with the plan
 * of every kind of page as the databases chose it, from the members benchmark's run at 1,000,000
 * users. `npm run bench` (and `bench/members.ts` alone) rewrite it; the figures of the run are kept in
 * test-output/members-bench.json, and `npx tsx bench/scale-report.ts` renders the page again from them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, log, ROOT } from './lib.js';
import { formatPlans, type MembersResult } from './members.js';
import { SCALE_PROSE } from './scale-prose.js';

const RESULTS = join(ROOT, 'test-output', 'members-bench.json');

export function writeScaleReport(results: readonly MembersResult[], date: string, command: string): void {
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify({ date, command, results }));
  renderScaleReport();
}

export function renderScaleReport(): void {
  const { date, command, results } = JSON.parse(readFileSync(RESULTS, 'utf8')) as { date: string; command: string; results: MembersResult[] };
  const large = results.filter((r) => r.scale.users !== r.scale.largest);
  const shown = large.length > 0 ? large : results;
  const text = `${SCALE_PROSE}

## Plans of every kind of page

<!-- Written by \`npm run bench\` (bench/scale-report.ts, prose in bench/scale-prose.ts): edit those, not this file. -->

- Command: \`${command}\` (its figures are in [benchmarks.md](benchmarks.md), section 2)
- Date: ${date}
- Data: \`roster seed\` defaults — ${shown.map((r) => `${r.scale.users.toLocaleString('en')} users in ${r.scale.organizations.toLocaleString('en')} organizations, the listed one of ${r.scale.largest.toLocaleString('en')} members (${r.dialect})`).join('; ')}

Every query Roster sent for the first query string of each kind of page, captured from Kysely as
compiled (same SQL, same parameters), then \`EXPLAIN QUERY PLAN\` on SQLite and
\`EXPLAIN (ANALYZE, BUFFERS)\` on PostgreSQL. A search sends three queries: the count of its matches
(capped), then the page, then the groups of the page's members (shown once per database).

${formatPlans(shown)}
`;
  writeFileSync(join(ROOT, 'docs', 'scale.md'), text);
  log('wrote docs/scale.md');
}

if (isMain(import.meta.url)) renderScaleReport();
