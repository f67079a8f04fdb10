/**
 * `roster serve` runs under the same node flags however it is started (bin/roster.js's first line,
 * `npm start`, the deployment guide's unit file), and the benchmarks measure it under those flags.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../bench/lib.js';

describe('node flags of roster serve', () => {
  const flags = NODE_FLAGS.join(' ');

  it('bin/roster.js, npm start, the systemd unit in docs/deploy.md and the benchmarks agree', () => {
    expect(readFileSync('bin/roster.js', 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`node ${flags} bin/roster.js serve`);
    expect(readFileSync('docs/deploy.md', 'utf8')).toContain(`ExecStart=/usr/bin/node ${flags} bin/roster.js serve`);
  });
});
