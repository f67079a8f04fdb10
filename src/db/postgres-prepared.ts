/**
 * @module Named (prepared) statements on PostgreSQL for the queries that ask for one. PostgreSQL
 * parses and plans an unnamed statement every time it runs, and for the statements of a sign-in
 * that was most of the database server's work (its query on organizations and terms: 0.4 ms of
 * server CPU a run unnamed, 0.05 ms prepared). A query asks by ending with `PREPARED`; it is then
 * parsed once per connection and, after a few runs, run on PostgreSQL's cached generic plan.
 * SQLite prepares every query anyway (sqlite-statement-cache.ts) and reads the marker as a comment.
 *
 * Only a query of fixed text (a bounded number of shapes) with explicit result columns should ask:
 * every text is a statement kept by every connection, and a cached plan whose result columns change
 * under it (`select *` from a table a migration widened) fails instead of planning again.
 */
import { createHash } from 'node:crypto';
import { sql, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import type pg from 'pg';

const MARKER = '/* prepared */';

/** Appended to a query (`sql\`… ${PREPARED}\``, or `.modifyEnd(PREPARED)` on a built one). */
export const PREPARED = sql.raw(MARKER);

/** The pool Kysely is given: statements that end with `PREPARED` are sent as named statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) names.set(text, (name = `roster_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`));
    return name;
  };
  // Kysely keeps its connection object per client, so each client keeps one wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  function wrap(client: pg.PoolClient): PostgresPoolClient {
    function query<R>(text: string, values: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(text: string | PostgresCursor<unknown>, values: ReadonlyArray<unknown> = []): Promise<unknown> | PostgresCursor<unknown> {
      // Kysely passes a cursor only to a dialect given a cursor class to stream with; Roster's is not.
      if (typeof text !== 'string') throw new Error('Streaming queries are not configured');
      return client.query(text.endsWith(MARKER) ? { name: nameOf(text), text, values: [...values] } : { text, values: [...values] });
    }
    return { query, release: () => client.release() };
  }
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
