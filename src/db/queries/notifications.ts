/**
 * @module Queries for organization notices: the addresses of the active members they may go to.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Each active member's user id and email address. */
export async function activeMemberAddresses(db: Db, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('members as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email']).where('m.organization_id', '=', organizationId).where('m.status', '=', 'active').execute();
  return new Map(rows.map((r) => [r.user_id, r.email]));
}
