/**
 * @module The authorization check over HTTP, as a host application calls it: `POST …/authz/check`
 * with an API key, under 50 concurrent connections (goal: p99 < 5 ms), on SQLite and PostgreSQL.
 * Run alone with `npx tsx bench/authz-http.ts`.
 */
import autocannon from 'autocannon';
import { createBenchDatabase, isMain, log, postgresAvailable, round, sessionCookie, startTarget, type Dialect, type Target } from './lib.js';

export const AUTHZ_HTTP_P99_GOAL_MS = 5;

export interface AuthzHttpOptions {
  connections: number;
  duration: number;
  warmup: number;
}

export const DEFAULT_AUTHZ_HTTP: AuthzHttpOptions = { connections: 50, duration: Number(process.env.BENCH_DURATION ?? 10), warmup: 2 };

export interface AuthzHttpResult {
  dialect: Dialect;
  requestsPerSecond?: number;
  p50?: number;
  p99?: number;
  failures?: number;
  cpuMicrosPerRequest?: number;
  skipped?: string;
}

async function json(res: Response): Promise<any> {
  const body = await res.text();
  if (res.status >= 300) throw new Error(`${res.url} answered ${res.status}: ${body}`);
  return JSON.parse(body);
}

/** An owner, a plain member to ask about, and an API key holding `authz.check`. */
async function setUp(baseUrl: string): Promise<{ path: string; key: string; body: string }> {
  const signup = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: 'a long enough passphrase 42', firstName: 'Ada', lastName: 'Lovelace', organizationName: 'Engines' }),
  });
  const cookie = sessionCookie(signup);
  const { organization } = await json(signup);
  const headers = { 'content-type': 'application/json', cookie, origin: baseUrl };
  const member = await json(await fetch(`${baseUrl}/api/v1/organizations/${organization.id}/members`, {
    method: 'POST', headers,
    body: JSON.stringify({ username: 'bob', email: 'bob@example.com', password: 'another long passphrase 7', firstName: 'Bob', lastName: 'B', role: 'member' }),
  }));
  const key = await json(await fetch(`${baseUrl}/api/v1/organizations/${organization.id}/api-keys`, {
    method: 'POST', headers, body: JSON.stringify({ name: 'bench', permissions: ['authz.check'] }),
  }));
  return {
    path: `/api/v1/organizations/${organization.id}/authz/check`,
    key: key.key as string,
    body: JSON.stringify({ userId: member.userId, permission: 'members.read' }),
  };
}

export async function benchAuthzHttpOn(dialect: Dialect, options: AuthzHttpOptions = DEFAULT_AUTHZ_HTTP): Promise<AuthzHttpResult> {
  if (dialect === 'postgres') {
    const problem = await postgresAvailable();
    if (problem) return { dialect, skipped: `PostgreSQL unreachable: ${problem}` };
  }
  const database = await createBenchDatabase(dialect);
  let target: Target | undefined;
  try {
    // Rate limits apply to authentication routes only; the check route is not one of them.
    target = await startTarget('roster', database.url, { LOG_LEVEL: 'info' });
    const { path, key, body } = await setUp(target.url);
    const request = { url: `${target.url}${path}`, method: 'POST' as const, body, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, connections: options.connections };
    const probe = await fetch(request.url, { method: 'POST', body, headers: request.headers });
    const answer = await json(probe);
    if (answer.allowed !== true) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
    log(`authz-http/${dialect}: ${options.connections} connections, ${options.warmup} s warm-up then ${options.duration} s`);
    await autocannon({ ...request, duration: options.warmup });
    const cpuBefore = await target.cpuMicros();
    const r = await autocannon({ ...request, duration: options.duration });
    const cpu = (await target.cpuMicros()) - cpuBefore;
    return {
      dialect, requestsPerSecond: round(r.requests.average, 0), p50: r.latency.p50, p99: r.latency.p99,
      failures: r.errors + r.timeouts + r.non2xx, cpuMicrosPerRequest: round(cpu / Math.max(1, r.requests.total), 1),
    };
  } finally {
    await target?.stop();
    await database.drop();
  }
}

export async function benchAuthzHttp(dialects: Dialect[] = ['sqlite', 'postgres'], options: AuthzHttpOptions = DEFAULT_AUTHZ_HTTP): Promise<AuthzHttpResult[]> {
  const results: AuthzHttpResult[] = [];
  for (const dialect of dialects) results.push(await benchAuthzHttpOn(dialect, options));
  return results;
}

export function authzHttpSection(results: readonly AuthzHttpResult[], options: AuthzHttpOptions = DEFAULT_AUTHZ_HTTP): string {
  const rows = results.map((r) => r.skipped
    ? `| ${r.dialect} | skipped: ${r.skipped} | | | | |`
    : `| ${r.dialect} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.cpuMicrosPerRequest} | ${(r.p99 ?? Infinity) < AUTHZ_HTTP_P99_GOAL_MS ? 'yes' : '**no**'} (${r.failures} failures) |`);
  return `## Authorization check over HTTP (\`bench/authz-http.ts\`)

\`POST /api/v1/organizations/{org}/authz/check\` with an API key holding \`authz.check\`, asking about a
plain member, ${options.connections} connections, ${options.warmup} s warm-up then ${options.duration} s, Roster at LOG_LEVEL=info.
Goal: p99 < ${AUTHZ_HTTP_P99_GOAL_MS} ms. Run alone: \`npx tsx bench/authz-http.ts\`.

| database | requests/s | p50 ms | p99 ms | server CPU µs per request | goal met |
|---|--:|--:|--:|--:|---|
${rows.join('\n')}

The decision, the API key and its creator's access (which bounds the key's) are served from memory
(the key's row is dropped in every process at the commit that revokes it:
\`test/api/session-cache-processes.test.ts\`; the creator's access at the commit that changes it:
\`test/api/api-key-creator-bound.test.ts\`), so what the request costs
is Fastify's HTTP handling, the body's validation and the answer's serialization. With
${options.connections} connections in flight, p99 is about connections × CPU per request.
`;
}

if (isMain(import.meta.url)) {
  console.log(authzHttpSection(await benchAuthzHttp()));
}
