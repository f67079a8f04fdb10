/**
 * @module Queries on terms documents and their acceptances. A scope is an organization's id, or null
 * for the instance's own terms; the current document of a scope is the one published last (ids are
 * UUIDv7, so the greatest id is the newest).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, TermsAcceptancesTable, TermsTable } from '../schema.js';

type Db = Kysely<Database>;

export type TermsRow = Selectable<TermsTable>;
export type TermsAcceptanceRow = Selectable<TermsAcceptancesTable>;

/** A document the user must have accepted, and when they did (null: not yet). */
export interface UserTermsRow {
  id: string;
  organization_id: string | null;
  organization_name: string | null;
  version: string;
  published_at: string;
  accepted_at: string | null;
  /** Present only when asked for: the check at sign-in does not need the text. */
  text?: string;
}

/** The documents of one scope: an organization's, or the instance's (null). */
function ofScope(db: Db, organizationId: string | null) {
  const q = db.selectFrom('terms').selectAll();
  return organizationId === null ? q.where('organization_id', 'is', null) : q.where('organization_id', '=', organizationId);
}

export async function currentTerms(db: Db, organizationId: string | null): Promise<TermsRow | undefined> {
  return ofScope(db, organizationId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function findTerms(db: Db, id: string): Promise<TermsRow | undefined> {
  return db.selectFrom('terms').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTermsVersion(db: Db, organizationId: string | null, version: string): Promise<TermsRow | undefined> {
  return ofScope(db, organizationId).where('version', '=', version).limit(1).executeTakeFirst();
}

export async function insertTerms(db: Db, row: TermsRow): Promise<void> {
  await db.insertInto('terms').values(row).execute();
}

/**
 * The current document of the instance and of every organization where the user is an active
 * member, each with the user's acceptance: one query, run at every sign-in.
 */
export async function currentTermsOfUser(db: Db, userId: string, withText = false): Promise<UserTermsRow[]> {
  const currentIds = db.selectFrom('terms as c')
    .select((eb) => eb.fn.max('c.id').as('id'))
    .where((eb) => eb.or([
      eb('c.organization_id', 'is', null),
      eb('c.organization_id', 'in', eb.selectFrom('members').select('organization_id').where('user_id', '=', userId).where('status', '=', 'active')),
    ]))
    .groupBy('c.organization_id');
  const rows = await db.selectFrom('terms as t')
    .leftJoin('terms_acceptances as a', (join) => join.onRef('a.terms_id', '=', 't.id').on('a.user_id', '=', userId))
    .leftJoin('organizations as o', 'o.id', 't.organization_id')
    .select(['t.id', 't.organization_id', 'o.name as organization_name', 't.version', 't.published_at', 'a.accepted_at'])
    .$if(withText, (q) => q.select('t.text'))
    .where('t.id', 'in', currentIds)
    .execute();
  // The instance's terms first, then by organization name; the databases order nulls differently.
  return rows.sort((a, b) => (a.organization_id === null ? -1 : b.organization_id === null ? 1
    : (a.organization_name ?? '').localeCompare(b.organization_name ?? '') || a.organization_id.localeCompare(b.organization_id)));
}

/** Records an acceptance; false when the user had accepted that document already. */
export async function insertAcceptance(db: Db, row: TermsAcceptanceRow): Promise<boolean> {
  const result = await db.insertInto('terms_acceptances').values(row)
    .onConflict((oc) => oc.columns(['user_id', 'terms_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
