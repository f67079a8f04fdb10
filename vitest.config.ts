import { defineConfig } from 'vitest/config';

// Test files run in parallel, each on its own fresh database (see test/support/server.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
