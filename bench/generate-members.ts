/**
 * @module Adds many generated members to one existing organization, for benchmarks that sign up
 * their own owner first (bench/console.ts). The people come from `roster seed`'s generator
 * (src/db/seed/people.ts); whole databases of organizations are `roster seed`'s job.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { newId, now } from '../src/db/ids.js';
import type { Database } from '../src/db/schema.js';
import { DEFAULT_SEED } from '../src/db/seed/seed.js';
import { people } from '../src/db/seed/people.js';

export interface GenerateOptions {
  organizationId: string;
  /** Recorded as the admin who added each member. */
  addedBy: string;
  count: number;
  /** One argon2 hash shared by every generated user. */
  passwordHash: string;
}

export interface GeneratedMembers {
  inserted: number;
  milliseconds: number;
  roles: Record<string, number>;
  statuses: Record<string, number>;
}

/** Users and members in multi-row inserts of 1,000 (under both databases' parameter limits), one transaction. */
export async function generateMembers(db: Kysely<Database>, options: GenerateOptions): Promise<GeneratedMembers> {
  const started = performance.now();
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma cache_size = -262144`.execute(db);
  const made = people(DEFAULT_SEED.seed);
  const at = now();
  const roles: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    for (let done = 0; done < options.count; done += 1000) {
      const batch = Array.from({ length: Math.min(1000, options.count - done) }, () => ({ id: newId(), p: made.next() }));
      await trx.insertInto('users').values(batch.map(({ id, p }) => ({
        id, username: p.username, username_key: p.username.toLowerCase(), email: p.email, email_key: p.email.toLowerCase(),
        password_hash: options.passwordHash, first_name: p.firstName, last_name: p.lastName, alias: p.alias, phone: p.phone,
        sender_emails: '[]', super_admin: 0, last_login_at: p.signedIn ? at : null, created_at: at, updated_at: at,
      }))).execute();
      await trx.insertInto('members').values(batch.map(({ id, p }) => {
        roles[p.role] = (roles[p.role] ?? 0) + 1;
        statuses[p.active ? 'active' : 'inactive'] = (statuses[p.active ? 'active' : 'inactive'] ?? 0) + 1;
        return {
          organization_id: options.organizationId, user_id: id, role: p.role, status: p.active ? 'active' as const : 'inactive' as const,
          username_key: p.username.toLowerCase(), email_key: p.email.toLowerCase(), first_name_key: p.firstName.toLowerCase(),
          last_name_key: p.lastName.toLowerCase(), added_by: options.addedBy, added_via: p.addedVia, deactivated_at: p.active ? null : at,
          created_at: at, updated_at: at,
        };
      })).execute();
    }
  });
  return { inserted: options.count, milliseconds: Math.round(performance.now() - started), roles, statuses };
}
