/**
 * @module Reading the outbox as a mailbox: one organization's messages, or (for the operator's
 * `roster mailbox`) the instance's, newest first.
 */
import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from '../schema.js';

type Db = Kysely<Database>;

export function listOutbox(db: Db, organizationId: string | null, f: { to?: string; before?: string; limit: number }): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (organizationId !== null) q = q.where('organization_id', '=', organizationId);
  if (f.to) q = q.where((eb) => eb(eb.fn('lower', ['to_address']), '=', f.to!.toLowerCase()));
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
