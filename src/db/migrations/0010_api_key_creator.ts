/**
 * @module The person whose access bounds an API key: its creator, or for a key made by another key,
 * the person behind that key. A key acts with its own permissions only as far as that person holds
 * them now in the key's organization (services/api-keys.ts), so the column is filled for every
 * existing key: keys made by people first, then keys made by keys, one generation at a time.
 */
import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('creator_user_id', 'varchar(36)').execute();
  await sql`update api_keys set creator_user_id = created_by where created_by in (select id from users)`.execute(db);
  for (;;) {
    const result = await sql`
      update api_keys set creator_user_id = (select parent.creator_user_id from api_keys parent where parent.id = api_keys.created_by)
      where creator_user_id is null and created_by in (select id from api_keys where creator_user_id is not null)`.execute(db);
    if (!result.numAffectedRows) break;
  }
  // A key whose maker can not be traced keeps a null creator and acts with no permissions.
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('creator_user_id').execute();
}
