/**
 * Upgrading with several processes running (docs/deploy.md): `roster migrate`, and every `roster
 * serve` and `roster worker` at start, apply pending migrations. Started together on a fresh
 * database, as a rolling deployment may start them, each migration is applied exactly once and
 * every process succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { latestMigration } from '../../src/db/migrate.js';
import { roster } from '../support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

describe.each(DIALECTS)('roster migrate run by four processes at once on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(dialect); });
  afterAll(async () => { await db?.drop(); });

  it('applies every migration once, and every process succeeds', { timeout: 120_000 }, async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () => roster(['migrate'], { DATABASE_URL: db.url })));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    // Whichever process took the lock first applied them; the others found nothing left to do.
    const applied = runs.flatMap((r) => /^Applied: (.*)$/m.exec(r.stdout)?.[1]?.split(', ') ?? []);
    expect(applied.sort()).toEqual([...new Set(applied)].sort());
    expect(applied.at(-1) ?? '').not.toBe('');
    expect([...applied].sort().at(-1)).toBe(latestMigration());

    const database = openDatabase({ url: db.url, poolSize: 1 });
    try {
      const rows = await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute() as Array<{ name: string }>;
      expect(rows.map((r) => r.name).sort()).toEqual([...applied].sort());
    } finally {
      await database.close();
    }
  });
});
