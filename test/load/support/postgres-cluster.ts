/**
 * @module A PostgreSQL server of the load tests' own: a new cluster in a temporary directory on a
 * free port, made with the installed `initdb` and `pg_ctl`. The tests restart and load it as they
 * please without disturbing anyone else using the machine's PostgreSQL, and a CI machine needs only
 * the PostgreSQL packages. Fails, never skips, when they are missing.
 *
 * PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../support/cli.js';

export interface PostgresCluster {
  port: number;
  /** A `postgres://` URL of a database created in the cluster. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: every connection is cut), as an outage does. */
  stop(): void;
  start(): void;
  destroy(): void;
}

/** Where `initdb` and `pg_ctl` are: PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('The load tests run their own PostgreSQL server: install PostgreSQL (initdb, pg_ctl under /usr/lib/postgresql/N/bin) or set PG_BIN');
  return join(root, newest, 'bin');
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'roster-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] as const : [join(bin, tool), args] as const;
    execFileSync(command[0], command[1], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Durability is not what these tests measure; connections are: two processes, a worker and the test.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    port,
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    destroy() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
