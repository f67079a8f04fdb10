/**
 * @module Runs a unit of work in one transaction and turns constraint violations into domain errors
 * on the way out, so every service gets the same translation. Once it has ended, the caches hear
 * again of the rows it changed (db/change-notices.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { beginTransactionNotices, runAfterCommit } from './change-notices.js';
import { translateConstraintError } from './constraint-errors.js';
import type { Database } from './schema.js';

export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let transaction: object | null = null;
  try {
    return await db.transaction().execute((trx) => {
      transaction = trx;
      beginTransactionNotices(trx);
      return work(trx);
    });
  } catch (error) {
    throw translateConstraintError(error);
  } finally {
    // After a rollback too: telling a cache to forget rows that did not change costs one reload.
    if (transaction) runAfterCommit(transaction);
  }
}
