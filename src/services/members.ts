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
import { effectiveDisplayName } from '../domain/profile.js';
import type { Member, MemberStatus, Page } from '../domain/types.js';
import { emailKey } from '../domain/username.js';
import { now } from '../db/ids.js';
import {
  allMemberIds, deleteMembers, findMember, findMembersByIds, insertMember, listMembers, toMember, updateMembers, type MemberTarget,
} from '../db/queries/members.js';
import { findOrganization, toOrganization } from '../db/queries/organizations.js';
import { findRole } from '../db/queries/roles.js';
import { countMemberships, findUserByEmail, insertUser, updateUser } from '../db/queries/users.js';
import type { Database } from '../db/schema.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, rolePermissions, type Access } from './access.js';
import { record, type AuditEntry } from './audit.js';
import { assertPasswordAcceptable, buildUserRow, type NewUserInput } from './new-user.js';
import type { PasswordHasher } from './passwords.js';
import { auditableProfile, profileColumns, type ProfileInput } from './profile-fields.js';

type Db = Kysely<Database>;

export interface MemberListQuery {
  status?: MemberStatus;
  q?: string;
  role?: string;
  limit: number;
  cursor?: string;
}

export interface MemberPatch extends ProfileInput {
  username?: string;
  password?: string;
  role?: string;
}

export type BulkAction = 'deactivate' | 'activate' | 'delete';

async function loadMember(db: Db, organizationId: string, userId: string) {
  const row = await findMember(db, organizationId, userId);
  if (!row) throw new RosterError('member.not_found', 'No such member in this organization');
  return row;
}

async function existingRole(db: Db, organizationId: string, key: string): Promise<string[]> {
  if (!(await findRole(db, organizationId, key))) throw new RosterError('role.not_found', `No role "${key}" in this organization`, 'body.role');
  return rolePermissions(db, organizationId, key);
}

/** Nobody acts on a member who holds permissions they lack: a lesser role can not touch an admin. */
async function assertOutranks(db: Db, access: Access, targetRole: string): Promise<void> {
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

export function createMemberService(db: Db, hasher: PasswordHasher, cache: AccessCache) {
  async function setStatus(access: Access, userId: string, status: MemberStatus): Promise<Member> {
    requirePermission(access, 'members.deactivate');
    return cache.change(access.organizationId, async (trx) => {
      const m = await loadMember(trx, access.organizationId, userId);
      if (status === 'inactive') assertNotOwner(m, 'deactivate');
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
        status: query.status, role: query.role, q: query.q?.trim().toLowerCase() || undefined, after, limit: query.limit + 1,
      });
      const result = page(rows, query.limit, (r) => [r.username_key, r.user_id]);
      return { items: result.items.map(toMember), nextCursor: result.nextCursor };
    },

    async get(access: Access, userId: string): Promise<Member> {
      if (userId !== access.actor.userId) requirePermission(access, 'members.read');
      return toMember(await loadMember(db, access.organizationId, userId));
    },

    /** Adds a user directly with a username and password set by the admin (seed 000). */
    async add(access: Access, input: NewUserInput & { role: string }): Promise<Member> {
      requirePermission(access, 'members.create');
      const { role, ...userInput } = input;
      const row = await buildUserRow(hasher, userInput);
      // A user who was not a member may be cached as such.
      return cache.change(access.organizationId, async (trx) => {
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
        await record(trx, access.actor, memberAudit(access, 'member.added', { ...row, user_id: row.id }, undefined,
          { username: row.username, email: row.email, role }));
        return toMember(await loadMember(trx, access.organizationId, row.id));
      });
    },

    async update(access: Access, userId: string, patch: MemberPatch): Promise<Member> {
      const { role, password, username, ...profile } = patch;
      const changesProfile = Object.keys(profile).length > 0 || password !== undefined;
      if (changesProfile) requirePermission(access, 'members.update');
      if (role !== undefined) requirePermission(access, 'roles.assign');
      return cache.change(access.organizationId, async (trx) => {
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
        if (changesProfile) {
          const changes = profileColumns(profile);
          if (password !== undefined) {
            assertPasswordAcceptable({ password, username: m.username, email: profile.email ?? m.email, firstName: profile.firstName ?? m.first_name, lastName: profile.lastName ?? m.last_name });
            changes.password_hash = await hasher.hash(password);
          }
          await updateUser(trx, userId, { ...changes, updated_at: now() });
          const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (m as Record<string, unknown>)[k]]));
          await record(trx, access.actor, memberAudit(access, 'member.updated', m,
            auditableProfile(before), { ...auditableProfile(changes), ...(password !== undefined ? { password: 'changed' } : {}) }));
        }
        return toMember(await loadMember(trx, access.organizationId, userId));
      });
    },

    deactivate: (access: Access, userId: string) => setStatus(access, userId, 'inactive'),
    activate: (access: Access, userId: string) => setStatus(access, userId, 'active'),

    async remove(access: Access, userId: string): Promise<void> {
      await this.bulk(access, 'delete', { userIds: [userId] });
    },

    /**
     * Deactivates, activates or deletes the selected members, or all of them (seed 003's header
     * check box), all or nothing. "All" leaves out the owner and the actor, who can not be among them.
     */
    async bulk(access: Access, action: BulkAction, selection: { userIds?: string[]; all?: boolean }): Promise<{ affected: number }> {
      requirePermission(access, action === 'delete' ? 'members.delete' : 'members.deactivate');
      if (!selection.all && !selection.userIds) throw new RosterError('request.invalid', 'Name the members in userIds, or set all', 'body.userIds');
      return cache.change(access.organizationId, async (trx) => {
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
