/**
 * @module Who is acting and what they may do in one organization. Every organization route goes
 * through `resolveAccess`: a user who is not a member gets 404 (another tenant's data does not
 * exist for them), a deactivated member 403, and a super admin (seed 000) everything everywhere.
 * Decisions come from the access cache, so a request costs no extra query once a member is cached.
 */
import type { Kysely } from 'kysely';
import { decide, type CompiledMember } from '../domain/access-model.js';
import { RosterError } from '../domain/errors.js';
import { ALL, BUILTIN_ROLES, isBuiltinRole, permissionSet, type PermissionSet } from '../domain/permissions.js';
import { findRole } from '../db/queries/roles.js';
import type { Database } from '../db/schema.js';
import type { AccessCache } from './access-cache.js';

export interface Actor {
  /** The user's id, or the API key's id when `kind` is `api_key`. */
  userId: string;
  displayName: string;
  superAdmin: boolean;
  kind?: 'user' | 'api_key';
  /** For an API key: the person whose current access bounds it (a key it makes is bounded by them too). */
  creatorUserId?: string | null;
}

export interface Access {
  actor: Actor;
  organizationId: string;
  /** The actor's role here; null for a super admin who is not a member, and for API keys. */
  role: string | null;
  permissions: PermissionSet;
  /** The actor's compiled membership, when the actor is a member: their resources live here. */
  member?: CompiledMember | null;
}

export async function rolePermissions(db: Kysely<Database>, organizationId: string, roleKey: string): Promise<string[]> {
  if (isBuiltinRole(roleKey) && roleKey !== 'member') return [...BUILTIN_ROLES[roleKey].permissions];
  const role = await findRole(db, organizationId, roleKey);
  return role ? (JSON.parse(role.permissions) as string[]) : [];
}

/** A member's effective permissions as a set, for the privilege rules. */
export function memberPermissions(member: CompiledMember): PermissionSet {
  if (member.all) return permissionSet([ALL]);
  return {
    all: false,
    has: (p) => decide(member, p).allowed,
    list: () => [...member.grants.keys()].sort(),
  };
}

/** A super admin's set in every organization (seed 000). */
export const EVERYTHING = permissionSet([ALL]);

export async function resolveAccess(cache: AccessCache, actor: Actor, organizationId: string): Promise<Access> {
  const member = await cache.member(organizationId, actor.userId);
  if (actor.superAdmin) {
    if (member || (await cache.organizationExists(organizationId))) return { actor, organizationId, role: member?.role ?? null, permissions: EVERYTHING, member: null };
    throw new RosterError('organization.not_found', 'No such organization');
  }
  if (!member) throw new RosterError('organization.not_found', 'No such organization');
  if (!member.active) throw new RosterError('organization.inactive_membership', 'Your membership in this organization is deactivated');
  return { actor, organizationId, role: member.role, permissions: memberPermissions(member), member };
}

export function requirePermission(access: Access, permission: string): void {
  if (!access.permissions.has(permission)) {
    throw new RosterError('auth.forbidden', `This needs the ${permission} permission`);
  }
}

/** Whether the actor may hand out this resource: an owner, admin or super admin, or someone who has it. */
export function holdsResource(access: Access, type: string, id: string): boolean {
  if (access.permissions.all) return true;
  const m = access.member;
  return !!m && (m.scopes[type] === 'all' || (m.resources.get(type)?.has(id) ?? false));
}
