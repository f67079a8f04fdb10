/**
 * @module Members of an organization: list and search, add directly (seed 000), edit, deactivate
 * and reactivate keeping role and groups (seeds 000, 002), delete when the organization allows it
 * (seed 003), bulk actions, and ownership transfer (seed 001). Each use case is one transaction
 * that writes its audit events.
 */
import type { Kysely } from 'kysely';
import { decodeCursor, page } from '../domain/cursor.js';
import { RosterError } from '../domain/errors.js';
import { assertCanGrantRole, assertNotOwner } from '../domain/member-rules.js';
import { notHeld } from '../domain/permissions.js';
import { communicationName, effectiveDisplayName } from '../domain/profile.js';
import type { Member, MemberStatus, Page } from '../domain/types.js';
import { emailKey } from '../domain/username.js';
import { now } from '../db/ids.js';
import {
  allMemberIds, deleteMembers, findMember, findMembersByIds, insertMember, listMembers, lockMember, toMember, updateMembers, type MemberTarget,
} from '../db/queries/members.js';
import { listGrantedResources, listOverrides } from '../db/queries/member-access.js';
import type { SearchMatch } from '../db/queries/member-search.js';
import { findOrganization, toOrganization } from '../db/queries/organizations.js';
import { findRole } from '../db/queries/roles.js';
import { insertPasswordReset } from '../db/queries/password-resets.js';
import { countMemberships, findUserByEmail, findUserById, insertUser, updateUser } from '../db/queries/users.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { enqueueMail, type OutgoingMail } from '../mail/outbox.js';
import { welcomeMail } from '../mail/templates.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, rolePermissions, type Access } from './access.js';
import { applyOverrides, applyResources, assertRoleResources, type OverridePatch, type ResourcePatch } from './member-access.js';
import { record, type AuditEntry } from './audit.js';
import { replaceMemberGroups } from './groups.js';
import { senderOf, type MailSettings } from './mail.js';
import { buildUserRow, type NewUserInput } from './new-user.js';
import type { PasswordPolicyService } from './password-policy.js';
import { draftPasswordReset } from './password-resets.js';
import { assertUnchanged } from './preconditions.js';
import { auditableProfile, profileColumns, type ProfileInput } from './profile-fields.js';

type Db = Kysely<Database>;

export interface MemberListQuery {
  status?: MemberStatus;
  q?: string;
  match?: SearchMatch;
  role?: string;
  /** Only members of this group. */
  group?: string;
  limit: number;
  cursor?: string;
}

export interface MemberPatch extends ProfileInput {
  username?: string;
  password?: string;
  role?: string;
  /** Group ids: the member ends up in exactly these groups (seed 002 "User Groups"). */
  groups?: string[];
  /** User-specific permissions: allow, deny, or inherit (remove the override), seed 002. */
  permissions?: OverridePatch;
  /** Granted resources per type, replacing those of each type named (seed 003). */
  resources?: ResourcePatch;
}

export type BulkAction = 'deactivate' | 'activate' | 'delete';

async function loadMember(db: Db, organizationId: string, userId: string) {
  const row = await findMember(db, organizationId, userId);
  if (!row) throw new RosterError('member.not_found', 'No such member in this organization');
  return row;
}

/** Refuses a write aimed at a member who changed since the client read them (`ifMatch`: the If-Match header). */
const assertMemberUnchanged = (db: Db, organizationId: string, userId: string, ifMatch: string | undefined) => assertUnchanged(ifMatch, {
  lock: () => lockMember(db, organizationId, userId),
  current: async () => toMember(await loadMember(db, organizationId, userId)),
  missing: () => new RosterError('member.not_found', 'No such member in this organization'),
  noun: 'member',
});

async function existingRole(db: Db, organizationId: string, key: string): Promise<string[]> {
  if (!(await findRole(db, organizationId, key))) throw new RosterError('role.not_found', `No role "${key}" in this organization`, 'body.role');
  return rolePermissions(db, organizationId, key);
}

/** Nobody locks themselves out by deactivating or deleting their own membership. */
function assertNotSelf(access: Access, ...userIds: string[]): void {
  if (userIds.includes(access.actor.userId)) {
    throw new RosterError('member.cannot_act_on_self', 'You can not deactivate or delete yourself; ask another admin', 'params.userId');
  }
}

