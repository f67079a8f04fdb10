/**
 * @module Invitations (seeds 003, 004): an admin invites a list of addresses with a role, extra
 * permissions, groups, resources and a note; each address gets its own single-use, expiring link by
 * email (written to the outbox in the same transaction); invitees accept with a new account or
 * their existing one (seed 004: one password for all accounts). A refused address marks the
 * invitation bounced and tells the inviter by email (seed 004).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { decodeCursor, page } from '../domain/cursor.js';
import { RosterError } from '../domain/errors.js';
import { effectiveDisplayName } from '../domain/profile.js';
import { assertCanGrantPermissions, assertCanGrantRole } from '../domain/member-rules.js';
import { emailKey } from '../domain/username.js';
import { newId, now, randomToken } from '../db/ids.js';
import { findResources } from '../db/queries/catalog.js';
import { addMemberToGroups, findGroupsByIds } from '../db/queries/groups.js';
import {
  findInvitation, findInvitationByTokenHash, findPendingByEmails, insertInvitationsUnlessPending, listInvitations, memberEmailKeys, updateInvitation,
} from '../db/queries/invitations.js';
import { replaceGrantedResources, setOverride } from '../db/queries/member-access.js';
import { findMember, findMembership, insertMember } from '../db/queries/members.js';
import { findOrganization, toOrganization } from '../db/queries/organizations.js';
import { findRole, listRoles } from '../db/queries/roles.js';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../db/queries/users.js';
import type { Database, InvitationRow, OutboxRow, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { enqueueMail, type OutgoingMail } from '../mail/outbox.js';
import { bounceNoticeMail, invitationMail } from '../mail/templates.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, rolePermissions, type Access } from './access.js';
import { record, type AuditEntry } from './audit.js';
import { senderOf, type MailSettings } from './mail.js';
import { assertKnownPermissions, assertPermissionsAllowedForRole } from './catalog.js';
import { checkGroupGrants } from './groups.js';
import { assertGrantsFitRole, assertRoleResources, checkResourceGrants } from './member-access.js';
import { buildUserRow } from './new-user.js';
import type { PasswordPolicyService } from './password-policy.js';
import { actorOf } from './users.js';

type Db = Kysely<Database>;

export const MAX_INVITATIONS_PER_REQUEST = 1000;
// The same check the request schema applies to a single address: something@something.tld, no spaces.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export const isInvitableAddress = (address: string): boolean => EMAIL.test(address) && address.length <= 254;

export interface InvitationInput {
  emails: string | string[];
  role: string;
  /** Permissions on top of the role (seed 003 "additional permissions"). */
  permissions?: string[];
  groups?: string[];
  resources?: Record<string, string[]>;
  note?: string | null;
}

export type InvitationOutcome = 'invited' | 'refreshed' | 'invalid' | 'already_member' | 'duplicate';

export interface Invitation {
  id: string;
  email: string;
  role: string;
  permissions: string[];
  groups: string[];
  resources: Record<string, string[]>;
  note: string | null;
  /** `expired` is a pending invitation whose link has run out. */
  status: 'pending' | 'accepted' | 'revoked' | 'bounced' | 'expired';
  bounceReason: string | null;
  invitedBy: string | null;
  invitedByName: string;
  sendCount: number;
  lastSentAt: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

export const hashInvitationToken = (token: string): string => createHash('sha256').update(`invitation:${token}`).digest('hex');

export function toInvitation(row: InvitationRow, at = Date.now()): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    permissions: JSON.parse(row.permissions) as string[],
    groups: JSON.parse(row.groups) as string[],
    resources: JSON.parse(row.resources) as Record<string, string[]>,
    note: row.note,
    status: row.status === 'pending' && Date.parse(row.expires_at) <= at ? 'expired' : row.status,
    bounceReason: row.bounce_reason,
    invitedBy: row.invited_by,
    invitedByName: row.invited_by_name,
    sendCount: row.send_count,
    lastSentAt: row.last_sent_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    createdAt: row.created_at,
  };
}

