/**
 * @module Names in the permission catalogue. Module permissions are `module:<name>.<action>` for the
 * four actions of seed 002's module matrix; application permissions are dotted names such as
 * `issue_comments.access` (seed 003).
 */

export const MODULE_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type ModuleAction = (typeof MODULE_ACTIONS)[number];

export const APP_PERMISSION_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$';
export const MODULE_NAME_PATTERN = '^[a-z][a-z0-9_]*$';
export const RESOURCE_TYPE_PATTERN = '^[a-z][a-z0-9_]*$';

export const modulePermission = (module: string, action: ModuleAction): string => `module:${module}.${action}`;

export const modulePermissions = (module: string): string[] => MODULE_ACTIONS.map((a) => modulePermission(module, a));

/** The module a `module:<name>.<action>` permission belongs to, or null for other permissions. */
export function moduleOf(permission: string): string | null {
  const m = /^module:([a-z][a-z0-9_]*)\.(read|create|update|delete)$/.exec(permission);
  return m ? (m[1] ?? null) : null;
}
