/**
 * @module Queries on password reset tokens. Only a hash of each token is stored.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PasswordResetsTable } from '../schema.js';

type Db = Kysely<Database>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;

export async function insertPasswordReset(db: Db, row: Insertable<PasswordResetsTable>): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

export async function findPasswordResetByTokenHash(db: Db, tokenHash: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** How many of the user's links could still be used at `at`. */
export async function countLivePasswordResets(db: Db, userId: string, at: string): Promise<number> {
  const row = await db.selectFrom('password_resets').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', at).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one link used; false when another request used it first (single use under concurrency). */
export async function claimPasswordReset(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('password_resets').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every other link of the user once one of them has set the password. */
export async function retirePasswordResets(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
