/**
 * @module Queries on API keys. Only the SHA-256 of a key's secret is stored; the public prefix finds
 * the row. Lists are keyset-paginated on the time-ordered id.
 */
import { announceChange } from '../change-notices.js';
import type { Kysely } from 'kysely';
import type { ApiKeyRow, Database } from '../schema.js';

type Db = Kysely<Database>;

export async function insertApiKey(db: Db, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

/** Keys not revoked, oldest first; expired ones are listed so they can be seen and revoked. */
export async function listApiKeys(db: Db, organizationId: string, f: { after?: string; limit: number }): Promise<ApiKeyRow[]> {
  let q = db.selectFrom('api_keys').selectAll().where('organization_id', '=', organizationId).where('revoked_at', 'is', null);
  if (f.after) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit).execute();
}

export async function findApiKey(db: Db, organizationId: string, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
}

/** A key's row, with whether the person its access is bounded by is a super admin (null: no such person). */
export type ApiKeyWithCreator = ApiKeyRow & { creator_super_admin: number | null };

/** The one lookup that is not tenant-scoped: a bearer key names its organization only through its row. */
export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyWithCreator | undefined> {
  return db.selectFrom('api_keys').leftJoin('users', 'users.id', 'api_keys.creator_user_id')
    .selectAll('api_keys').select('users.super_admin as creator_super_admin')
    .where('api_keys.prefix', '=', prefix).executeTakeFirst();
}

export async function revokeApiKey(db: Db, organizationId: string, id: string, revokedAt: string): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: revokedAt }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
  await announceChange(db, 'api_key', [id]);
}

/** Marks the key used unless another request (of any process) did so since `staleBefore`. */
export async function touchApiKey(db: Db, id: string, usedAt: string, staleBefore: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: usedAt }).where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)])).execute();
}
