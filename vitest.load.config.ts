import { defineConfig } from 'vitest/config';

// `npm run test:load`: the load and fault tests (test/load). They run their own PostgreSQL server,
// kill processes and restart that server, and measure latency, so they run one file at a time and
// apart from `npm test`.
export default defineConfig({
  test: {
    include: ['test/load/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
