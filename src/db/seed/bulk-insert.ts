/**
 * @module Writes many rows fast, below Kysely: `roster seed` inserts a million users, and building a
 * query tree per row would cost more than the database does.
 * - SQLite: one prepared INSERT run per row inside large transactions (better-sqlite3 is synchronous,
 *   so a row costs a few microseconds of the statement itself).
 * - PostgreSQL: one `INSERT … SELECT * FROM unnest($1::text[], $2::int[], …)` per batch: a
 *   parameter per column, however many rows, the nearest a plain query gets to COPY.
 * Rows are arrays in the order of `columns`; the database's constraints, indexes and triggers apply
 * as to any other insert.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';

export type ColumnType = 'text' | 'int';

export interface BulkTable {
  name: string;
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
}

export type Cell = string | number | null;

export interface BulkWriter {
  /** Queues rows; they are written when a batch fills up, and by `flush`. */
  add(table: BulkTable, row: Cell[]): Promise<void>;
  /** Writes and commits everything queued. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Rows per PostgreSQL INSERT and per SQLite transaction. */
const BATCH = { postgres: 5_000, sqlite: 50_000 };

export function openBulkWriter(url: string): BulkWriter {
  return /^postgres(ql)?:\/\//.test(url) ? postgresWriter(url) : sqliteWriter(url);
}

function sqliteWriter(file: string): BulkWriter {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // A crash mid-seed leaves a database to throw away anyway: no waiting for the disk on each commit.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The default 2 MB page cache would spill the growing indexes to disk over and over.
  sqlite.pragma('cache_size = -524288');
  const statements = new Map<string, SQLite.Statement>();
  const queued: Array<[SQLite.Statement, Cell[]]> = [];
  const writeAll = sqlite.transaction((rows: Array<[SQLite.Statement, Cell[]]>) => {
    for (const [statement, row] of rows) statement.run(row);
  });
  const flush = async () => {
    writeAll(queued);
    queued.length = 0;
  };
  return {
    async add(table, row) {
      let statement = statements.get(table.name);
      if (!statement) {
        const names = table.columns.map(([n]) => n);
        statement = sqlite.prepare(`insert into ${table.name} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
        statements.set(table.name, statement);
      }
      queued.push([statement, row]);
      if (queued.length >= BATCH.sqlite) await flush();
    },
    flush,
    async close() {
      await flush();
      sqlite.close();
    },
  };
}

function postgresWriter(url: string): BulkWriter {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  // Rows are queued per table and tables written in the order they were first used, so a row is
  // always written after the rows it references (users before members before group members).
  const queued = new Map<BulkTable, Cell[][]>();
  const write = async (table: BulkTable, rows: Cell[][]) => {
    if (rows.length === 0) return;
    const names = table.columns.map(([n]) => n);
    const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type === 'int' ? 'integer' : 'text'}[]`);
    const values = table.columns.map((_, i) => rows.map((r) => r[i] ?? null));
    await client.query(`insert into ${table.name} (${names.join(', ')}) select * from unnest(${arrays.join(', ')})`, values);
  };
  const flush = async () => {
    await connected;
    for (const [table, rows] of queued) {
      await write(table, rows);
      queued.set(table, []);
    }
  };
  return {
    async add(table, row) {
      let rows = queued.get(table);
      if (!rows) queued.set(table, (rows = []));
      rows.push(row);
      if (rows.length >= BATCH.postgres) await flush();
    },
    flush,
    async close() {
      await flush();
      await client.end();
    },
  };
}
