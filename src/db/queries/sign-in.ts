/**
 * @module What a sign-in reads about the user's organizations, in one statement (each statement is
 * a round trip on PostgreSQL): the settings of every organization where the user is an active
 * member (password policy, session timeouts), and whether a current terms document, the
 * instance's or one of those organizations', still waits for the user's acceptance.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { OrganizationSettings } from '../../domain/types.js';
import { PREPARED } from '../postgres-prepared.js';
import type { Database } from '../schema.js';
import { parseSettings } from './organizations.js';

export interface SignInOrganizations {
  settings: OrganizationSettings[];
  /** A current terms document the user has not accepted (the rule of `currentTermsOfUser`). */
  termsToAccept: boolean;
}

/**
 * Whether the current document of a scope (the latest published: ids are UUIDv7) is not accepted
 * by the user; false when the scope has no terms.
 */
const unaccepted = (userId: string, scope: RawBuilder<unknown>) => sql`exists (
  select 1 from terms t
  where t.id = (select max(c.id) from terms c where ${scope})
    and not exists (select 1 from terms_acceptances a where a.terms_id = t.id and a.user_id = ${userId}))`;

/**
 * Written as SQL rather than built: this runs on every sign-in, and building it cost more than
 * running it on SQLite. Prepared on PostgreSQL, where planning it cost several times running it.
 */
export async function signInOrganizations(db: Kysely<Database>, userId: string): Promise<SignInOrganizations> {
  const { rows } = await sql<{ settings: string | null; terms_pending: boolean | number }>`
    select o.settings, ${unaccepted(userId, sql`c.organization_id = o.id`)} as terms_pending
    from organizations o
    where o.id in (select m.organization_id from members m where m.user_id = ${userId} and m.status = 'active')
    union all
    select null, ${unaccepted(userId, sql`c.organization_id is null`)} ${PREPARED}`.execute(db);
  return {
    settings: rows.flatMap((r) => (r.settings === null ? [] : [parseSettings(r.settings)])),
    // SQLite answers 0 or 1, PostgreSQL false or true.
    termsToAccept: rows.some((r) => Boolean(r.terms_pending)),
  };
}
