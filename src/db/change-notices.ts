/**
 * @module Every write to a user, a session or an API key says so here, from the query that makes it,
 * so the in-memory caches of those rows (services/session-cache.ts, the API key cache) can not miss
 * one whichever service wrote. A notice reaches this process's listeners at once and again when the
 * transaction that made the write has committed (a read that overlapped the write could otherwise
 * cache the old row), and on PostgreSQL it is also sent with NOTIFY in the same transaction, so
 * other Roster processes hear it exactly when the write becomes visible. The one write without a
 * notice is the sweep of sessions that have ended (queries/sessions.ts): the caches refuse those by
 * their times already, and naming up to a thousand ids would empty every process's cache.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';

export const CHANGES_CHANNEL = 'roster_changes';

export type ChangedKind = 'user' | 'session' | 'api_key';

/** Rows of one kind that changed, by id; `ids: null` when too many to name (every row of the kind). */
export interface ChangeNotice {
  kind: ChangedKind;
  ids: readonly string[] | null;
}

type Listener = (notice: ChangeNotice) => void;

/**
 * Listeners per database handle. A transaction shares its database's adapter object, so the adapter
 * says which handle a write went through; two Roster apps in one process (tests) on two handles
 * then hear each other only through PostgreSQL, as two processes would.
 */
const listenersOf = new WeakMap<object, Set<Listener>>();
const keyOf = (db: Kysely<Database>): object => db.getExecutor().adapter;
const afterCommit = new WeakMap<object, (() => void)[]>();

/** NOTIFY payloads are limited to 8000 bytes; a longer list becomes "all of this kind". */
const MAX_PAYLOAD = 7000;

/** Subscribes to the notices of writes made through `db` (other processes' arrive by LISTEN, `parseChangeNotice`); returns the unsubscribe. */
export function onChange(db: Kysely<Database>, listener: Listener): () => void {
  const key = keyOf(db);
  let listeners = listenersOf.get(key);
  if (!listeners) listenersOf.set(key, (listeners = new Set()));
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Tells the caches on `db` that rows changed; writes outside the query modules (tests) call it themselves. */
export function tell(db: Kysely<Database>, notice: ChangeNotice): void {
  for (const listener of listenersOf.get(keyOf(db)) ?? []) listener(notice);
}

/** Called by `inTransaction` once its transaction has ended: the deferred half of each notice. */
export function runAfterCommit(trx: object): void {
  const pending = afterCommit.get(trx);
  afterCommit.delete(trx);
  for (const run of pending ?? []) run();
}

/** Starts collecting the deferred notices of a transaction. */
export function beginTransactionNotices(trx: object): void {
  afterCommit.set(trx, []);
}

/** Tells this process's caches now (and after commit) and gives the NOTIFY payload for other processes. */
export function noticeOf(db: Kysely<Database>, kind: ChangedKind, ids: readonly string[]): string {
  const payload = JSON.stringify({ kind, ids });
  const notice: ChangeNotice = payload.length > MAX_PAYLOAD ? { kind, ids: null } : { kind, ids };
  tell(db, notice);
  afterCommit.get(db)?.push(() => tell(db, notice));
  return notice.ids === null ? JSON.stringify(notice) : payload;
}

/** Announces a write just made through `db` (inside its transaction, when it is one). */
export async function announceChange(db: Kysely<Database>, kind: ChangedKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const payload = noticeOf(db, kind, ids);
  if (isPostgres(db)) await sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`.execute(db);
}

/** A notice another process sent; null for anything malformed, which is then ignored. */
export function parseChangeNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as { kind?: unknown; ids?: unknown };
    const kinds: readonly unknown[] = ['user', 'session', 'api_key'];
    if (!kinds.includes(value.kind)) return null;
    if (value.ids !== null && !(Array.isArray(value.ids) && value.ids.every((id) => typeof id === 'string'))) return null;
    return { kind: value.kind as ChangedKind, ids: value.ids as string[] | null };
  } catch {
    return null;
  }
}
