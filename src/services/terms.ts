/**
 * @module Terms (seed 002: "The very first time a new user account is logged into, you will be
 * presented with the … end user license agreement. The new user must accept the terms to continue"):
 * the instance and each organization publish versions of their terms; a user who has not accepted
 * the current version of every document that applies to them (the instance's, and those of the
 * organizations where they are an active member) gets the required action `accept_terms` at sign-in,
 * and can only read, accept, decline or sign out until every one is accepted.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { newId, now } from '../db/ids.js';
import { deleteSession, listUserSessions, setPendingActions } from '../db/queries/sessions.js';
import {
  currentTerms, currentTermsOfUser, findTerms, findTermsVersion, insertAcceptance, insertTerms, type TermsRow, type UserTermsRow,
} from '../db/queries/terms.js';
import { updateUser } from '../db/queries/users.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { requirePermission, type Access, type Actor } from './access.js';
import { record } from './audit.js';
import type { RequiredAction, RequiredActions } from './required-actions.js';
import type { ResolvedSession } from './sessions.js';
import { actorOf } from './users.js';

type Db = Kysely<Database>;

export interface TermsDocument {
  id: string;
  /** null: the instance's own terms, which every user accepts. */
  organizationId: string | null;
  version: string;
  text: string;
  publishedAt: string;
  publishedBy: string | null;
}

/** A document the signed-in user must accept, and whether they have. */
export interface MyTerms extends Omit<TermsDocument, 'publishedBy'> {
  organizationName: string | null;
  accepted: boolean;
  acceptedAt: string | null;
}

/** Which document to accept: by id, or by the version of a scope (organizationId null: the instance's). */
export type TermsChoice = { termsId: string } | { version: string; organizationId: string | null };

const toDocument = (row: TermsRow): TermsDocument => ({
  id: row.id, organizationId: row.organization_id, version: row.version, text: row.text, publishedAt: row.published_at, publishedBy: row.published_by,
});

const toMine = (row: UserTermsRow): MyTerms => ({
  id: row.id, organizationId: row.organization_id, organizationName: row.organization_name, version: row.version, text: row.text ?? '',
  publishedAt: row.published_at, accepted: row.accepted_at !== null, acceptedAt: row.accepted_at,
});

const ACTION: RequiredAction = 'accept_terms';

