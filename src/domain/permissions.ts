/**
 * @module Roster's own permission catalogue and the built-in roles, declared as data.
 * Owners and admins hold every permission; `member` starts with read access to the member list.
 */

export const ROSTER_PERMISSIONS = {
  'members.read': 'See the organization\'s members',
  'members.invite': 'Invite people and resend invitations',
  'members.create': 'Add a user directly with a username and password',
  'members.update': 'Edit members\' profiles',
  'members.deactivate': 'Deactivate and reactivate members',
  'members.delete': 'Delete members, when the organization allows deletion',
  'roles.assign': 'Change members\' roles',
  'roles.manage': 'Create, edit and delete custom roles',
  'groups.manage': 'Create, edit and delete groups and their members',
  'settings.manage': 'Change the organization\'s name and settings',
  'audit.read': 'Read the audit trail',
  'catalog.manage': 'Register application permissions, modules, resource types and resources',
  'api_keys.manage': 'Create and revoke API keys for programs',
  'authz.check': 'Ask whether any member may do something, and read members\' effective access',
  'notifications.send': 'Send notices by email to every active member, or to those holding a permission (seed 001)',
} as const;

export type RosterPermission = keyof typeof ROSTER_PERMISSIONS;

export const BUILTIN_ROLES = {
  owner: { name: 'Owner', description: 'Created the organization; cannot be removed, deactivated or demoted', permissions: ['*'] },
  admin: { name: 'Admin', description: 'Every permission, including user management', permissions: ['*'] },
  member: { name: 'Member', description: 'Sees the member list', permissions: ['members.read'] },
} as const;

export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;

export const isBuiltinRole = (key: string): key is BuiltinRoleKey => Object.hasOwn(BUILTIN_ROLES, key);

export const isRosterPermission = (p: string): p is RosterPermission => Object.hasOwn(ROSTER_PERMISSIONS, p);

/** The wildcard a role holds when it holds every permission (owner, admin). */
export const ALL = '*';

export interface PermissionSet {
  readonly all: boolean;
  has(permission: string): boolean;
  list(): string[];
}

export function permissionSet(permissions: readonly string[]): PermissionSet {
  const all = permissions.includes(ALL);
  const set = new Set(permissions);
  return {
    all,
    has: (p) => all || set.has(p),
    list: () => (all ? [ALL] : [...set].sort()),
  };
}

/**
 * What both sets hold. An API key acts with its own permissions only as far as its creator holds them
 * now; the creator is usually an owner or admin, whose set is every permission, so that case returns
 * the other set as it is.
 */
export function intersection(a: PermissionSet, b: PermissionSet): PermissionSet {
  if (a.all) return b;
  if (b.all) return a;
  return { all: false, has: (p) => a.has(p) && b.has(p), list: () => a.list().filter((p) => b.has(p)) };
}

/** The permissions in `wanted` that `holder` lacks: nobody grants what they do not hold. */
export function notHeld(holder: PermissionSet, wanted: readonly string[]): string[] {
  if (holder.all) return [];
  return wanted.filter((p) => !holder.has(p));
}
