/**
 * @module What every benchmark shares: fresh databases (a temporary SQLite file, or a new
 * PostgreSQL database dropped afterwards), target servers started in a child process so the load
 * generator never shares an event loop with the server it measures, and percentiles.
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where fresh PostgreSQL databases are created; the same server and trust auth as the tests. */
export const POSTGRES_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the file was started directly (`npx tsx bench/x.ts`) rather than imported by run.ts. */
export const isMain = (moduleUrl: string): boolean =>
  process.argv[1] !== undefined && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;

export interface BenchDatabase {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

export async function postgresAvailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createBenchDatabase(dialect: Dialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'roster-bench-'));
    return { dialect, url: join(dir, 'roster.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `roster_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface Target {
  url: string;
  /** Microseconds of CPU (user + system) the target process has used since it started. */
  cpuMicros(): Promise<number>;
  /** The target process's memory (RSS, heap), after a garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/**
 * The node flags `roster serve` runs with: the first line of bin/roster.js and `npm start` give them
 * (a unit test keeps the three alike). One garbage-collector thread instead of a pool: the heap is
 * small, and the pool's threads kept about 50 MB more resident (RSS 214 against 167 MB after the same
 * 1,400 member pages) for no measurable gain in requests per second.
 */
export const NODE_FLAGS = ['--single-threaded-gc'];

let built: Promise<void> | undefined;

/** Compiles the server into dist/ (once per benchmark run), which the targets run as production does. */
function buildServer(): Promise<void> {
  built ??= new Promise((done, fail) => {
    execFile(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT }, (error, stdout) =>
      error ? fail(new Error(`tsc -p tsconfig.build.json failed: ${stdout}`)) : done());
  });
  return built;
}

/**
 * Starts `bench/target.mjs` in a child process: Roster as `roster serve` starts it (the built server,
 * with its node flags), on the given database, or a bare Fastify route under the same flags.
 * Resolves once it listens on 127.0.0.1.
 */
export async function startTarget(kind: 'roster' | 'bare', databaseUrl = '', env: Record<string, string> = {}): Promise<Target> {
  await buildServer();
  const port = await freePort();
  const child: ChildProcess = fork(join(ROOT, 'bench', 'target.mjs'), [kind], {
    cwd: ROOT,
    execArgv: [...NODE_FLAGS, '--expose-gc'],
    // The server's own log lines go to /dev/null: written, as in production, but not shown.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...env },
  });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${kind} target did not start within 60 s`)), 60_000);
    child.once('message', () => {
      clearTimeout(timer);
      ready();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${kind} target exited with code ${code} before listening`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    cpuMicros: () =>
      new Promise<number>((done) => {
        const answer = (message: unknown) => {
          const cpu = (message as { cpu?: NodeJS.CpuUsage }).cpu;
          if (!cpu) return;
          child.off('message', answer);
          done(cpu.user + cpu.system);
        };
        child.on('message', answer);
        child.send('cpu');
      }),
    memory: () =>
      new Promise<NodeJS.MemoryUsage>((done) => {
        const answer = (message: unknown) => {
          const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
          if (!memory) return;
          child.off('message', answer);
          done(memory);
        };
        child.on('message', answer);
        child.send('memory');
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.send('stop');
      }),
  };
}

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Signs in through the API and returns the session cookie, as a browser would hold it. */
export async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return sessionCookie(res);
}

export function sessionCookie(res: Response): string {
  const line = res.headers.getSetCookie().find((c) => c.includes('roster_session='));
  if (!line) throw new Error('no session cookie in the response');
  return line.split(';')[0] ?? '';
}
