/**
 * @module Roles: named permission sets per organization. The built-in owner, admin and member roles
 * can not be edited or deleted; custom roles hold only permissions from the catalogue, and nobody
 * creates or widens a role beyond the permissions they hold themselves.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { assertCanGrantPermissions } from '../domain/member-rules.js';
import type { ResourceScope } from '../domain/access-model.js';
import type { Role } from '../domain/types.js';
import { newId, now } from '../db/ids.js';
import { listResourceTypes } from '../db/queries/catalog.js';
import { countMembersWithoutExactlyOne, countMembersWithRole, deleteRole, findRole, insertRoles, listRoles, lockRole, toRole, updateRole } from '../db/queries/roles.js';
import type { Database } from '../db/schema.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, type Access } from './access.js';
import { record } from './audit.js';
import { assertKnownPermissions, assertPermissionsAllowedForRole } from './catalog.js';
import { assertUnchanged } from './preconditions.js';

export interface RoleInput {
  key: string;
  name: string;
  description?: string;
  permissions: string[];
  /** Per resource type: the role covers all resources, those granted, or exactly one granted (seed 003). */
  resourceScopes?: Record<string, ResourceScope>;
}

async function assertResourceTypes(db: Kysely<Database>, organizationId: string, scopes: Record<string, ResourceScope>): Promise<void> {
  const known = new Set((await listResourceTypes(db, organizationId)).map((t) => t.key));
  const unknown = Object.keys(scopes).filter((t) => !known.has(t));
  if (unknown.length > 0) throw new RosterError('resource_type.not_found', `No such resource types: ${unknown.join(', ')}`, 'body.resourceScopes');
}

/** Every check a role's permissions and scopes must pass before they are stored. */
async function checkedRole(db: Kysely<Database>, access: Access, key: string, permissions: readonly string[], scopes: Record<string, ResourceScope>): Promise<string[]> {
  const known = await assertKnownPermissions(db, access.organizationId, permissions, 'body.permissions');
  // Editing a role grants its permissions to everyone holding it: the editor must hold them.
  assertCanGrantPermissions(access.permissions, known, 'body.permissions');
  await assertPermissionsAllowedForRole(db, access.organizationId, key, known, 'body.permissions');
  await assertResourceTypes(db, access.organizationId, scopes);
  return known;
}

/** Refuses a write aimed at a role that changed since the client read it (`ifMatch`: the If-Match header). */
const assertRoleUnchanged = (db: Kysely<Database>, organizationId: string, key: string, ifMatch: string | undefined) => assertUnchanged(ifMatch, {
  lock: () => lockRole(db, organizationId, key),
  current: async () => toRole((await findRole(db, organizationId, key))!),
  missing: () => new RosterError('role.not_found', `No role "${key}" in this organization`),
  noun: 'role',
});

export function createRoleService(db: Kysely<Database>, cache: AccessCache) {
  async function load(organizationId: string, key: string) {
    const row = await findRole(db, organizationId, key);
    if (!row) throw new RosterError('role.not_found', `No role "${key}" in this organization`);
    return row;
  }

  return {
    async list(access: Access): Promise<Role[]> {
      return (await listRoles(db, access.organizationId)).map(toRole);
    },

    async get(access: Access, key: string): Promise<Role> {
      return toRole(await load(access.organizationId, key));
    },

    async create(access: Access, input: RoleInput): Promise<Role> {
      requirePermission(access, 'roles.manage');
      const scopes = input.resourceScopes ?? {};
      return cache.change(access.organizationId, async (trx) => {
        const permissions = await checkedRole(trx, access, input.key, input.permissions, scopes);
        const at = now();
        const row = {
          id: newId(), organization_id: access.organizationId, key: input.key, name: input.name.trim(),
          description: input.description?.trim() ?? '', permissions: JSON.stringify(permissions), builtin: 0,
          resource_scopes: JSON.stringify(scopes), created_at: at, updated_at: at,
        };
        await insertRoles(trx, [row]);
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'role.created', targetType: 'role', targetId: row.id, targetDisplayName: row.name, after: { key: row.key, name: row.name, permissions } });
        return toRole(row);
      });
    },

    async update(access: Access, key: string, patch: Partial<Omit<RoleInput, 'key'>>, ifMatch?: string): Promise<Role> {
      requirePermission(access, 'roles.manage');
      return cache.change(access.organizationId, async (trx) => {
        await assertRoleUnchanged(trx, access.organizationId, key, ifMatch);
        const row = await findRole(trx, access.organizationId, key);
        if (!row) throw new RosterError('role.not_found', `No role "${key}" in this organization`);
        if (row.builtin === 1) throw new RosterError('role.builtin_immutable', 'Built-in roles can not be changed');
        const before = toRole(row);
        // Narrowing a role takes permissions from everyone holding it: like deleting, only within reach.
        assertCanGrantPermissions(access.permissions, before.permissions, 'params.roleKey');
        const scopes = patch.resourceScopes ?? before.resourceScopes;
        const permissions = await checkedRole(trx, access, key, patch.permissions ?? before.permissions, scopes);
        for (const [type, scope] of Object.entries(scopes)) {
          if (scope === 'one' && (await countMembersWithoutExactlyOne(trx, access.organizationId, key, type)) > 0) {
            throw new RosterError('resource.exactly_one_required', `Every member with this role must first have exactly one ${type}`, 'body.resourceScopes');
          }
        }
        const changes = {
          name: patch.name?.trim() ?? row.name, description: patch.description?.trim() ?? row.description,
          permissions: JSON.stringify(permissions), resource_scopes: JSON.stringify(scopes), updated_at: now(),
        };
        await updateRole(trx, access.organizationId, key, changes);
        const after = toRole({ ...row, ...changes });
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'role.updated', targetType: 'role', targetId: row.id, targetDisplayName: after.name,
          before: { name: before.name, description: before.description, permissions: before.permissions, resourceScopes: before.resourceScopes },
          after: { name: after.name, description: after.description, permissions: after.permissions, resourceScopes: after.resourceScopes },
        });
        return after;
      });
    },

    async remove(access: Access, key: string, ifMatch?: string): Promise<void> {
      requirePermission(access, 'roles.manage');
      await cache.change(access.organizationId, async (trx) => {
        await assertRoleUnchanged(trx, access.organizationId, key, ifMatch);
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
