import { defineConfig } from 'vitest/config';

// Test files run in parallel, each on its own fresh database (see test/support/server.ts). The load
// and fault tests (test/load) are `npm run test:load`, with a configuration of their own.
// The browser tests are a project of their own: they need the console built first (globalSetup),
// and a browser per file is heavier than an API test, so they get longer limits.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      { extends: true, test: { name: 'server', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/load/**', '**/node_modules/**'] } },
      {
        extends: true,
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/support/build-console.ts'],
          testTimeout: 120_000, hookTimeout: 180_000,
        },
      },
    ],
  },
});
