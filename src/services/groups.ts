/**
 * @module Groups (seed 002 "User Groups", "Group Manager"): named sets of members with permissions,
 * per organization; a member may be in many groups and holds each group's permissions. Nobody
 * grants a permission they do not hold, directly or through a group: creating or editing a group,
 * putting a member in it or taking one out, and deleting it all need every permission it carries.
 * Each change is one transaction through the access cache, so decisions follow at once.
 */
import type { Kysely } from 'kysely';
import { decodeCursor, page } from '../domain/cursor.js';
import { RosterError } from '../domain/errors.js';
import { groupName, groupNameKey } from '../domain/group-rules.js';
import { assertCanGrantPermissions } from '../domain/member-rules.js';
import { effectiveDisplayName } from '../domain/profile.js';
import type { Group, Member, MemberGroup, MemberStatus, Page } from '../domain/types.js';
import { newId, now } from '../db/ids.js';
import {
  addMemberToGroups, countGroupMembers, deleteGroup, findGroup, findGroupByNameKey, findGroupsByIds, groupsOfMembers, insertGroup, listGroups, lockGroup,
  removeMemberFromGroups, toGroup, updateGroup,
} from '../db/queries/groups.js';
import { findMembersByIds, listMembers, toMember, type MemberTarget } from '../db/queries/members.js';
import type { SearchMatch } from '../db/queries/member-search.js';
import type { Database, GroupRow } from '../db/schema.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, type Access } from './access.js';
import { record } from './audit.js';
import { assertKnownPermissions } from './catalog.js';
import { assertUnchanged } from './preconditions.js';

type Db = Kysely<Database>;

export interface GroupInput {
  name: string;
  description?: string;
  permissions?: string[];
}

export type GroupPatch = Partial<GroupInput>;

export interface GroupMemberQuery {
  status?: MemberStatus;
  q?: string;
  match?: SearchMatch;
  limit: number;
  cursor?: string;
}

/** The member a group change is about, with the names the audit trail records. */
export type GroupMemberTarget = Pick<MemberTarget, 'user_id' | 'username' | 'first_name' | 'last_name' | 'display_name'>;

const permissionsOf = (row: GroupRow): string[] => JSON.parse(row.permissions) as string[];

async function loadGroup(db: Db, organizationId: string, groupId: string): Promise<GroupRow> {
  const row = await findGroup(db, organizationId, groupId);
  if (!row) throw new RosterError('group.not_found', 'No such group in this organization');
  return row;
}

/** A group as the API shows it, with its member count. */
async function withCount(trx: Db, organizationId: string, row: GroupRow): Promise<Group> {
  return toGroup(row, (await countGroupMembers(trx, organizationId, [row.id])).get(row.id) ?? 0);
}

/** Refuses a write aimed at a group that changed since the client read it (`ifMatch`: the If-Match header). */
const assertGroupUnchanged = (db: Db, organizationId: string, groupId: string, ifMatch: string | undefined) => assertUnchanged(ifMatch, {
  lock: () => lockGroup(db, organizationId, groupId),
  current: async () => withCount(db, organizationId, await loadGroup(db, organizationId, groupId)),
  missing: () => new RosterError('group.not_found', 'No such group in this organization'),
  noun: 'group',
});

async function assertNameFree(db: Db, organizationId: string, nameKey: string): Promise<void> {
  if (await findGroupByNameKey(db, organizationId, nameKey)) throw new RosterError('group.name_taken', 'A group with that name exists', 'body.name');
}

/** A group's permissions, checked against the catalogue and against what the actor holds. */
async function grantable(db: Db, access: Access, permissions: readonly string[]): Promise<string[]> {
  const known = await assertKnownPermissions(db, access.organizationId, permissions, 'body.permissions');
  // Every member of the group would hold them: the actor must hold them first.
  assertCanGrantPermissions(access.permissions, known, 'body.permissions');
  return known;
}

/** Nobody grants or takes away through a group what they do not hold themselves. */
function assertCanChangeGroups(access: Access, groups: readonly GroupRow[], field: string): void {
  assertCanGrantPermissions(access.permissions, [...new Set(groups.flatMap(permissionsOf))], field);
}

const groupAuditValues = (g: Group) => ({ name: g.name, description: g.description, permissions: g.permissions });

/**
 * Changes which groups one member is in to `next(current group ids)`, recording the change.
 * The actor must hold the permissions of every group the member joins or leaves; groups kept as
 * they were need nothing. A group id that is not this organization's is refused with `field`.
 */
