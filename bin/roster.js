#!/usr/bin/env -S node --single-threaded-gc
// Entry point of the `roster` command: runs the compiled CLI (`npm run build` produces dist/).
import('../dist/cli/index.js').then((cli) => cli.main(process.argv.slice(2))).then(
  (code) => { if (typeof code === 'number') process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 1; },
);
