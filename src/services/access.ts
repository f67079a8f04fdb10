/**
 * @module Who is acting and what they may do in one organization. Every organization route goes
 * through `resolveAccess`: a user who is not a member gets 404 (another tenant's data does not
 * exist for them), a deactivated member 403, and a super admin (seed 000) everything everywhere.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { ALL, ROSTER_PERMISSIONS, isBuiltinRole, permissionSet, BUILTIN_ROLES, type PermissionSet } from '../domain/permissions.js';
import { findMembership } from '../db/queries/members.js';
import { findOrganization } from '../db/queries/organizations.js';
import { findRole } from '../db/queries/roles.js';
import type { Database } from '../db/schema.js';

export interface Actor {
  userId: string;
  displayName: string;
  superAdmin: boolean;
}

export interface Access {
  actor: Actor;
  organizationId: string;
  /** The actor's role here; null for a super admin who is not a member. */
  role: string | null;
  permissions: PermissionSet;
}

export async function rolePermissions(db: Kysely<Database>, organizationId: string, roleKey: string): Promise<string[]> {
  if (isBuiltinRole(roleKey) && roleKey !== 'member') return [...BUILTIN_ROLES[roleKey].permissions];
  const role = await findRole(db, organizationId, roleKey);
  return role ? (JSON.parse(role.permissions) as string[]) : [];
}

export async function resolveAccess(db: Kysely<Database>, actor: Actor, organizationId: string): Promise<Access> {
  const membership = await findMembership(db, organizationId, actor.userId);
  if (!membership) {
    if (actor.superAdmin && (await findOrganization(db, organizationId))) {
      return { actor, organizationId, role: null, permissions: permissionSet([ALL]) };
    }
    throw new RosterError('organization.not_found', 'No such organization');
  }
  if (membership.status !== 'active') {
    if (actor.superAdmin) return { actor, organizationId, role: membership.role, permissions: permissionSet([ALL]) };
    throw new RosterError('organization.inactive_membership', 'Your membership in this organization is deactivated');
  }
  const permissions = actor.superAdmin ? [ALL] : await rolePermissions(db, organizationId, membership.role);
  return { actor, organizationId, role: membership.role, permissions: permissionSet(permissions) };
}

export function requirePermission(access: Access, permission: keyof typeof ROSTER_PERMISSIONS): void {
  if (!access.permissions.has(permission)) {
    throw new RosterError('auth.forbidden', `This needs the ${permission} permission`);
  }
}
