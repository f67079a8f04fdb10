/**
 * @module A cache of rows read on every request (a session and its user, an API key), so an
 * authenticated request costs no database round trip. Each entry is tagged with the rows it was
 * built from (`user:<id>`, `session:<id>`, `api_key:<id>`); a change notice about one of them
 * (db/change-notices.ts: from this process at once and after commit, from other processes by
 * NOTIFY) drops the entry. A load that overlapped any notice is not kept, since it may have read the
 * row before the change committed.
 *
 * Trust is bounded in time as well: on PostgreSQL while the LISTEN connection is down an entry is
 * served for at most `untrustedTtlMs`, and always for at most `ttlMs`, which bounds what a change
 * made without a notice (another program writing to a SQLite file) can go unseen.
 */
import { onChange, parseChangeNotice, CHANGES_CHANNEL, type ChangedKind, type ChangeNotice } from '../db/change-notices.js';
import type { Kysely } from 'kysely';
import type { NotifyListener } from '../db/notify-listener.js';
import type { Database } from '../db/schema.js';

export interface RowCacheOptions {
  /** Where the rows are written: the cache hears of every write made through it. */
  db: Kysely<Database>;
  listener?: NotifyListener | null;
  ttlMs?: number;
  untrustedTtlMs?: number;
  /** At most this many entries; the oldest goes first. */
  max?: number;
}

interface Entry<V> {
  value: V;
  loadedAt: number;
  tags: readonly string[];
}

export type Tag = `${ChangedKind}:${string}`;

export function createRowCache<V>(options: RowCacheOptions) {
  const entries = new Map<string, Entry<V>>();
  const byTag = new Map<string, Set<string>>();
  const ttlMs = options.ttlMs ?? 60_000;
  const untrustedTtlMs = options.untrustedTtlMs ?? 500;
  const max = options.max ?? 100_000;
  const listener = options.listener ?? null;
  /** Bumped by every notice: a load that saw it change may hold a row from before a write. */
  let epoch = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  }

  function clear(): void {
    epoch++;
    entries.clear();
    byTag.clear();
  }

  function forget(notice: ChangeNotice): void {
    epoch++;
    if (notice.ids === null) return clear();
    for (const id of notice.ids) {
      const keys = byTag.get(`${notice.kind}:${id}`);
      if (keys) for (const key of [...keys]) remove(key);
    }
  }

  const unsubscribe = onChange(options.db, forget);
  listener?.on(CHANGES_CHANNEL, (payload) => {
    const notice = parseChangeNotice(payload);
    if (notice) forget(notice);
  });
  listener?.onReset(clear);

  return {
    /** The cached value while it may be trusted, else undefined. */
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const age = Date.now() - entry.loadedAt;
      if (age < ttlMs && (!listener || listener.listening || age < untrustedTtlMs)) return entry.value;
      remove(key);
      return undefined;
    },

    /** Reads through `load` and keeps a non-null result under `key`, tagged with the rows it came from. */
    async load<T extends V | null>(key: string, load: () => Promise<{ value: T; tags: readonly Tag[] }>): Promise<T> {
      const before = epoch;
      const { value, tags } = await load();
      if (value !== null && epoch === before) {
        remove(key);
        if (entries.size >= max) remove(entries.keys().next().value as string);
        entries.set(key, { value, loadedAt: Date.now(), tags });
        for (const tag of tags) {
          let keys = byTag.get(tag);
          if (!keys) byTag.set(tag, (keys = new Set()));
          keys.add(key);
        }
      }
      return value;
    },

    /** Drops one entry, e.g. one found expired. */
    remove,
    /** Stops hearing this process's notices (the app is closing). */
    close(): void {
      unsubscribe();
      clear();
    },
  };
}

export type RowCache<V> = ReturnType<typeof createRowCache<V>>;
