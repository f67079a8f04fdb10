/**
 * @module Loads what the access evaluator needs: an organization's roles, groups and role-limited
 * application permissions, and one member's role, status, groups, overrides and resource grants
 * (or every member's at once, for a decision about the whole organization).
 */
import type { Kysely } from 'kysely';
import type { Effect, GroupModel, MemberModel, OrganizationModel, ResourceScope, RoleModel } from '../../domain/access-model.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export async function loadOrganizationModel(db: Db, organizationId: string): Promise<OrganizationModel | null> {
  const [org, roles, groups, limited] = await Promise.all([
    db.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst(),
    db.selectFrom('roles').select(['key', 'permissions', 'resource_scopes']).where('organization_id', '=', organizationId).execute(),
    db.selectFrom('groups').select(['id', 'name', 'permissions']).where('organization_id', '=', organizationId).execute(),
    db.selectFrom('app_permissions').select(['key', 'allowed_roles']).where('organization_id', '=', organizationId).where('allowed_roles', 'is not', null).execute(),
  ]);
  if (!org) return null;
  return {
    roles: new Map(roles.map((r): [string, RoleModel] => [r.key, {
      key: r.key,
      permissions: JSON.parse(r.permissions) as string[],
      resourceScopes: JSON.parse(r.resource_scopes) as Record<string, ResourceScope>,
    }])),
    groups: new Map(groups.map((g): [string, GroupModel] => [g.id, { id: g.id, name: g.name, permissions: JSON.parse(g.permissions) as string[] }])),
    allowedRoles: new Map(limited.map((p) => [p.key, new Set(JSON.parse(p.allowed_roles ?? '[]') as string[])])),
  };
}

export async function loadMemberModel(db: Db, organizationId: string, userId: string): Promise<MemberModel | null> {
  const [member, groups, overrides, resources] = await Promise.all([
    db.selectFrom('members').select(['role', 'status']).where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('group_members').select('group_id').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute(),
    db.selectFrom('member_permissions').select(['permission', 'effect']).where('organization_id', '=', organizationId).where('user_id', '=', userId).execute(),
    db.selectFrom('member_resources').select(['type', 'resource_id']).where('organization_id', '=', organizationId).where('user_id', '=', userId).execute(),
  ]);
  if (!member) return null;
  const byType: Record<string, string[]> = {};
  for (const r of resources) (byType[r.type] ??= []).push(r.resource_id);
  return {
    userId,
    role: member.role,
    status: member.status,
    groupIds: groups.map((g) => g.group_id),
    overrides: Object.fromEntries(overrides.map((o): [string, Effect] => [o.permission, o.effect])),
    resources: byType,
  };
}

/**
 * The models of every member of an organization (or of those with one status) in four queries,
 * however many members there are: for decisions about all of them at once, such as who holds a
 * permission a notice is sent to.
 */
export async function loadMemberModels(db: Db, organizationId: string, filter: { status?: 'active' | 'inactive' } = {}): Promise<MemberModel[]> {
  let members = db.selectFrom('members').select(['user_id', 'role', 'status']).where('organization_id', '=', organizationId);
  if (filter.status) members = members.where('status', '=', filter.status);
  const rows = await members.execute();
  const groups = await db.selectFrom('group_members').select(['user_id', 'group_id']).where('organization_id', '=', organizationId).execute();
  const overrides = await db.selectFrom('member_permissions').select(['user_id', 'permission', 'effect']).where('organization_id', '=', organizationId).execute();
  const resources = await db.selectFrom('member_resources').select(['user_id', 'type', 'resource_id']).where('organization_id', '=', organizationId).execute();
  const models = new Map(rows.map((m): [string, MemberModel & { groupIds: string[]; overrides: Record<string, Effect>; resources: Record<string, string[]> }] =>
    [m.user_id, { userId: m.user_id, role: m.role, status: m.status, groupIds: [], overrides: {}, resources: {} }]));
  for (const g of groups) models.get(g.user_id)?.groupIds.push(g.group_id);
  for (const o of overrides) {
    const m = models.get(o.user_id);
    if (m) m.overrides[o.permission] = o.effect;
  }
  for (const r of resources) {
    const m = models.get(r.user_id);
    if (m) (m.resources[r.type] ??= []).push(r.resource_id);
  }
  return [...models.values()];
}
