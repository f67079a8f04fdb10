/**
 * @module Writing mail to the outbox. Always called inside the transaction of the change that causes
 * the email, so the change and its email commit together or not at all.
 */
import type { Kysely } from 'kysely';
import { newId, now } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import type { Rendered } from './templates.js';

export interface OutgoingMail extends Rendered {
  organizationId: string | null;
  kind: 'invitation' | 'bounce_notice' | 'password_reset' | 'welcome' | 'notice';
  to: string;
  replyTo?: string | null;
  relatedId?: string | null;
}

export function outboxRow(m: OutgoingMail, at = now()) {
  return {
    id: newId(), organization_id: m.organizationId, kind: m.kind, to_address: m.to, subject: m.subject, text: m.text, html: m.html,
    reply_to: m.replyTo ?? null, related_id: m.relatedId ?? null, status: 'pending' as const, attempts: 0, next_attempt_at: at,
    locked_by: null, locked_until: null, last_error: null, created_at: at, sent_at: null,
  };
}

export async function enqueueMail(db: Kysely<Database>, ...mails: OutgoingMail[]): Promise<void> {
  const at = now();
  const rows = mails.map((m) => outboxRow(m, at));
  // Chunks keep each insert under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('outbox').values(rows.slice(i, i + 200)).execute();
}
