/**
 * @module The access evaluator: what a member may do, as pure functions over plain data.
 *
 * Effective permissions of a member (DESIGN.md §1): nothing if inactive; everything for an owner
 * or admin; otherwise role ∪ groups ∪ user allows − user denies, where an application permission
 * limited to some roles (seed 003) counts only for members of those roles. Resources: a role covers
 * all resources of a type, or only those granted to the member (exactly one for a role that
 * requires one, seed 003's Partner).
 *
 * `compileMember` does the work once per member so that `decide` is a few map look-ups.
 */
import { ALL } from './permissions.js';

export type ResourceScope = 'one' | 'granted' | 'all';
export type Effect = 'allow' | 'deny';

export interface RoleModel {
  key: string;
  permissions: readonly string[];
  resourceScopes: Readonly<Record<string, ResourceScope>>;
}

export interface GroupModel {
  id: string;
  name: string;
  permissions: readonly string[];
}

export interface OrganizationModel {
  roles: ReadonlyMap<string, RoleModel>;
  groups: ReadonlyMap<string, GroupModel>;
  /** Application permissions that only some roles may hold. */
  allowedRoles: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface MemberModel {
  userId: string;
  role: string;
  status: 'active' | 'inactive';
  groupIds: readonly string[];
  overrides: Readonly<Record<string, Effect>>;
  resources: Readonly<Record<string, readonly string[]>>;
}

export interface Decision {
  allowed: boolean;
  /**
   * Why: `role:<key>`, `group:<name>`, `user:allow` when allowed; `not_member`, `inactive`,
   * `user:deny`, `role_not_eligible`, `not_granted` or `resource_not_granted` when not.
   */
  reason: string;
}

export interface CompiledMember {
  readonly userId: string;
  readonly role: string;
  readonly active: boolean;
  /** Owners and admins hold every permission and every resource. */
  readonly all: boolean;
  /** Each held permission with the first reason it is held for. */
  readonly grants: ReadonlyMap<string, string>;
  readonly denied: ReadonlySet<string>;
  readonly ineligible: ReadonlySet<string>;
  readonly scopes: Readonly<Record<string, ResourceScope>>;
  readonly resources: ReadonlyMap<string, ReadonlySet<string>>;
}

export function compileMember(org: OrganizationModel, m: MemberModel): CompiledMember {
  const role = org.roles.get(m.role);
  const rolePermissions = role?.permissions ?? [];
  const all = rolePermissions.includes(ALL);
  const grants = new Map<string, string>();
  const denied = new Set<string>();
  const ineligible = new Set<string>();
  const eligible = (p: string): boolean => {
    const roles = org.allowedRoles.get(p);
    if (!roles || roles.has(m.role)) return true;
    ineligible.add(p);
    return false;
  };
  const grant = (p: string, reason: string) => {
    if (!grants.has(p) && eligible(p)) grants.set(p, reason);
  };
  if (!all) {
    for (const p of rolePermissions) grant(p, `role:${m.role}`);
    for (const id of m.groupIds) {
      const group = org.groups.get(id);
      if (group) for (const p of group.permissions) grant(p, `group:${group.name}`);
    }
    for (const [p, effect] of Object.entries(m.overrides)) {
      if (effect === 'allow') grant(p, 'user:allow');
    }
    for (const [p, effect] of Object.entries(m.overrides)) {
      if (effect === 'deny') {
        grants.delete(p);
        denied.add(p);
      }
    }
  }
  return {
    userId: m.userId,
    role: m.role,
    active: m.status === 'active',
    all,
    grants,
    denied,
    ineligible,
    scopes: role?.resourceScopes ?? {},
    resources: new Map(Object.entries(m.resources).map(([type, ids]) => [type, new Set(ids)])),
  };
}

export interface ResourceRef {
  type: string;
  id: string;
}

const INACTIVE: Decision = Object.freeze({ allowed: false, reason: 'inactive' });
const NOT_MEMBER: Decision = Object.freeze({ allowed: false, reason: 'not_member' });
const DENIED: Decision = Object.freeze({ allowed: false, reason: 'user:deny' });
const INELIGIBLE: Decision = Object.freeze({ allowed: false, reason: 'role_not_eligible' });
const NOT_GRANTED: Decision = Object.freeze({ allowed: false, reason: 'not_granted' });
const NO_RESOURCE: Decision = Object.freeze({ allowed: false, reason: 'resource_not_granted' });
const allowedFor = new Map<string, Decision>();
const allowed = (reason: string): Decision => {
  let d = allowedFor.get(reason);
  if (!d) allowedFor.set(reason, (d = Object.freeze({ allowed: true, reason })));
  return d;
};

export function decide(member: CompiledMember | null, permission: string, resource?: ResourceRef): Decision {
  if (!member) return NOT_MEMBER;
  if (!member.active) return INACTIVE;
  if (member.all) return allowed(`role:${member.role}`);
  const reason = member.grants.get(permission);
  if (reason === undefined) {
    if (member.denied.has(permission)) return DENIED;
    return member.ineligible.has(permission) ? INELIGIBLE : NOT_GRANTED;
  }
  if (resource && member.scopes[resource.type] !== 'all' && !member.resources.get(resource.type)?.has(resource.id)) return NO_RESOURCE;
  return allowed(reason);
}

/** Every permission the member holds, with its reason; `*` alone for owners and admins. */
export function effectivePermissions(member: CompiledMember): Array<{ permission: string; reason: string }> {
  if (!member.active) return [];
  if (member.all) return [{ permission: ALL, reason: `role:${member.role}` }];
  return [...member.grants].map(([permission, reason]) => ({ permission, reason })).sort((a, b) => a.permission.localeCompare(b.permission));
}