/** Splits "a@x.com, b@y.com; c@z.com" (seed 003: a comma-separated list) into addresses, in order. */
export function parseAddresses(emails: string | string[]): string[] {
  const list = Array.isArray(emails) ? emails : emails.split(/[,;\n]+/);
  return list.map((e) => e.trim()).filter((e) => e.length > 0);
}

/** What the invitations sent by one request share: the organization, the sender, the dates, where links point. */
export interface InvitationBatch {
  organizationId: string;
  organizationName: string;
  /** Role names by key, as the email names the role. */
  roleNames: ReadonlyMap<string, string>;
  sender: Awaited<ReturnType<typeof senderOf>>;
  invitedBy: string | null;
  invitedByName: string;
  at: string;
  expiresAt: string;
  publicUrl: string;
  /** The CSV import the invitations come from, if any. */
  importId: string | null;
}

/** What an invitation grants, already checked against the inviter. */
export interface InvitationTerms {
  role: string;
  permissions: string[];
  groupIds: string[];
  resources: Record<string, string[]>;
  note: string | null;
  /** The invitee's names when known (a CSV import). */
  firstName?: string | null;
  lastName?: string | null;
}

export interface InvitationDraft {
  row: InvitationRow;
  /** For a refreshed pending invitation, the columns to update; null for a new one to insert. */
  changes: Partial<Omit<InvitationRow, 'id' | 'organization_id'>> | null;
  mail: OutgoingMail;
  audit: AuditEntry;
}

/** Reads once what every invitation of a request shares, so drafting each one costs no query. */
export async function openInvitationBatch(trx: Db, access: Access, publicUrl: string, importId: string | null = null): Promise<InvitationBatch> {
  const org = toOrganization((await findOrganization(trx, access.organizationId))!);
  const roles = await listRoles(trx, access.organizationId);
  const at = now();
  return {
    organizationId: access.organizationId, organizationName: org.name, roleNames: new Map(roles.map((r) => [r.key, r.name])),
    sender: await senderOf(trx, access.actor), invitedBy: access.actor.kind === 'api_key' ? null : access.actor.userId, invitedByName: access.actor.displayName,
    at, expiresAt: new Date(Date.parse(at) + org.settings.invitationLifetimeDays * 86_400_000).toISOString(), publicUrl, importId,
  };
}

/**
 * Drafts the invitation of one address: a new pending invitation or, when `existing` is the
 * address's pending one, its refresh (new link, new expiry, new terms). Either way a
 * single-use token (fresh unless the caller drew it), of which only the hash is kept, the email
 * carrying the link, and the audit entry. Writes nothing: the caller inserts, updates and enqueues
 * in its transaction.
 */
export function draftInvitation(batch: InvitationBatch, terms: InvitationTerms, address: string, existing?: InvitationRow, token = randomToken()): InvitationDraft {
  const names = terms.firstName !== undefined || terms.lastName !== undefined ? { first_name: terms.firstName ?? null, last_name: terms.lastName ?? null } : {};
  const common = {
    role: terms.role, permissions: JSON.stringify(terms.permissions), groups: JSON.stringify(terms.groupIds), resources: JSON.stringify(terms.resources),
    note: terms.note?.trim() || null, token_hash: hashInvitationToken(token), expires_at: batch.expiresAt, last_sent_at: batch.at, updated_at: batch.at,
    ...names, ...(batch.importId ? { import_id: batch.importId } : {}),
  };
  let row: InvitationRow;
  let changes: InvitationDraft['changes'] = null;
  let audit: AuditEntry;
  if (existing) {
    changes = { ...common, send_count: existing.send_count + 1 };
    row = { ...existing, ...changes };
    audit = { organizationId: batch.organizationId, action: 'invitation.refreshed', targetType: 'invitation', targetId: row.id, targetDisplayName: row.email, after: { role: row.role, expiresAt: batch.expiresAt } };
  } else {
    row = {
      id: newId(), organization_id: batch.organizationId, email: address, email_key: emailKey(address), first_name: null, last_name: null, import_id: null, ...common,
      status: 'pending', bounce_reason: null, invited_by: batch.invitedBy, invited_by_name: batch.invitedByName,
      send_count: 1, accepted_at: null, accepted_user_id: null, created_at: batch.at,
    };
    audit = {
      organizationId: batch.organizationId, action: 'invitation.created', targetType: 'invitation', targetId: row.id, targetDisplayName: row.email,
      after: { email: row.email, role: row.role, permissions: terms.permissions, groups: terms.groupIds, resources: terms.resources, ...(batch.importId ? { importId: batch.importId } : {}) },
    };
  }
  const mail: OutgoingMail = {
    organizationId: batch.organizationId, kind: 'invitation', to: row.email, relatedId: row.id, replyTo: batch.sender.replyTo,
    ...invitationMail({ organization: batch.organizationName, sender: batch.sender, role: batch.roleNames.get(row.role) ?? row.role, note: row.note, link: `${batch.publicUrl}/invitations/${token}`, expiresAt: row.expires_at }),
  };
  return { row, changes, mail, audit };
}

