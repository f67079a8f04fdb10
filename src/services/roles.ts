/**
 * @module Roles: named permission sets per organization. The built-in owner, admin and member roles
 * can not be edited or deleted; custom roles hold only permissions from the catalogue, and nobody
 * creates or widens a role beyond the permissions they hold themselves.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { assertCanGrantPermissions } from '../domain/member-rules.js';
import { isRosterPermission, ROSTER_PERMISSIONS } from '../domain/permissions.js';
import type { Role } from '../domain/types.js';
import { newId, now } from '../db/ids.js';
import { countMembersWithRole, deleteRole, findRole, insertRoles, listRoles, toRole, updateRole } from '../db/queries/roles.js';
import type { Database } from '../db/schema.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, type Access } from './access.js';
import { record } from './audit.js';

export interface RoleInput {
  key: string;
  name: string;
  description?: string;
  permissions: string[];
}

function assertKnownPermissions(permissions: readonly string[]): string[] {
  const unknown = permissions.filter((p) => !isRosterPermission(p));
  if (unknown.length > 0) throw new RosterError('permission.unknown', `Unknown permissions: ${unknown.join(', ')}`, 'body.permissions');
  return [...new Set(permissions)].sort();
}

export function createRoleService(db: Kysely<Database>, cache: AccessCache) {
  async function load(organizationId: string, key: string) {
    const row = await findRole(db, organizationId, key);
    if (!row) throw new RosterError('role.not_found', `No role "${key}" in this organization`);
    return row;
  }

  return {
    catalog: () => Object.entries(ROSTER_PERMISSIONS).map(([key, description]) => ({ key, description, source: 'roster' as const })),

    async list(access: Access): Promise<Role[]> {
      return (await listRoles(db, access.organizationId)).map(toRole);
    },

    async get(access: Access, key: string): Promise<Role> {
      return toRole(await load(access.organizationId, key));
    },

    async create(access: Access, input: RoleInput): Promise<Role> {
      requirePermission(access, 'roles.manage');
      const permissions = assertKnownPermissions(input.permissions);
      assertCanGrantPermissions(access.permissions, permissions, 'body.permissions');
      const at = now();
      const row = {
        id: newId(), organization_id: access.organizationId, key: input.key, name: input.name.trim(),
        description: input.description?.trim() ?? '', permissions: JSON.stringify(permissions), builtin: 0, resource_scopes: '{}', created_at: at, updated_at: at,
      };
      return cache.change(access.organizationId, async (trx) => {
        await insertRoles(trx, [row]);
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'role.created', targetType: 'role', targetId: row.id, targetDisplayName: row.name, after: { key: row.key, name: row.name, permissions } });
        return toRole(row);
      });
    },

    async update(access: Access, key: string, patch: Partial<Omit<RoleInput, 'key'>>): Promise<Role> {
      requirePermission(access, 'roles.manage');
      return cache.change(access.organizationId, async (trx) => {
        const row = await findRole(trx, access.organizationId, key);
        if (!row) throw new RosterError('role.not_found', `No role "${key}" in this organization`);
        if (row.builtin === 1) throw new RosterError('role.builtin_immutable', 'Built-in roles can not be changed');
        const before = toRole(row);
        const permissions = patch.permissions ? assertKnownPermissions(patch.permissions) : before.permissions;
        // Narrowing a role takes permissions from everyone holding it: like deleting, only within reach.
        assertCanGrantPermissions(access.permissions, before.permissions, 'params.roleKey');
        // Editing a role grants its new permissions to everyone holding it: the editor must hold them.
        assertCanGrantPermissions(access.permissions, permissions, 'body.permissions');
        const changes = { name: patch.name?.trim() ?? row.name, description: patch.description?.trim() ?? row.description, permissions: JSON.stringify(permissions), updated_at: now() };
        await updateRole(trx, access.organizationId, key, changes);
        const after = toRole({ ...row, ...changes });
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'role.updated', targetType: 'role', targetId: row.id, targetDisplayName: after.name,
          before: { name: before.name, description: before.description, permissions: before.permissions },
          after: { name: after.name, description: after.description, permissions: after.permissions },
        });
        return after;
      });
    },

    async remove(access: Access, key: string): Promise<void> {
      requirePermission(access, 'roles.manage');
      await cache.change(access.organizationId, async (trx) => {
        const row = await findRole(trx, access.organizationId, key);
        if (!row) throw new RosterError('role.not_found', `No role "${key}" in this organization`);
        if (row.builtin === 1) throw new RosterError('role.builtin_immutable', 'Built-in roles can not be deleted');
        const holders = await countMembersWithRole(trx, access.organizationId, key);
        if (holders > 0) throw new RosterError('role.in_use', `${holders} member(s) hold this role; give them another role first`);
        const role = toRole(row);
        // A lesser admin must not remove a role (and so its members' grants) beyond their own reach.
        assertCanGrantPermissions(access.permissions, role.permissions, 'params.roleKey');
        await deleteRole(trx, access.organizationId, key);
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'role.deleted', targetType: 'role', targetId: row.id, targetDisplayName: role.name, before: { key, permissions: role.permissions } });
      });
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
