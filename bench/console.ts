/**
 * @module The console's two figures, in Debian's Chromium against Roster as `roster serve` runs it
 * (the built console in console/dist, so run `npm run build` first):
 * - JavaScript transferred on first load: every script the sign-in page loads, as gzip (goal < 250 KB);
 * - time to the first rows of the Users page in an organization of 100,000 members, from navigation
 *   to the first row on screen, page load and API calls included (goal < 500 ms).
 *
 * Alone: `npx tsx bench/console.ts [--members 100000]`; prints the figures as JSON.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/connect.js';
import { launchChromium } from '../test/e2e/support/browser.js';
import { generateMembers } from './generate-members.js';
import { createBenchDatabase, isMain, log, percentile, ROOT, round, startTarget } from './lib.js';

export const CONSOLE_JS_GOAL_KB = 250;
export const FIRST_ROWS_GOAL_MS = 500;
const PASSWORD = 'a long enough passphrase 42';

export interface ConsoleResult {
  scripts: Array<{ path: string; gzipBytes: number; brotliBytes: number }>;
  gzipKB: number;
  brotliKB: number;
  members: number;
  /** Milliseconds from navigation to the first row, the first (cold cache) visit and then warm ones. */
  firstRowsColdMs: number;
  firstRowsWarmMs: number[];
  firstRowsWarmP50Ms: number;
}

async function encodedSize(url: string, encoding: string): Promise<number> {
  const res = await fetch(url, { headers: { 'accept-encoding': encoding } });
  const bytes = Number(res.headers.get('content-length') ?? (await res.arrayBuffer()).byteLength);
  if (res.headers.get('content-encoding') !== encoding) throw new Error(`${url} was not sent as ${encoding}`);
  return bytes;
}

export async function benchConsole(members = 100_000, warmRuns = 7): Promise<ConsoleResult> {
  if (!existsSync(join(ROOT, 'console', 'dist', 'index.html'))) throw new Error('console/dist is missing: run `npm run build` first');
  const database = await createBenchDatabase('sqlite');
  const roster = await startTarget('roster', database.url);
  const browser = await launchChromium();
  try {
    const signup = await fetch(`${roster.url}/api/v1/signup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'grace', email: 'grace@example.com', password: PASSWORD, firstName: 'Grace', lastName: 'Hopper', organizationName: 'Large Customer' }),
    });
    const owner = (await signup.json()) as { user: { id: string }; organization: { id: string } };
    const direct = openDatabase({ url: database.url, poolSize: 2 });
    try {
      const hash = await direct.db.selectFrom('users').select('password_hash').where('id', '=', owner.user.id).executeTakeFirstOrThrow();
      log(`console: generating ${members.toLocaleString('en')} members`);
      await generateMembers(direct.db, { organizationId: owner.organization.id, addedBy: owner.user.id, count: members, passwordHash: hash.password_hash ?? '' });
    } finally {
      await direct.close();
    }

    log('console: first load');
    const context = await browser.newContext({ baseURL: roster.url, viewport: { width: 1280, height: 800 } });
    await context.route('https://www.gravatar.com/**', (route) => route.fulfill({ status: 404, body: '' }));
    const page = await context.newPage();
    const scriptUrls = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scriptUrls.add(response.url());
    });
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    const scripts = [];
    for (const url of scriptUrls) scripts.push({ path: new URL(url).pathname, gzipBytes: await encodedSize(url, 'gzip'), brotliBytes: await encodedSize(url, 'br') });

    await page.getByLabel('Username or email').fill('grace');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.goto('about:blank');

    log('console: time to first rows');
    const usersPage = `/organizations/${owner.organization.id}/members`;
    const visit = async (): Promise<number> => {
      const started = performance.now();
      await page.goto(usersPage, { waitUntil: 'commit' });
      await page.locator('.user-table tbody tr').first().waitFor();
      const elapsed = performance.now() - started;
      await page.goto('about:blank');
      return elapsed;
    };
    // The first visit after sign-in is the cold one: the browser's cache holds only the sign-in page's files.
    const cold = await visit();
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push(await visit());
    await context.close();
    const sorted = [...warm].sort((a, b) => a - b);
    return {
      scripts,
      gzipKB: round(scripts.reduce((n, s) => n + s.gzipBytes, 0) / 1024, 1),
      brotliKB: round(scripts.reduce((n, s) => n + s.brotliBytes, 0) / 1024, 1),
      members,
      firstRowsColdMs: round(cold, 0),
      firstRowsWarmMs: warm.map((ms) => round(ms, 0)),
      firstRowsWarmP50Ms: round(percentile(sorted, 50), 0),
    };
  } finally {
    await browser.close();
    await roster.stop();
    await database.drop();
  }
}

/** The docs/benchmarks.md section (bench/report.ts places it; `took` says how long and how busy the machine was). */
export function consoleSection(r: ConsoleResult, took: string): string {
  const scripts = r.scripts.map((s) => `\`${s.path}\` ${round(s.gzipBytes / 1024, 1)} KB gzip`).join(', ');
  return `## Console: JavaScript on first load and the Users page's first rows (\`bench/console.ts\`)

Alone: \`npx tsx bench/console.ts [--members 100000]\`. Took ${took}.

Roster serves the built console (\`npm run build\`); Debian's Chromium (playwright-core, headless,
1280×800) signs in as the owner of an organization of ${r.members.toLocaleString('en')} members and opens the Users page.

| figure | goal | measured | met |
|---|---|---|---|
| console JavaScript on first load | < ${CONSOLE_JS_GOAL_KB} KB gzip | ${r.gzipKB} KB gzip (${r.brotliKB} KB brotli, which Chromium is sent): ${scripts} | ${r.gzipKB < CONSOLE_JS_GOAL_KB ? 'yes' : '**no**'} |
| first rows of the Users page, navigation to the first row, page load and API calls included | < ${FIRST_ROWS_GOAL_MS} ms | ${r.firstRowsWarmP50Ms} ms warm p50 (runs: ${r.firstRowsWarmMs.join(', ')} ms); ${r.firstRowsColdMs} ms cold | ${r.firstRowsWarmP50Ms < FIRST_ROWS_GOAL_MS ? 'yes' : '**no**'} |

Only the first page of 50 members is asked for, with the API's cursor for the next: the time does
not depend on the organization's size beyond that one indexed query.`;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { members: { type: 'string', default: '100000' } } });
  const result = await benchConsole(Number(values.members));
  console.log(JSON.stringify(result, null, 2));
  console.log(`console JS on first load: ${result.gzipKB} KB gzip (goal < ${CONSOLE_JS_GOAL_KB} KB); first rows with ${result.members.toLocaleString('en')} members: `
    + `${result.firstRowsColdMs} ms cold, ${result.firstRowsWarmP50Ms} ms warm p50 (goal < ${FIRST_ROWS_GOAL_MS} ms)`);
}
