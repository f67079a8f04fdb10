/**
 * @module The audit trail: every change is recorded with the actor's display name at that time, the
 * target and its before/after (seed 000 "lead history and logs"), inside the change's transaction.
 */
import type { Kysely } from 'kysely';
import { decodeCursor, page } from '../domain/cursor.js';
import type { AuditEvent, Page } from '../domain/types.js';
import { newId, now } from '../db/ids.js';
import { insertAuditEvents, listAuditEvents, toAuditEvent, type AuditFilter } from '../db/queries/audit-events.js';
import type { AuditEventRow, Database } from '../db/schema.js';
import type { Actor } from './access.js';

export interface AuditEntry {
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetDisplayName?: string | null;
  before?: unknown;
  after?: unknown;
}

export function auditRow(actor: Actor | null, e: AuditEntry): AuditEventRow {
  return {
    id: newId(),
    organization_id: e.organizationId,
    actor_user_id: actor?.userId ?? null,
    actor_display_name: actor?.displayName ?? 'system',
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    target_display_name: e.targetDisplayName ?? null,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    created_at: now(),
  };
}

export async function record(db: Kysely<Database>, actor: Actor | null, ...entries: AuditEntry[]): Promise<void> {
  await insertAuditEvents(db, entries.map((e) => auditRow(actor, e)));
}

export interface AuditQuery extends Omit<AuditFilter, 'before'> {
  cursor?: string;
}

export async function listEvents(db: Kysely<Database>, organizationId: string, query: AuditQuery): Promise<Page<AuditEvent>> {
  const before = query.cursor ? decodeCursor(query.cursor, 1)[0] : undefined;
  const rows = await listAuditEvents(db, organizationId, { ...query, before, limit: query.limit + 1 });
  const result = page(rows, query.limit, (r) => [r.id]);
  return { items: result.items.map(toAuditEvent), nextCursor: result.nextCursor };
}
