/**
 * @module Runs a unit of work in one transaction and turns constraint violations into domain errors
 * on the way out, so every service gets the same translation.
 */
import type { Kysely, Transaction } from 'kysely';
import { translateConstraintError } from './constraint-errors.js';
import type { Database } from './schema.js';

export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    throw translateConstraintError(error);
  }
}
