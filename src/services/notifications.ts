/**
 * @module Organization notices by email (seed 001: invoices, payment notices and reports reach "any
 * user associated with an account", and an accounting address added for them). A notice goes to
 * every active member, or only to the active members holding a permission: a billing contact whose
 * role grants `billing.notices` and nothing else receives the billing notices and nothing more.
 * Who holds the permission is decided as for any check (compileMember, decide) over the whole
 * organization, loaded in a few queries; one email a recipient, all queued in one transaction.
 */
import type { Kysely } from 'kysely';
import { compileMember, decide } from '../domain/access-model.js';
import { RosterError } from '../domain/errors.js';
import { newId } from '../db/ids.js';
import { loadMemberModels, loadOrganizationModel } from '../db/queries/access.js';
import { activeMemberAddresses } from '../db/queries/notifications.js';
import { findOrganization } from '../db/queries/organizations.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { enqueueMail, type OutgoingMail } from '../mail/outbox.js';
import { noticeMail } from '../mail/templates.js';
import { requirePermission, type Access } from './access.js';
import { record } from './audit.js';
import { assertKnownPermissions } from './catalog.js';
import type { MailSettings } from './mail.js';

type Db = Kysely<Database>;

export interface NoticeInput {
  subject: string;
  body: string;
  /** Only the active members who hold this permission; every active member when left out. */
  permission?: string;
}

export function createNotificationService(db: Db, mail: Pick<MailSettings, 'wake'>) {
  return {
    /** Queues the notice to each recipient; answers how many emails were queued. */
    async send(access: Access, input: NoticeInput): Promise<{ queued: number }> {
      requirePermission(access, 'notifications.send');
      const subject = input.subject.trim();
      const body = input.body.trim();
      if (!subject) throw new RosterError('request.invalid', 'A notice needs a subject', 'body.subject');
      if (!body) throw new RosterError('request.invalid', 'A notice needs a body', 'body.body');
      const queued = await inTransaction(db, async (trx) => {
        const permission = input.permission === undefined ? null : (await assertKnownPermissions(trx, access.organizationId, [input.permission], 'body.permission'))[0]!;
        const addresses = await activeMemberAddresses(trx, access.organizationId);
        let recipients = [...addresses.keys()];
        if (permission !== null) {
          const org = await loadOrganizationModel(trx, access.organizationId);
          const models = org ? await loadMemberModels(trx, access.organizationId, { status: 'active' }) : [];
          recipients = models.filter((m) => org && decide(compileMember(org, m), permission).allowed).map((m) => m.userId);
        }
        const organization = (await findOrganization(trx, access.organizationId))?.name ?? '';
        const noticeId = newId();
        const rendered = noticeMail({ organization, subject, body });
        const mails = recipients.flatMap((userId): OutgoingMail[] => {
          const to = addresses.get(userId);
          return to ? [{ organizationId: access.organizationId, kind: 'notice', to, relatedId: noticeId, ...rendered }] : [];
        });
        // In slices: spreading 100,000 mails into one call would overflow the stack.
        for (let i = 0; i < mails.length; i += 1000) await enqueueMail(trx, ...mails.slice(i, i + 1000));
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'notification.sent', targetType: 'notification', targetId: noticeId, targetDisplayName: subject,
          after: { subject, permission, recipients: mails.length },
        });
        return mails.length;
      });
      if (queued > 0) mail.wake();
      return { queued };
    },
  };
}
