/**
 * @module Real `roster serve` and `roster worker` processes for tests that kill, restart or run
 * several of them on one database, as production does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from './client.js';
import { freePort } from './cli.js';
import { waitUntil } from './smtp.js';

export interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
  /** Whether the process is still running (neither exited nor killed). */
  alive: () => boolean;
}

export interface Serving extends Running {
  port: number;
  url: string;
  client: Client;
}

export function rosterProcess(command: 'serve' | 'worker', env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', command], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, output: () => out, alive: () => child.exitCode === null && child.signalCode === null };
}

/** Starts `roster serve` on a free port (or `port`, to restart one at the same address) and waits until it listens. */
export async function serve(env: Record<string, string>, port?: number): Promise<Serving> {
  const at = port ?? await freePort();
  const running = rosterProcess('serve', { PUBLIC_URL: `http://127.0.0.1:${at}`, ...env, PORT: String(at) });
  await waitUntil(() => running.output().includes('Roster is running') || !running.alive(), 60_000, 'roster serve to start');
  if (!running.alive()) throw new Error(`roster serve exited: ${running.output()}`);
  const url = `http://127.0.0.1:${at}`;
  return { ...running, port: at, url, client: new Client(url) };
}

/** Starts `roster worker` and waits until it has applied the migrations and delivers. */
export async function startWorker(env: Record<string, string>): Promise<Running> {
  const running = rosterProcess('worker', env);
  await waitUntil(() => running.output().includes('is delivering email') || !running.alive(), 60_000, 'roster worker to start');
  if (!running.alive()) throw new Error(`roster worker exited: ${running.output()}`);
  return running;
}

export async function killHard(running: Running): Promise<void> {
  if (running.alive()) running.child.kill('SIGKILL');
  await running.exited;
}

/** Stops with SIGTERM, as an orchestrator does, and answers the exit code. */
export async function stopGently(running: Running): Promise<number | null> {
  if (running.alive()) running.child.kill('SIGTERM');
  return running.exited;
}