/** Nobody acts on a member who holds permissions they lack: a lesser role can not touch an admin. */
export async function assertOutranks(db: Db, access: Access, targetRole: string): Promise<void> {
  const missing = notHeld(access.permissions, await rolePermissions(db, access.organizationId, targetRole));
  if (missing.length > 0) throw new RosterError('auth.forbidden', 'That member holds permissions you do not');
}

type AuditTarget = Pick<MemberTarget, 'user_id' | 'username' | 'first_name' | 'last_name' | 'display_name'>;

/** A member appears in history under their display name (seed 000), which the event keeps after they are gone. */
const displayNameOf = (m: AuditTarget): string =>
  effectiveDisplayName({ username: m.username, firstName: m.first_name, lastName: m.last_name, displayName: m.display_name, alias: null });

const memberAudit = (access: Access, action: string, m: AuditTarget, before?: unknown, after?: unknown): AuditEntry => ({
  organizationId: access.organizationId, action, targetType: 'member', targetId: m.user_id, targetDisplayName: displayNameOf(m), before, after,
});

export function createMemberService(db: Db, passwords: PasswordPolicyService, cache: AccessCache, mail: MailSettings) {
  /**
   * The email a member added directly receives (seed 004), sent by the actor: who added them, their
   * username, and where to sign in. It is queued in the caller's transaction.
   */
  async function welcomeEmail(trx: Db, access: Access, m: AuditTarget & { email: string; alias: string | null }): Promise<OutgoingMail> {
    const org = await findOrganization(trx, access.organizationId);
    const sender = await senderOf(trx, access.actor);
    const name = communicationName({ username: m.username, firstName: m.first_name, lastName: m.last_name, displayName: m.display_name, alias: m.alias });
    const link = `${mail.publicUrl}/sign-in?organization=${encodeURIComponent(access.organizationId)}&login=${encodeURIComponent(m.username)}`;
    return {
      organizationId: access.organizationId, kind: 'welcome', to: m.email, relatedId: m.user_id, replyTo: sender.replyTo,
      ...welcomeMail({ organization: org?.name ?? '', name, username: m.username, sender, link }),
    };
  }

  async function setStatus(access: Access, userId: string, status: MemberStatus, ifMatch?: string): Promise<Member> {
    requirePermission(access, 'members.deactivate');
    return cache.change(access.organizationId, async (trx) => {
      await assertMemberUnchanged(trx, access.organizationId, userId, ifMatch);
      const m = await loadMember(trx, access.organizationId, userId);
      if (status === 'inactive') {
        assertNotOwner(m, 'deactivate');
        assertNotSelf(access, userId);
      }
      await assertOutranks(trx, access, m.role);
      if (m.status === status) return toMember(m);
      const at = now();
      await updateMembers(trx, access.organizationId, [userId], { status, deactivated_at: status === 'inactive' ? at : null, updated_at: at });
      await record(trx, access.actor, memberAudit(access, status === 'inactive' ? 'member.deactivated' : 'member.activated', m, { status: m.status }, { status }));
      return toMember(await loadMember(trx, access.organizationId, userId));
    });
  }

  return {
    async list(access: Access, query: MemberListQuery): Promise<Page<Member>> {
      requirePermission(access, 'members.read');
      const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
      const rows = await listMembers(db, access.organizationId, {
        status: query.status, role: query.role, group: query.group, q: query.q?.trim().toLowerCase() || undefined, match: query.match, after, limit: query.limit + 1,
      });
      const result = page(rows, query.limit, (r) => [r.username_key, r.user_id]);
      return { items: result.items.map(toMember), nextCursor: result.nextCursor };
    },

    async get(access: Access, userId: string): Promise<Member> {
      if (userId !== access.actor.userId) requirePermission(access, 'members.read');
      return toMember(await loadMember(db, access.organizationId, userId));
    },

    /** The member's user-specific permissions and granted resources, in the shape PATCH takes them. */
    async grants(access: Access, userId: string) {
      if (userId !== access.actor.userId) requirePermission(access, 'members.read');
      await loadMember(db, access.organizationId, userId);
      const [overrides, granted] = await Promise.all([listOverrides(db, access.organizationId, userId), listGrantedResources(db, access.organizationId, userId)]);
      const resources: Record<string, string[]> = {};
      for (const r of granted) (resources[r.type] ??= []).push(r.resource_id);
      return { permissions: Object.fromEntries(overrides.map((o) => [o.permission, o.effect])), resources };
    },

    /** Adds a user directly with a username and password set by the admin (seed 000). */
    /** `resources` names the partners of a role that needs them (seed 003's Partner: exactly one). */
    async add(access: Access, input: NewUserInput & { role: string; resources?: ResourcePatch }): Promise<Member> {
      requirePermission(access, 'members.create');
      const { role, resources, ...userInput } = input;
      // A new user belongs to no other organization: this one's policy is the whole policy.
      const row = await buildUserRow(passwords, userInput, await passwords.policyFor(db, null, [access.organizationId]));
      // A user who was not a member may be cached as such.
      const member = await cache.change(access.organizationId, async (trx) => {
        assertCanGrantRole(access.permissions, role, await existingRole(trx, access.organizationId, role));
        if (await findUserByEmail(trx, row.email_key)) {
          throw new RosterError('user.email_taken', 'A user with that email already exists; invite them to join instead', 'body.email');
        }
        await insertUser(trx, row);
        const at = now();
        await insertMember(trx, {
          organization_id: access.organizationId, user_id: row.id, role, status: 'active',
          username_key: row.username_key, email_key: row.email_key,
          first_name_key: row.first_name.toLowerCase(), last_name_key: row.last_name.toLowerCase(),
          added_by: access.actor.userId, added_via: 'direct', deactivated_at: null, created_at: at, updated_at: at,
        });
        const granted = resources ? (await applyResources(trx, access, row.id, resources)).after : undefined;
        await assertRoleResources(trx, access.organizationId, row.id, role);
        await record(trx, access.actor, memberAudit(access, 'member.added', { ...row, user_id: row.id }, undefined,
          { username: row.username, email: row.email, role, ...(granted ? { resources: granted } : {}) }));
        // Seed 004: "Once added to the account, a user will be sent an email invitation".
        await enqueueMail(trx, await welcomeEmail(trx, access, { ...row, user_id: row.id }));
        return toMember(await loadMember(trx, access.organizationId, row.id));
      });
      mail.wake();
      return member;
    },

    /**
     * Sends the email of a member added directly again (seed 004 "Resend Invite"): only to "a user
     * who never logged into his account"; someone who has signed in uses their password.
     */
    async resendInvitation(access: Access, userId: string): Promise<Member> {
      requirePermission(access, 'members.invite');
      const member = await inTransaction(db, async (trx) => {
        const m = await loadMember(trx, access.organizationId, userId);
        if (m.last_login_at !== null) {
          throw new RosterError('invitation.resend_not_allowed', `${displayNameOf(m)} has signed in already; the invitation is sent again only to users who never logged in`);
        }
        if (m.status !== 'active') {
          throw new RosterError('invitation.resend_not_allowed', `${displayNameOf(m)} is deactivated; activate them before sending the invitation again`);
        }
        await enqueueMail(trx, await welcomeEmail(trx, access, m));
        await record(trx, access.actor, memberAudit(access, 'member.invitation_resent', m, undefined, { email: m.email }));
        return toMember(m);
      });
      mail.wake();
      return member;
    },

    /** `ifMatch`: the request's If-Match header; the edit is refused if the member changed since. */
    async update(access: Access, userId: string, patch: MemberPatch, ifMatch?: string): Promise<Member> {
      const { role, password, username, groups, permissions, resources, ...profile } = patch;
      const changesProfile = Object.keys(profile).length > 0 || password !== undefined;
      if (changesProfile) requirePermission(access, 'members.update');
      if (groups !== undefined) requirePermission(access, 'groups.manage');
      // Roles, user-specific permissions and resource grants all decide what the member may do.
      if (role !== undefined || permissions !== undefined || resources !== undefined) requirePermission(access, 'roles.assign');
      return cache.change(access.organizationId, async (trx) => {
        await assertMemberUnchanged(trx, access.organizationId, userId, ifMatch);
        const m = await loadMember(trx, access.organizationId, userId);
        if (username !== undefined && username !== m.username) {
          throw new RosterError('user.username_immutable', 'A username can not be changed once saved', 'body.username');
        }
        if (userId !== access.actor.userId) await assertOutranks(trx, access, m.role);
        // The identity is shared by every organization the user is in: one organization's admin may
        // change its login details only while nobody else depends on them.
        const emailChanges = profile.email !== undefined && emailKey(profile.email) !== m.email_key;
        if ((emailChanges || password !== undefined) && (await countMemberships(trx, userId)) > 1) {
          throw new RosterError('user.shared_identity', 'This user belongs to other organizations too; only they can change their email or password', emailChanges ? 'body.email' : 'body.password');
        }
        if (password !== undefined && m.last_login_at !== null) {
          throw new RosterError('user.password_set_by_user', 'This user has signed in and chooses their own password', 'body.password');
        }
        if (role !== undefined && role !== m.role) {
          assertNotOwner(m, 'demote');
          assertCanGrantRole(access.permissions, role, await existingRole(trx, access.organizationId, role));
          await updateMembers(trx, access.organizationId, [userId], { role, updated_at: now() });
          await record(trx, access.actor, memberAudit(access, 'member.role_changed', m, { role: m.role }, { role }));
        }
        const newRole = role ?? m.role;
        if (permissions !== undefined) {
          const change = await applyOverrides(trx, access, userId, newRole, permissions);
          await record(trx, access.actor, memberAudit(access, 'member.permissions_changed', m, change.before, change.after));
        }
        if (resources !== undefined) {
          const change = await applyResources(trx, access, userId, resources);
          await record(trx, access.actor, memberAudit(access, 'member.resources_changed', m, change.before, change.after));
        }
        if (role !== undefined || resources !== undefined) await assertRoleResources(trx, access.organizationId, userId, newRole);
        if (groups !== undefined) await replaceMemberGroups(trx, access, m, groups);
        if (changesProfile) {
          const changes = profileColumns(profile);
          if (password !== undefined) {
            const user = await findUserById(trx, userId);
            if (!user) throw new RosterError('member.not_found', 'No such member in this organization');
            const owner = { username: m.username, email: profile.email ?? m.email, firstName: profile.firstName ?? m.first_name, lastName: profile.lastName ?? m.last_name };
            const policy = await passwords.policyFor(trx, userId, [access.organizationId]);
            await passwords.store(trx, user, await passwords.checkReplacement(trx, user, password, policy, { field: 'body.password', refuseCurrent: false, owner }));
          }
          await updateUser(trx, userId, { ...changes, updated_at: now() });
          const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (m as Record<string, unknown>)[k]]));
          await record(trx, access.actor, memberAudit(access, 'member.updated', m,
            auditableProfile(before), { ...auditableProfile(changes), ...(password !== undefined ? { password: 'changed' } : {}) }));
        }
        return toMember(await loadMember(trx, access.organizationId, userId));
      });
    },

    /**
     * Sends the member a password reset link (members.update). The admin never learns or chooses
     * the password: the member picks it through the link.
     */
    async startPasswordReset(access: Access, userId: string): Promise<{ email: string; expiresAt: string }> {
      requirePermission(access, 'members.update');
      const sent = await inTransaction(db, async (trx) => {
        const m = await loadMember(trx, access.organizationId, userId);
        if (userId !== access.actor.userId) await assertOutranks(trx, access, m.role);
        const user = await findUserById(trx, userId);
        if (!user) throw new RosterError('member.not_found', 'No such member in this organization');
        const draft = draftPasswordReset(user, mail.publicUrl, { requestedBy: access.actor.kind === 'api_key' ? null : access.actor.userId, organizationId: access.organizationId });
        await insertPasswordReset(trx, draft.row);
        await enqueueMail(trx, draft.mail);
        await record(trx, access.actor, memberAudit(access, 'member.password_reset_started', m, undefined, { email: user.email, expiresAt: draft.row.expires_at }));
        return { email: user.email, expiresAt: draft.row.expires_at };
      });
      mail.wake();
      return sent;
    },

    deactivate: (access: Access, userId: string, ifMatch?: string) => setStatus(access, userId, 'inactive', ifMatch),
    activate: (access: Access, userId: string, ifMatch?: string) => setStatus(access, userId, 'active', ifMatch),

    async remove(access: Access, userId: string, ifMatch?: string): Promise<void> {
      await this.bulk(access, 'delete', { userIds: [userId] }, ifMatch);
    },

    /**
     * Deactivates, activates or deletes the selected members, or all of them (seed 003's header
     * check box), all or nothing. "All" leaves out the owner and the actor, who can not be among them.
     * `ifMatch` is for one member named alone (DELETE of one member with If-Match).
     */
    async bulk(access: Access, action: BulkAction, selection: { userIds?: string[]; all?: boolean }, ifMatch?: string): Promise<{ affected: number }> {
      requirePermission(access, action === 'delete' ? 'members.delete' : 'members.deactivate');
      if (!selection.all && !selection.userIds) throw new RosterError('request.invalid', 'Name the members in userIds, or set all', 'body.userIds');
      return cache.change(access.organizationId, async (trx) => {
        if (ifMatch !== undefined && selection.userIds?.length === 1) await assertMemberUnchanged(trx, access.organizationId, selection.userIds[0]!, ifMatch);
        if (action === 'delete') {
          const org = await findOrganization(trx, access.organizationId);
          if (!org || !toOrganization(org).settings.allowMemberDeletion) {
            throw new RosterError('member.deletion_disabled', 'This organization deactivates members instead of deleting them; an admin can allow deletion in the settings');
          }
        }
        let targets;
        if (selection.all) {
          targets = (await allMemberIds(trx, access.organizationId)).filter((m) => m.role !== 'owner' && m.user_id !== access.actor.userId);
        } else {
          const ids = [...new Set(selection.userIds ?? [])];
          targets = await findMembersByIds(trx, access.organizationId, ids);
          if (targets.length !== ids.length) throw new RosterError('member.not_found', 'Some selected members are not in this organization', 'body.userIds');
        }
        const roleChecks = new Map<string, Promise<void>>();
        for (const t of targets) {
          if (action !== 'activate') assertNotOwner(t, action === 'delete' ? 'remove' : 'deactivate');
          if (!roleChecks.has(t.role)) roleChecks.set(t.role, assertOutranks(trx, access, t.role));
        }
        await Promise.all(roleChecks.values());
        if (action !== 'activate') assertNotSelf(access, ...targets.map((t) => t.user_id));
        const changing = action === 'delete' ? targets
          : targets.filter((t) => t.status !== (action === 'activate' ? 'active' : 'inactive'));
        const ids = changing.map((t) => t.user_id);
        const at = now();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          if (action === 'delete') await deleteMembers(trx, access.organizationId, chunk);
          else await updateMembers(trx, access.organizationId, chunk, { status: action === 'activate' ? 'active' : 'inactive', deactivated_at: action === 'activate' ? null : at, updated_at: at });
        }
        const verb = { delete: 'member.deleted', deactivate: 'member.deactivated', activate: 'member.activated' }[action];
        await record(trx, access.actor, ...changing.map((t) => memberAudit(access, verb, t,
          { status: t.status, role: t.role }, action === 'delete' ? undefined : { status: action === 'activate' ? 'active' : 'inactive' })));
        return { affected: changing.length };
      });
    },

    /** Moves the owner role to another active member; the previous owner becomes an admin (seed 001). */
    async transferOwnership(access: Access, toUserId: string): Promise<Member> {
      if (access.role !== 'owner' && !access.actor.superAdmin) throw new RosterError('auth.forbidden', 'Only the owner can transfer ownership');
      return cache.change(access.organizationId, async (trx) => {
        const target = await findMember(trx, access.organizationId, toUserId);
        if (!target) throw new RosterError('member.not_found', 'No such member in this organization', 'body.userId');
        if (target.status !== 'active') throw new RosterError('member.transfer_target_inactive', 'Ownership can only go to an active member', 'body.userId');
        if (target.role === 'owner') return toMember(target);
        const owners = (await listMembers(trx, access.organizationId, { role: 'owner', limit: 10 })).map((m) => m.user_id);
        const at = now();
        await updateMembers(trx, access.organizationId, owners, { role: 'admin', updated_at: at });
        await updateMembers(trx, access.organizationId, [toUserId], { role: 'owner', updated_at: at });
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'organization.ownership_transferred', targetType: 'member',
          targetId: toUserId, targetDisplayName: displayNameOf(target), before: { owner: owners }, after: { owner: toUserId },
        });
        return toMember(await loadMember(trx, access.organizationId, toUserId));
      });
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
