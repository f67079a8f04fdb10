/**
 * @module Queries on the audit trail. Events are written inside the transaction of the change they
 * describe and listed newest first; ids are time-ordered, so the id alone is the keyset.
 */
import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../domain/types.js';
import type { AuditEventRow, Database } from '../schema.js';

type Db = Kysely<Database>;

export interface AuditFilter {
  actorUserId?: string;
  targetId?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: string;
  limit: number;
}

export async function insertAuditEvents(db: Db, rows: AuditEventRow[]): Promise<void> {
  // Bulk actions write one event per member; chunks keep under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_events').values(rows.slice(i, i + 500)).execute();
}

export async function listAuditEvents(db: Db, organizationId: string, f: AuditFilter): Promise<AuditEventRow[]> {
  let q = db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId);
  if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    actorUserId: row.actor_user_id,
    actorDisplayName: row.actor_display_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetDisplayName: row.target_display_name,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    createdAt: row.created_at,
  };
}
