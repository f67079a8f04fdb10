/**
 * @module Queries on password history: the hashes of a user's previous passwords, newest first, so a
 * policy can refuse to see one again. The current password is the user's own `password_hash`.
 */
import type { Kysely } from 'kysely';
import { newId } from '../ids.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** The hashes of the user's `limit` most recent previous passwords. */
export async function recentPasswordHashes(db: Db, userId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db.selectFrom('password_history').select('password_hash').where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => r.password_hash);
}

/** Keeps a replaced password's hash, and only the `keep` most recent of them. */
export async function pushPasswordHistory(db: Db, userId: string, passwordHash: string, at: string, keep: number): Promise<void> {
  await db.insertInto('password_history').values({ id: newId(), user_id: userId, password_hash: passwordHash, created_at: at }).execute();
  const stale = await db.selectFrom('password_history').select('id').where('user_id', '=', userId).orderBy('id', 'desc').offset(keep).limit(1000).execute();
  if (stale.length > 0) await db.deleteFrom('password_history').where('id', 'in', stale.map((r) => r.id)).execute();
}