async function changeMemberGroups(
  trx: Db, access: Access, member: GroupMemberTarget, next: (current: readonly string[]) => readonly string[], field: string,
): Promise<void> {
  const organizationId = access.organizationId;
  const before: MemberGroup[] = (await groupsOfMembers(trx, organizationId, [member.user_id])).get(member.user_id) ?? [];
  const current = new Set(before.map((g) => g.id));
  const wanted = new Set(next([...current]));
  const rows = new Map((await findGroupsByIds(trx, organizationId, [...new Set([...wanted, ...current])])).map((g) => [g.id, g]));
  const unknown = [...wanted].filter((id) => !rows.has(id));
  if (unknown.length > 0) throw new RosterError('group.not_found', `No such groups in this organization: ${unknown.join(', ')}`, field);
  const added = [...wanted].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !wanted.has(id));
  if (added.length === 0 && removed.length === 0) return;
  assertCanChangeGroups(access, [...added, ...removed].map((id) => rows.get(id)!), field);
  await addMemberToGroups(trx, organizationId, member.user_id, added, now());
  await removeMemberFromGroups(trx, organizationId, member.user_id, removed);
  const after = (await groupsOfMembers(trx, organizationId, [member.user_id])).get(member.user_id) ?? [];
  await record(trx, access.actor, {
    organizationId, action: 'member.groups_changed', targetType: 'member', targetId: member.user_id,
    targetDisplayName: effectiveDisplayName({ username: member.username, firstName: member.first_name, lastName: member.last_name, displayName: member.display_name, alias: null }),
    before: { groups: before }, after: { groups: after },
  });
}

/**
 * Checks that the actor may put someone in these groups (they exist here, and the actor holds every
 * permission they carry) before anyone joins them, e.g. when inviting. Returns the ids without repeats.
 */
