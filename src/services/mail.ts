/**
 * @module Mail as the services see it: where links point, waking the outbox worker, who signs a
 * message (seed 000: the sender's alias and signature), and the dev mailbox — the outbox read back
 * when no SMTP server is configured, so mail stays readable in development.
 */
import type { Kysely } from 'kysely';
import { decodeCursor, page } from '../domain/cursor.js';
import { RosterError } from '../domain/errors.js';
import { communicationName } from '../domain/profile.js';
import { listOutbox } from '../db/queries/outbox.js';
import { findUserById } from '../db/queries/users.js';
import type { Database, OutboxRow, OutboxStatus } from '../db/schema.js';
import type { Sender } from '../mail/templates.js';
import { requirePermission, type Access, type Actor } from './access.js';

type Db = Kysely<Database>;

export interface MailSettings {
  publicUrl: string;
  /** Asks the outbox worker to run soon. */
  wake(): void;
  /** SMTP_URL is set: mail really leaves, and the dev mailbox is closed. */
  smtpConfigured?: boolean;
}

/**
 * How the actor signs an email: their communication name (alias first) and signature (seed 000), and
 * where replies go: their default sender address (seed 002), else their email. An API key signs with
 * its name and takes no replies.
 */
export async function senderOf(db: Db, actor: Actor): Promise<Sender & { replyTo: string | null }> {
  const user = actor.kind === 'api_key' ? undefined : await findUserById(db, actor.userId);
  if (!user) return { name: actor.displayName, signature: null, replyTo: null };
  const senderEmails = JSON.parse(user.sender_emails) as string[];
  return {
    name: communicationName({ username: user.username, firstName: user.first_name, lastName: user.last_name, displayName: user.display_name, alias: user.alias }),
    signature: user.signature,
    replyTo: senderEmails[0] ?? user.email,
  };
}

export interface MailboxMessage {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const toMailboxMessage = (r: OutboxRow): MailboxMessage => ({
  id: r.id, kind: r.kind, to: r.to_address, subject: r.subject, text: r.text, html: r.html,
  status: r.status, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at,
});

export function createMailboxService(db: Db, mail: Pick<MailSettings, 'smtpConfigured'>) {
  return {
    /** An organization's mail, newest first (settings.manage); only while no SMTP server is configured. */
    async list(access: Access, query: { to?: string; limit: number; cursor?: string }) {
      requirePermission(access, 'settings.manage');
      if (mail.smtpConfigured) {
        throw new RosterError('mailbox.smtp_configured', 'SMTP_URL is set: mail is delivered to the recipients, and the dev mailbox is closed');
      }
      const before = query.cursor ? decodeCursor(query.cursor, 1)[0] : undefined;
      const rows = await listOutbox(db, access.organizationId, { to: query.to?.trim(), before, limit: query.limit + 1 });
      const result = page(rows, query.limit, (r) => [r.id]);
      return { items: result.items.map(toMailboxMessage), nextCursor: result.nextCursor };
    },

    /** The whole instance's recent mail, for the operator's `roster mailbox`. */
    async recent(query: { to?: string; limit: number }): Promise<MailboxMessage[]> {
      return (await listOutbox(db, null, { to: query.to?.trim(), limit: query.limit })).map(toMailboxMessage);
    },
  };
}
