/**
 * @module A member's user-specific permissions and resource grants, changed as part of editing the
 * member (and later of an invitation). The privilege rules hold here as everywhere: nobody sets a
 * permission they do not hold or grants a resource they can not see, a role-limited permission goes
 * only to its roles (seed 003), and a role that requires exactly one resource gets exactly one.
 */
import type { Kysely } from 'kysely';
import type { Effect } from '../domain/access-model.js';
import { RosterError } from '../domain/errors.js';
import { assertCanGrantPermissions } from '../domain/member-rules.js';
import { findResources, findResourceType } from '../db/queries/catalog.js';
import { countGrantedResources, listGrantedResources, listOverrides, replaceGrantedResources, setOverride } from '../db/queries/member-access.js';
import { findRole } from '../db/queries/roles.js';
import type { Database } from '../db/schema.js';
import { holdsResource, type Access } from './access.js';
import { assertKnownPermissions, assertPermissionsAllowedForRole } from './catalog.js';

type Db = Kysely<Database>;

export type OverridePatch = Record<string, Effect | 'inherit'>;
export type ResourcePatch = Record<string, string[]>;

/** Sets allow / deny / inherit per permission; returns the before and after of what changed. */
export async function applyOverrides(trx: Db, access: Access, userId: string, role: string, patch: OverridePatch) {
  const permissions = await assertKnownPermissions(trx, access.organizationId, Object.keys(patch), 'body.permissions');
  assertCanGrantPermissions(access.permissions, permissions, 'body.permissions');
  const allowed = permissions.filter((p) => patch[p] === 'allow');
  await assertPermissionsAllowedForRole(trx, access.organizationId, role, allowed, 'body.permissions');
  const before = Object.fromEntries((await listOverrides(trx, access.organizationId, userId)).map((o) => [o.permission, o.effect]));
  for (const p of permissions) await setOverride(trx, access.organizationId, userId, p, patch[p] ?? 'inherit');
  return { before, after: Object.fromEntries((await listOverrides(trx, access.organizationId, userId)).map((o) => [o.permission, o.effect])) };
}

/**
 * Checks resource grants before they are stored: the type and resources exist and the actor can see
 * every resource they hand out or take away (`current`: what the member holds now). Granted
 * resources the actor can not see may stay. Returns the patch without repeated ids.
 */
export async function checkResourceGrants(
  trx: Db, access: Access, patch: ResourcePatch, current: ReadonlyArray<{ type: string; resource_id: string }> = [],
): Promise<ResourcePatch> {
  const checked: ResourcePatch = {};
  for (const [type, rawIds] of Object.entries(patch)) {
    const ids = [...new Set(rawIds)];
    if (!(await findResourceType(trx, access.organizationId, type))) throw new RosterError('resource_type.not_found', `No resource type ${type}`, `body.resources.${type}`);
    const found = new Set((await findResources(trx, access.organizationId, type, ids)).map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new RosterError('resource.not_found', `No ${type} ${missing.join(', ')}`, `body.resources.${type}`);
    const held = new Set(current.filter((r) => r.type === type).map((r) => r.resource_id));
    const changed = [...ids.filter((id) => !held.has(id)), ...[...held].filter((id) => !ids.includes(id))];
    const unseen = changed.filter((id) => !holdsResource(access, type, id));
    if (unseen.length > 0) throw new RosterError('permission.not_held', `You can not grant or take away ${type} you do not have: ${unseen.join(', ')}`, `body.resources.${type}`);
    checked[type] = ids;
  }
  return checked;
}

/** Replaces the member's granted resources of each type named in the patch. */
export async function applyResources(trx: Db, access: Access, userId: string, patch: ResourcePatch) {
  const before = await listGrantedResources(trx, access.organizationId, userId);
  for (const [type, ids] of Object.entries(await checkResourceGrants(trx, access, patch, before))) {
    await replaceGrantedResources(trx, access.organizationId, userId, type, ids);
  }
  const group = (rows: Array<{ type: string; resource_id: string }>) => {
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[r.type] ??= []).push(r.resource_id);
    return out;
  };
  return { before: group(before), after: group(await listGrantedResources(trx, access.organizationId, userId)) };
}

/** The resource types of which a role requires exactly one (seed 003's Partner). */
export async function typesRequiringOne(trx: Db, organizationId: string, roleKey: string): Promise<string[]> {
  const role = await findRole(trx, organizationId, roleKey);
  const scopes = JSON.parse(role?.resource_scopes ?? '{}') as Record<string, string>;
  return Object.entries(scopes).filter(([, scope]) => scope === 'one').map(([type]) => type);
}

const exactlyOne = (roleKey: string, type: string) =>
  new RosterError('resource.exactly_one_required', `The ${roleKey} role needs exactly one ${type}: select it in resources.${type}`, `body.resources.${type}`);

/** The grants an invitation carries satisfy its role, before anyone holds them. */
export async function assertGrantsFitRole(trx: Db, organizationId: string, roleKey: string, resources: ResourcePatch): Promise<void> {
  for (const type of await typesRequiringOne(trx, organizationId, roleKey)) {
    if ((resources[type] ?? []).length !== 1) throw exactlyOne(roleKey, type);
  }
}

/** A role that requires exactly one resource of a type (seed 003's Partner) gets exactly one. */
export async function assertRoleResources(trx: Db, organizationId: string, userId: string, roleKey: string): Promise<void> {
  for (const type of await typesRequiringOne(trx, organizationId, roleKey)) {
    if ((await countGrantedResources(trx, organizationId, userId, type)) !== 1) throw exactlyOne(roleKey, type);
  }
}
