/**
 * Named statements on PostgreSQL (src/db/postgres-prepared.ts): a query that ends with PREPARED is
 * parsed once per connection, other queries stay unnamed, and a migration that adds columns beside
 * a prepared query's does not break it (Roster processes of the previous version keep serving during
 * a rolling deploy). On SQLite the marker is only a comment.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { PREPARED } from '../../src/db/postgres-prepared.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`prepared statements on ${dialect}`, () => {
    let testDb: TestDatabase;
    let database: DatabaseHandle;
    beforeAll(async () => {
      testDb = await createTestDatabase(dialect);
      // One connection, so the statements it has prepared are the ones the test looks at.
      database = openDatabase({ url: testDb.url, poolSize: 1 });
      await migrateToLatest(database.db);
    });
    afterAll(async () => {
      await database?.close();
      await testDb?.drop();
    });

    const named = async () => (dialect === 'postgres'
      ? (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(database.db)).rows
      : []);

    it('a query that asks for it answers the same as any other, run again and again', async () => {
      for (let i = 0; i < 8; i++) {
        const { rows } = await sql<{ n: number }>`select ${i} + 1 as n ${PREPARED}`.execute(database.db);
        expect(Number(rows[0]?.n)).toBe(i + 1);
      }
    });

    // Named statements exist on PostgreSQL only: SQLite prepares every query anyway.
    if (dialect === 'postgres') {
      it('a query that ends with PREPARED is one named statement per connection; others stay unnamed', async () => {
        await sql`select count(*) as n from organizations where name = ${'a'} ${PREPARED}`.execute(database.db);
        await sql`select count(*) as n from organizations where name = ${'b'} ${PREPARED}`.execute(database.db);
        await sql`select count(*) as n from organizations where name = ${'c'}`.execute(database.db);
        const statements = (await named()).filter((s) => s.statement.includes('from organizations where name'));
        expect(statements).toHaveLength(1);
        expect(statements[0]!.name).toMatch(/^roster_[0-9a-f]{32}$/);
        expect(statements[0]!.statement.endsWith('/* prepared */')).toBe(true);
      });

      it('a prepared query keeps working after a migration adds a column to its table', async () => {
        const count = () => sql<{ n: string }>`select count(*) as n from organizations where name = ${'x'} ${PREPARED}`.execute(database.db);
        for (let i = 0; i < 6; i++) await count();
        await sql`alter table organizations add column later_setting text`.execute(database.db);
        expect(Number((await count()).rows[0]?.n)).toBe(0);
      });
    }
  });
}