export function createTermsService(db: Db, requiredActions: RequiredActions) {
  // The sign-in reads whether a current document waits, with its other questions (db/queries/sign-in.ts).
  requiredActions.register(async (_user, context) => ((await context.organizations).termsToAccept ? ACTION : null));

  async function publishIn(actor: Actor, organizationId: string | null, input: { version: string; text: string }): Promise<TermsDocument> {
    const version = input.version.trim();
    return inTransaction(db, async (trx) => {
      const current = await currentTerms(trx, organizationId);
      // Publishing what is already current changes nothing (PUT is repeatable).
      if (current && current.version === version && current.text === input.text) return toDocument(current);
      // People accepted a version as it read: its text never changes, a change is a new version.
      if (await findTermsVersion(trx, organizationId, version)) {
        throw new RosterError('terms.version_taken', `Version "${version}" was published already; publish the change as a new version`, 'body.version');
      }
      const row: TermsRow = { id: newId(), organization_id: organizationId, version, text: input.text, published_by: actor.userId, published_at: now() };
      await insertTerms(trx, row);
      await record(trx, actor, {
        organizationId, action: 'terms.published', targetType: 'terms', targetId: row.id, targetDisplayName: `Terms ${version}`,
        before: current ? { version: current.version } : null, after: { version },
      });
      return toDocument(row);
    });
  }

  async function current(organizationId: string | null): Promise<TermsDocument> {
    const row = await currentTerms(db, organizationId);
    if (!row) throw new RosterError('terms.not_found', organizationId === null ? 'This instance has published no terms' : 'This organization has published no terms');
    return toDocument(row);
  }

  /**
   * Once nothing is left to accept, no session of the user waits for it any more; their other
   * required actions (a password change) stay. Returns the given session's actions afterwards.
   */
  async function settle(trx: Db, session: ResolvedSession, documents: UserTermsRow[]): Promise<RequiredAction[]> {
    const sessions = await listUserSessions(trx, session.user.id);
    const own = sessions.find((s) => s.id === session.sessionId);
    const ownActions = own ? (JSON.parse(own.pending_actions) as RequiredAction[]) : session.pendingActions;
    if (documents.some((d) => d.accepted_at === null)) return ownActions;
    const byActions = new Map<string, string[]>();
    for (const s of sessions) {
      const actions = JSON.parse(s.pending_actions) as RequiredAction[];
      if (!actions.includes(ACTION)) continue;
      const key = JSON.stringify(actions.filter((a) => a !== ACTION));
      byActions.set(key, [...(byActions.get(key) ?? []), s.id]);
    }
    for (const [actions, ids] of byActions) await setPendingActions(trx, ids, JSON.parse(actions) as string[]);
    return ownActions.filter((a) => a !== ACTION);
  }

  return {
    /** An organization publishes a version of its terms (settings.manage). */
    async publish(access: Access, input: { version: string; text: string }): Promise<TermsDocument> {
      requirePermission(access, 'settings.manage');
      return publishIn(access.actor, access.organizationId, input);
    },

    /** The instance's terms, which every user accepts: super admins only. */
    async publishForInstance(actor: Actor, input: { version: string; text: string }): Promise<TermsDocument> {
      if (!actor.superAdmin) throw new RosterError('auth.forbidden', 'Only super admins publish the instance\'s terms');
      return publishIn(actor, null, input);
    },

    /** An organization's current terms, for any of its members. */
    current: (access: Access) => current(access.organizationId),

    /** The instance's current terms, for anyone (a sign-up page shows them). */
    currentForInstance: () => current(null),

    /** Every current document the user must accept, each marked accepted or not. */
    async listMine(session: ResolvedSession): Promise<{ items: MyTerms[]; requiredActions: RequiredAction[] }> {
      const documents = await currentTermsOfUser(db, session.user.id, true);
      // A document that asked for acceptance may have stopped applying (a membership ended):
      // with nothing left to accept, the session must not stay locked.
      const requiredActions = session.pendingActions.includes(ACTION) && documents.every((d) => d.accepted_at !== null)
        ? await inTransaction(db, (trx) => settle(trx, session, documents))
        : session.pendingActions;
      return { items: documents.map(toMine), requiredActions };
    },

    async accept(session: ResolvedSession, choice: TermsChoice): Promise<{ items: MyTerms[]; requiredActions: RequiredAction[] }> {
      const user = session.user;
      const actor = actorOf(user);
      return inTransaction(db, async (trx) => {
        const before = await currentTermsOfUser(trx, user.id, true);
        const chosen = 'termsId' in choice
          ? before.find((d) => d.id === choice.termsId)
          : before.find((d) => d.organization_id === choice.organizationId);
        if (!chosen) {
          // An older version of a document that applies is told apart from one that does not exist for this user.
          const older = 'termsId' in choice ? await findTerms(trx, choice.termsId) : undefined;
          if (older && before.some((d) => d.organization_id === older.organization_id)) {
            throw new RosterError('terms.not_current', 'A newer version of these terms has been published; accept that one', 'body.termsId');
          }
          throw new RosterError('terms.not_found', 'No such terms for you to accept', 'termsId' in choice ? 'body.termsId' : 'body.organizationId');
        }
        if (!('termsId' in choice) && chosen.version !== choice.version.trim()) {
          throw new RosterError('terms.not_current', `The current version of these terms is "${chosen.version}"`, 'body.version');
        }
        const at = now();
        if (await insertAcceptance(trx, { user_id: user.id, terms_id: chosen.id, accepted_at: at })) {
          chosen.accepted_at = at;
          if (chosen.organization_id === null) await updateUser(trx, user.id, { accepted_terms_version: chosen.version });
          await record(trx, actor, {
            organizationId: chosen.organization_id, action: 'terms.accepted', targetType: 'terms', targetId: chosen.id,
            targetDisplayName: `Terms ${chosen.version}`, after: { version: chosen.version, acceptedAt: at },
          });
        }
        const requiredActions = await settle(trx, session, before);
        return { items: before.map(toMine), requiredActions };
      });
    },

    /** Declining the terms ends the session: without them there is nothing else to do (seed 002). */
    async decline(session: ResolvedSession): Promise<void> {
      const actor = actorOf(session.user);
      await inTransaction(db, async (trx) => {
        const declined = (await currentTermsOfUser(trx, session.user.id)).filter((d) => d.accepted_at === null);
        await record(trx, actor, ...declined.map((d) => ({
          organizationId: d.organization_id, action: 'terms.declined', targetType: 'terms', targetId: d.id,
          targetDisplayName: `Terms ${d.version}`, after: { version: d.version },
        })));
        await deleteSession(trx, session.sessionId);
      });
    },
  };
}

export type TermsService = ReturnType<typeof createTermsService>;
