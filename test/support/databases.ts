/**
 * @module Fresh databases for tests: a temporary SQLite file, or a new PostgreSQL database created
 * for one test file and dropped afterwards, so test files run in parallel without sharing state.
 * PostgreSQL is required: a test that needs it fails when it is missing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

/** Every API test runs on both; ROSTER_TEST_DIALECTS narrows it for a quick local run. */
export const DIALECTS: TestDialect[] = (process.env.ROSTER_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',').map((d) => d.trim()).filter((d): d is TestDialect => d === 'sqlite' || d === 'postgres');

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'roster-test-'));
    return { url: join(dir, 'roster.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `roster_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
