/**
 * @module Vitest global setup of the browser tests: builds the console (console/dist) once per run
 * when it is missing or older than its sources, so the tests drive what `npm start` would serve.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const CONSOLE = fileURLToPath(new URL('../../../console/', import.meta.url));
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'vite-precompress.ts'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export default function buildConsoleIfStale(): void {
  const built = join(CONSOLE, 'dist', 'index.html');
  const sources = Math.max(...SOURCES.map((s) => newestChange(join(CONSOLE, s))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  // A process of its own: Vitest sets NODE_ENV=test, which would give React's development build.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', join(CONSOLE, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
}