export type { MailSettings } from './mail.js';

export function createInvitationService(db: Db, passwords: PasswordPolicyService, cache: AccessCache, mail: MailSettings) {
  const acceptLink = (token: string) => `${mail.publicUrl}/invitations/${token}`;

  async function invitationEmail(trx: Db, access: Access, row: InvitationRow, token: string): Promise<OutgoingMail> {
    const org = await findOrganization(trx, access.organizationId);
    const role = await findRole(trx, access.organizationId, row.role);
    const sender = await senderOf(trx, access.actor);
    return {
      organizationId: access.organizationId, kind: 'invitation', to: row.email, relatedId: row.id, replyTo: sender.replyTo,
      ...invitationMail({ organization: org?.name ?? '', sender, role: role?.name ?? row.role, note: row.note, link: acceptLink(token), expiresAt: row.expires_at }),
    };
  }

  /** Everything an invitation grants is checked against the inviter once, for the whole list. */
  async function checkedGrants(trx: Db, access: Access, input: InvitationInput) {
    if (!(await findRole(trx, access.organizationId, input.role))) throw new RosterError('role.not_found', `No role "${input.role}" in this organization`, 'body.role');
    assertCanGrantRole(access.permissions, input.role, await rolePermissions(trx, access.organizationId, input.role));
    const permissions = await assertKnownPermissions(trx, access.organizationId, input.permissions ?? [], 'body.permissions');
    assertCanGrantPermissions(access.permissions, permissions, 'body.permissions');
    await assertPermissionsAllowedForRole(trx, access.organizationId, input.role, permissions, 'body.permissions');
    const groupIds = await checkGroupGrants(trx, access, input.groups ?? [], 'body.groups');
    const resources = await checkResourceGrants(trx, access, input.resources ?? {});
    await assertGrantsFitRole(trx, access.organizationId, input.role, resources);
    return { permissions, groupIds, resources };
  }

  return {
    async invite(access: Access, input: InvitationInput): Promise<{ results: Array<{ email: string; status: InvitationOutcome; invitationId?: string; reason?: string }> }> {
      requirePermission(access, 'members.invite');
      const addresses = parseAddresses(input.emails);
      if (addresses.length === 0) throw new RosterError('request.invalid', 'Name at least one address', 'body.emails');
      if (addresses.length > MAX_INVITATIONS_PER_REQUEST) throw new RosterError('request.invalid', `At most ${MAX_INVITATIONS_PER_REQUEST} addresses in one request`, 'body.emails');
      const result = await cache.change(access.organizationId, async (trx) => {
        const grants = await checkedGrants(trx, access, input);
        const batch = await openInvitationBatch(trx, access, mail.publicUrl);
        const terms: InvitationTerms = { role: input.role, ...grants, note: input.note?.trim() || null };
        const valid = addresses.filter((a) => EMAIL.test(a) && a.length <= 254);
        const keys = [...new Set(valid.map(emailKey))];
        const members = await memberEmailKeys(trx, access.organizationId, keys);
        const pending = new Map((await findPendingByEmails(trx, access.organizationId, keys)).map((r) => [r.email_key, r]));
        const seen = new Set<string>();
        const results: Array<{ email: string; status: InvitationOutcome; invitationId?: string; reason?: string }> = [];
        const fresh: Array<{ draft: InvitationDraft; result: (typeof results)[number] }> = [];
        const mails: OutgoingMail[] = [];
        const audits: AuditEntry[] = [];
        for (const address of addresses) {
          if (!EMAIL.test(address) || address.length > 254) { results.push({ email: address, status: 'invalid', reason: 'not an email address' }); continue; }
          const key = emailKey(address);
          if (seen.has(key)) { results.push({ email: address, status: 'duplicate', reason: 'listed more than once' }); continue; }
          seen.add(key);
          if (members.has(key)) { results.push({ email: address, status: 'already_member' }); continue; }
          const existing = pending.get(key);
          // A second invitation to a pending address refreshes it: new link, new expiry, new terms.
          const draft = draftInvitation(batch, terms, address, existing);
          const result = { email: address, status: existing ? 'refreshed' as const : 'invited' as const, invitationId: draft.row.id };
          results.push(result);
          if (!existing || !draft.changes) {
            fresh.push({ draft, result });
            continue;
          }
          await updateInvitation(trx, access.organizationId, existing.id, draft.changes);
          mails.push(draft.mail);
          audits.push(draft.audit);
        }
        const inserted = await insertInvitationsUnlessPending(trx, fresh.map(({ draft }) => draft.row));
        for (const { draft, result } of fresh) {
          if (inserted.has(draft.row.id)) {
            mails.push(draft.mail);
            audits.push(draft.audit);
            continue;
          }
          // Invited by another request at the same moment: its invitation and email stand, this one sends nothing.
          results[results.indexOf(result)] = { email: result.email, status: 'duplicate', reason: 'invited by another request at the same moment' };
        }
        await enqueueMail(trx, ...mails);
        await record(trx, access.actor, ...audits);
        return { results };
      });
      mail.wake();
      return result;
    },

    async list(access: Access, query: { status?: Invitation['status']; limit: number; cursor?: string }) {
      requirePermission(access, 'members.invite');
      const before = query.cursor ? decodeCursor(query.cursor, 1)[0] : undefined;
      const stored = query.status === 'expired' ? 'pending' : query.status;
      const rows = await listInvitations(db, access.organizationId, { status: stored, before, limit: query.limit + 1 });
      const result = page(rows, query.limit, (r) => [r.id]);
      const items = result.items.map((r) => toInvitation(r)).filter((i) => !query.status || i.status === query.status);
      return { items, nextCursor: result.nextCursor };
    },

    /** Sends a pending (or bounced) invitation again with a fresh link (seed 004 "Resend Invite"). */
    async resend(access: Access, id: string): Promise<Invitation> {
      requirePermission(access, 'members.invite');
      const invitation = await inTransaction(db, async (trx) => {
        const row = await findInvitation(trx, access.organizationId, id);
        if (!row) throw new RosterError('invitation.not_found', 'No such invitation');
        if (row.status !== 'pending' && row.status !== 'bounced') {
          throw new RosterError('invitation.not_pending', `This invitation is ${row.status}; only pending invitations are sent again`);
        }
        const token = randomBytes(32).toString('base64url');
        const org = toOrganization((await findOrganization(trx, access.organizationId))!);
        const at = now();
        const changes = {
          token_hash: hashInvitationToken(token), status: 'pending' as const, bounce_reason: null, send_count: row.send_count + 1, last_sent_at: at, updated_at: at,
          expires_at: new Date(Date.parse(at) + org.settings.invitationLifetimeDays * 86_400_000).toISOString(),
        };
        await updateInvitation(trx, access.organizationId, id, changes);
        const updated = { ...row, ...changes };
        await enqueueMail(trx, await invitationEmail(trx, access, updated, token));
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'invitation.resent', targetType: 'invitation', targetId: id, targetDisplayName: row.email, after: { sendCount: updated.send_count } });
        return toInvitation(updated);
      });
      mail.wake();
      return invitation;
    },

    async revoke(access: Access, id: string): Promise<void> {
      requirePermission(access, 'members.invite');
      await inTransaction(db, async (trx) => {
        const row = await findInvitation(trx, access.organizationId, id);
        if (!row) throw new RosterError('invitation.not_found', 'No such invitation');
        if (row.status === 'accepted') throw new RosterError('invitation.not_pending', 'This invitation was accepted; deactivate the member instead');
        await updateInvitation(trx, access.organizationId, id, { status: 'revoked', updated_at: now() });
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'invitation.revoked', targetType: 'invitation', targetId: id, targetDisplayName: row.email, before: { status: row.status }, after: { status: 'revoked' } });
      });
    },

    /** What an invitee sees before accepting: the organization, who invited them, the role. */
    async preview(token: string) {
      const row = await usableInvitation(db, token);
      const org = await findOrganization(db, row.organization_id);
      const role = await findRole(db, row.organization_id, row.role);
      return {
        organization: { id: row.organization_id, name: org?.name ?? '' },
        invitedByName: row.invited_by_name,
        role: { key: row.role, name: role?.name ?? row.role },
        email: row.email,
        note: row.note,
        expiresAt: row.expires_at,
        existingAccount: (await findUserByEmail(db, row.email_key)) !== undefined,
      };
    },

    /**
     * Accepts an invitation. A signed-in user joins with their account if its address is the
     * invited one; otherwise a new account is made from `newUser`. An existing account must sign in
     * first: it keeps its one password (seed 004).
     */
    async accept(token: string, signedIn: UserRow | null, newUser: { username?: string; password?: string; firstName?: string; lastName?: string }): Promise<{ user: UserRow; organizationId: string; created: boolean }> {
      const hash = hashInvitationToken(token);
      const preliminary = await usableInvitation(db, token);
      let fresh: UserRow | null = null;
      if (signedIn) {
        if (signedIn.email_key !== preliminary.email_key) {
          throw new RosterError('invitation.wrong_account', `This invitation is for ${preliminary.email}; sign in with that account, or sign out to create it`);
        }
      } else {
        if (await findUserByEmail(db, preliminary.email_key)) {
          throw new RosterError('invitation.sign_in_required', 'An account with this address exists: sign in with its password, then accept');
        }
        const { username, password, firstName, lastName } = newUser;
        const missing = !username ? 'username' : !password ? 'password' : !firstName ? 'firstName' : !lastName ? 'lastName' : null;
        if (missing || !username || !password || !firstName || !lastName) {
          throw new RosterError('request.invalid', 'A new account needs a username, a password, a first and a last name', `body.${missing}`);
        }
        // A new account belongs to no other organization: the inviting one's policy applies.
        fresh = await buildUserRow(passwords, { username, password, firstName, lastName, email: preliminary.email }, await passwords.policyFor(db, null, [preliminary.organization_id]));
      }
      return cache.change(preliminary.organization_id, async (trx) => {
        // Read again inside the transaction: the token is single use even under concurrent accepts.
        const row = await findInvitationByTokenHash(trx, hash);
        if (!row || row.id !== preliminary.id || row.status !== 'pending') throw new RosterError('invitation.not_found', 'This invitation link is not valid any more');
        const at = now();
        let user = signedIn;
        if (fresh) {
          await insertUser(trx, { ...fresh, last_login_at: at });
          user = { ...fresh, last_login_at: at };
        }
        if (!user) throw new RosterError('auth.required', 'Sign in first');
        const orgId = row.organization_id;
        if (await findMembership(trx, orgId, user.id)) throw new RosterError('member.already_member', 'You are a member of this organization already');
        if (!(await findRole(trx, orgId, row.role))) throw new RosterError('role.not_found', 'The invited role no longer exists; ask for a new invitation');
        await insertMember(trx, {
          organization_id: orgId, user_id: user.id, role: row.role, status: 'active',
          username_key: user.username_key, email_key: user.email_key, first_name_key: user.first_name.toLowerCase(), last_name_key: user.last_name.toLowerCase(),
          added_by: row.invited_by, added_via: 'invitation', deactivated_at: null, created_at: at, updated_at: at,
        });
        // The grants were checked against the inviter when inviting; what vanished since is skipped.
        for (const p of JSON.parse(row.permissions) as string[]) await setOverride(trx, orgId, user.id, p, 'allow');
        const groups = await findGroupsByIds(trx, orgId, JSON.parse(row.groups) as string[]);
        await addMemberToGroups(trx, orgId, user.id, groups.map((g) => g.id), at);
        for (const [type, ids] of Object.entries(JSON.parse(row.resources) as Record<string, string[]>)) {
          const existing = await findResources(trx, orgId, type, ids);
          await replaceGrantedResources(trx, orgId, user.id, type, existing.map((r) => r.id));
        }
        await assertRoleResources(trx, orgId, user.id, row.role);
        await updateInvitation(trx, orgId, row.id, { status: 'accepted', accepted_at: at, accepted_user_id: user.id, updated_at: at });
        if (!fresh) await updateUser(trx, user.id, { last_login_at: at });
        const actor = actorOf(user);
        await record(trx, actor, {
          organizationId: orgId, action: 'invitation.accepted', targetType: 'invitation', targetId: row.id, targetDisplayName: row.email,
          after: { userId: user.id, username: user.username, role: row.role, newAccount: fresh !== null },
        });
        return { user, organizationId: orgId, created: fresh !== null };
      });
    },

    /**
     * The outbox worker's report that the mail server refused an address for good (seed 004): an
     * invitation is marked bounced with the server's reason, and whoever invited or added the person
     * gets an email saying the address was not accepted.
     */
    async handleBounce(trx: Db, mailRow: OutboxRow, reason: string): Promise<void> {
      if (!mailRow.related_id || !mailRow.organization_id) return;
      const orgId = mailRow.organization_id;
      let notify: { userId: string | null; address: string; link: string };
      if (mailRow.kind === 'invitation') {
        const row = await findInvitation(trx, orgId, mailRow.related_id);
        if (!row || row.status !== 'pending') return;
        await updateInvitation(trx, orgId, row.id, { status: 'bounced', bounce_reason: reason, updated_at: now() });
        await record(trx, null, { organizationId: orgId, action: 'invitation.bounced', targetType: 'invitation', targetId: row.id, targetDisplayName: row.email, after: { reason } });
        notify = { userId: row.invited_by, address: row.email, link: `${mail.publicUrl}/organizations/${orgId}/invitations` };
      } else if (mailRow.kind === 'welcome') {
        // A member added directly (seed 004 "Once added … a user will be sent an email invitation").
        const member = await findMember(trx, orgId, mailRow.related_id);
        if (!member) return;
        await record(trx, null, { organizationId: orgId, action: 'member.invitation_bounced', targetType: 'member', targetId: member.user_id,
          targetDisplayName: effectiveDisplayName({ username: member.username, firstName: member.first_name, lastName: member.last_name, displayName: member.display_name, alias: null }),
          after: { email: mailRow.to_address, reason } });
        notify = { userId: member.added_by, address: mailRow.to_address, link: `${mail.publicUrl}/organizations/${orgId}/members/${member.user_id}` };
      } else {
        return;
      }
      const inviter = notify.userId ? await findUserById(trx, notify.userId) : undefined;
      if (!inviter) return;
      const org = await findOrganization(trx, orgId);
      await enqueueMail(trx, {
        organizationId: orgId, kind: 'bounce_notice', to: inviter.email, relatedId: mailRow.related_id,
        ...bounceNoticeMail({ organization: org?.name ?? '', address: notify.address, reason, link: notify.link }),
      });
    },
  };
}

/** The pending, unexpired invitation a token stands for; anything else is one clear answer. */
async function usableInvitation(db: Db, token: string): Promise<InvitationRow> {
  const row = token.length >= 20 && token.length <= 100 ? await findInvitationByTokenHash(db, hashInvitationToken(token)) : undefined;
  if (!row || row.status === 'accepted' || row.status === 'revoked') throw new RosterError('invitation.not_found', 'This invitation link is not valid any more');
  if (Date.parse(row.expires_at) <= Date.now()) throw new RosterError('invitation.expired', 'This invitation has expired; ask for a new one');
  if (row.status === 'bounced') throw new RosterError('invitation.not_found', 'This invitation link is not valid any more');
  return row;
}