export async function checkGroupGrants(trx: Db, access: Access, groupIds: readonly string[], field: string): Promise<string[]> {
  const ids = [...new Set(groupIds)];
  const rows = await findGroupsByIds(trx, access.organizationId, ids);
  const found = new Set(rows.map((g) => g.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new RosterError('group.not_found', `No such groups in this organization: ${unknown.join(', ')}`, field);
  assertCanChangeGroups(access, rows, field);
  return ids;
}

/**
 * Puts a member in exactly these groups (seed 002: the User Groups check boxes of a member), for
 * editing a member. Runs inside the caller's access-cache transaction; needs `groups.manage`.
 */
export async function replaceMemberGroups(trx: Db, access: Access, member: GroupMemberTarget, groupIds: readonly string[]): Promise<void> {
  requirePermission(access, 'groups.manage');
  await changeMemberGroups(trx, access, member, () => groupIds, 'body.groups');
}

export function createGroupService(db: Db, cache: AccessCache) {
  /** A member of the organization, for putting in a group or taking out of one. */
  async function loadTarget(trx: Db, organizationId: string, userId: string): Promise<MemberTarget> {
    const [member] = await findMembersByIds(trx, organizationId, [userId]);
    if (!member) throw new RosterError('member.not_found', 'No such member in this organization');
    return member;
  }

  return {
    async list(access: Access, query: { limit: number; cursor?: string }): Promise<Page<Group>> {
      requirePermission(access, 'members.read');
      const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
      const rows = await listGroups(db, access.organizationId, after, query.limit + 1);
      const result = page(rows, query.limit, (g) => [g.name_key, g.id]);
      const counts = await countGroupMembers(db, access.organizationId, result.items.map((g) => g.id));
      return { items: result.items.map((g) => toGroup(g, counts.get(g.id) ?? 0)), nextCursor: result.nextCursor };
    },

    async get(access: Access, groupId: string): Promise<Group> {
      requirePermission(access, 'members.read');
      return withCount(db, access.organizationId, await loadGroup(db, access.organizationId, groupId));
    },

    async create(access: Access, input: GroupInput): Promise<Group> {
      requirePermission(access, 'groups.manage');
      const name = groupName(input.name, 'body.name');
      return cache.change(access.organizationId, async (trx) => {
        const permissions = await grantable(trx, access, input.permissions ?? []);
        const nameKey = groupNameKey(name);
        await assertNameFree(trx, access.organizationId, nameKey);
        const at = now();
        const row: GroupRow = {
          id: newId(), organization_id: access.organizationId, name, name_key: nameKey, description: input.description?.trim() ?? '',
          permissions: JSON.stringify(permissions), created_at: at, updated_at: at,
        };
        await insertGroup(trx, row);
        const group = toGroup(row, 0);
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'group.created', targetType: 'group', targetId: row.id, targetDisplayName: name, after: groupAuditValues(group) });
        return group;
      });
    },

    async update(access: Access, groupId: string, patch: GroupPatch, ifMatch?: string): Promise<Group> {
      requirePermission(access, 'groups.manage');
      const name = patch.name === undefined ? undefined : groupName(patch.name, 'body.name');
      return cache.change(access.organizationId, async (trx) => {
        await assertGroupUnchanged(trx, access.organizationId, groupId, ifMatch);
        const row = await loadGroup(trx, access.organizationId, groupId);
        // Editing a group changes what each of its members holds, taking away included: only within the editor's reach.
        assertCanChangeGroups(access, [row], 'params.groupId');
        const permissions = patch.permissions === undefined ? permissionsOf(row) : await grantable(trx, access, patch.permissions);
        const nameKey = name === undefined ? row.name_key : groupNameKey(name);
        if (nameKey !== row.name_key) await assertNameFree(trx, access.organizationId, nameKey);
        const changes = {
          name: name ?? row.name, name_key: nameKey, description: patch.description?.trim() ?? row.description,
          permissions: JSON.stringify(permissions), updated_at: now(),
        };
        await updateGroup(trx, access.organizationId, groupId, changes);
        const before = toGroup(row, 0);
        const after = await withCount(trx, access.organizationId, { ...row, ...changes });
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'group.updated', targetType: 'group', targetId: groupId, targetDisplayName: after.name,
          before: groupAuditValues(before), after: groupAuditValues(after),
        });
        return after;
      });
    },

    async remove(access: Access, groupId: string, ifMatch?: string): Promise<void> {
      requirePermission(access, 'groups.manage');
      await cache.change(access.organizationId, async (trx) => {
        await assertGroupUnchanged(trx, access.organizationId, groupId, ifMatch);
        const row = await loadGroup(trx, access.organizationId, groupId);
        // Deleting a group takes its permissions from every member in it.
        assertCanChangeGroups(access, [row], 'params.groupId');
        const group = await withCount(trx, access.organizationId, row);
        await deleteGroup(trx, access.organizationId, groupId);
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'group.deleted', targetType: 'group', targetId: groupId, targetDisplayName: group.name,
          before: { ...groupAuditValues(group), memberCount: group.memberCount },
        });
      });
    },

    /** The members of a group, paginated like the member list (seed 002: members listed per group). */
    async members(access: Access, groupId: string, query: GroupMemberQuery): Promise<Page<Member>> {
      requirePermission(access, 'members.read');
      await loadGroup(db, access.organizationId, groupId);
      const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
      const rows = await listMembers(db, access.organizationId, {
        group: groupId, status: query.status, q: query.q?.trim().toLowerCase() || undefined, match: query.match, after, limit: query.limit + 1,
      });
      const result = page(rows, query.limit, (r) => [r.username_key, r.user_id]);
      return { items: result.items.map(toMember), nextCursor: result.nextCursor };
    },

    /** Puts a member in the group; one already in it stays. Needs every permission of the group. */
    async addMember(access: Access, groupId: string, userId: string): Promise<void> {
      requirePermission(access, 'groups.manage');
      await cache.change(access.organizationId, async (trx) => {
        const group = await loadGroup(trx, access.organizationId, groupId);
        const member = await loadTarget(trx, access.organizationId, userId);
        assertCanChangeGroups(access, [group], 'params.groupId');
        await changeMemberGroups(trx, access, member, (current) => [...current, groupId], 'params.groupId');
      });
    },

    /** Takes a member out of the group; one not in it is left as is. Needs every permission of the group. */
    async removeMember(access: Access, groupId: string, userId: string): Promise<void> {
      requirePermission(access, 'groups.manage');
      await cache.change(access.organizationId, async (trx) => {
        const group = await loadGroup(trx, access.organizationId, groupId);
        const member = await loadTarget(trx, access.organizationId, userId);
        assertCanChangeGroups(access, [group], 'params.groupId');
        await changeMemberGroups(trx, access, member, (current) => current.filter((id) => id !== groupId), 'params.groupId');
      });
    },
  };
}

export type GroupService = ReturnType<typeof createGroupService>;
