/**
 * @module The permission catalogue of an organization: Roster's own permissions, the host
 * application's (registered through the API, optionally limited to some roles, seed 003), modules
 * whose actions appear as `module:<name>.<action>` (seed 002), and resource types with their
 * resources (seed 003's partners). Everything that grants a permission checks it here first.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { modulePermissions, moduleOf } from '../domain/catalog-rules.js';
import { decodeCursor, page } from '../domain/cursor.js';
import { isRosterPermission, ROSTER_PERMISSIONS } from '../domain/permissions.js';
import { newId, now } from '../db/ids.js';
import {
  findAppPermission, findModule, findResourceType, listAppPermissions, listModules, listResources, listResourceTypes, purgePermissions,
} from '../db/queries/catalog.js';
import { insertRoles, listRoles } from '../db/queries/roles.js';
import { TEMPLATES } from '../domain/templates.js';
import type { Database } from '../db/schema.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, type Access } from './access.js';
import { record } from './audit.js';

type Db = Kysely<Database>;

export interface CatalogPermission {
  key: string;
  description: string;
  source: 'roster' | 'application' | 'module';
  module: string | null;
  /** The roles this permission may be given to; null for any role. */
  allowedRoles: string[] | null;
}

const parseRoles = (json: string | null): string[] | null => (json === null ? null : (JSON.parse(json) as string[]));

/**
 * The permissions in `permissions` that the catalogue knows, sorted and without repeats; an unknown
 * one is refused, naming the field.
 */
export async function assertKnownPermissions(db: Db, organizationId: string, permissions: readonly string[], field: string): Promise<string[]> {
  const wanted = [...new Set(permissions)];
  const pending = wanted.filter((p) => !isRosterPermission(p));
  if (pending.length > 0) {
    const [apps, modules] = await Promise.all([listAppPermissions(db, organizationId), listModules(db, organizationId)]);
    const known = new Set([...apps.map((a) => a.key), ...modules.flatMap((m) => modulePermissions(m.name))]);
    const unknown = pending.filter((p) => !known.has(p));
    if (unknown.length > 0) throw new RosterError('permission.unknown', `Unknown permissions: ${unknown.join(', ')}`, field);
  }
  return wanted.sort();
}

/** Refuses giving a role-limited permission to a role outside its list (seed 003: Partner users only get Issue Comments). */
export async function assertPermissionsAllowedForRole(db: Db, organizationId: string, roleKey: string, permissions: readonly string[], field: string): Promise<void> {
  if (roleKey === 'owner' || roleKey === 'admin') return;
  const limited = (await listAppPermissions(db, organizationId)).filter((p) => p.allowed_roles !== null);
  const refused = limited.filter((p) => permissions.includes(p.key) && !(parseRoles(p.allowed_roles) ?? []).includes(roleKey)).map((p) => p.key);
  if (refused.length > 0) {
    throw new RosterError('permission.role_not_allowed', `The ${roleKey} role can not be given: ${refused.join(', ')}`, field);
  }
}

async function assertRolesExist(db: Db, organizationId: string, roles: readonly string[] | null | undefined): Promise<void> {
  if (!roles) return;
  const existing = new Set((await listRoles(db, organizationId)).map((r) => r.key));
  const missing = roles.filter((r) => !existing.has(r));
  if (missing.length > 0) throw new RosterError('role.not_found', `No such roles: ${missing.join(', ')}`, 'body.allowedRoles');
}

export function createCatalogService(db: Db, cache: AccessCache) {
  return {
    async permissions(access: Access): Promise<CatalogPermission[]> {
      const [apps, modules] = await Promise.all([listAppPermissions(db, access.organizationId), listModules(db, access.organizationId)]);
      return [
        ...Object.entries(ROSTER_PERMISSIONS).map(([key, description]): CatalogPermission => ({ key, description, source: 'roster', module: null, allowedRoles: null })),
        ...apps.map((a): CatalogPermission => ({ key: a.key, description: a.description, source: 'application', module: null, allowedRoles: parseRoles(a.allowed_roles) })),
        ...modules.flatMap((m) => modulePermissions(m.name).map((key): CatalogPermission => ({
          key, description: `${key.split('.').at(-1)} ${m.name}`, source: 'module', module: m.name, allowedRoles: null,
        }))),
      ];
    },

    async registerPermission(access: Access, input: { key: string; description?: string; allowedRoles?: string[] | null }) {
      requirePermission(access, 'catalog.manage');
      if (isRosterPermission(input.key)) throw new RosterError('permission.key_taken', `${input.key} is one of Roster's own permissions`, 'body.key');
      return cache.change(access.organizationId, async (trx) => {
        if (await findAppPermission(trx, access.organizationId, input.key)) throw new RosterError('permission.key_taken', `${input.key} is registered already`, 'body.key');
        await assertRolesExist(trx, access.organizationId, input.allowedRoles);
        const row = {
          organization_id: access.organizationId, key: input.key, description: input.description?.trim() ?? '',
          allowed_roles: input.allowedRoles ? JSON.stringify([...new Set(input.allowedRoles)].sort()) : null, created_at: now(),
        };
        await trx.insertInto('app_permissions').values(row).execute();
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'permission.registered', targetType: 'permission', targetId: null, targetDisplayName: input.key, after: { key: row.key, description: row.description, allowedRoles: parseRoles(row.allowed_roles) } });
        return { key: row.key, description: row.description, source: 'application' as const, module: null, allowedRoles: parseRoles(row.allowed_roles) };
      });
    },

    async updatePermission(access: Access, key: string, patch: { description?: string; allowedRoles?: string[] | null }) {
      requirePermission(access, 'catalog.manage');
      return cache.change(access.organizationId, async (trx) => {
        const row = await findAppPermission(trx, access.organizationId, key);
        if (!row) throw new RosterError('permission.not_found', `No application permission ${key}`);
        await assertRolesExist(trx, access.organizationId, patch.allowedRoles);
        const changes = {
          description: patch.description?.trim() ?? row.description,
          allowed_roles: patch.allowedRoles === undefined ? row.allowed_roles : patch.allowedRoles === null ? null : JSON.stringify([...new Set(patch.allowedRoles)].sort()),
        };
        await trx.updateTable('app_permissions').set(changes).where('organization_id', '=', access.organizationId).where('key', '=', key).execute();
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'permission.updated', targetType: 'permission', targetId: null, targetDisplayName: key,
          before: { description: row.description, allowedRoles: parseRoles(row.allowed_roles) }, after: { description: changes.description, allowedRoles: parseRoles(changes.allowed_roles) } });
        return { key, description: changes.description, source: 'application' as const, module: null, allowedRoles: parseRoles(changes.allowed_roles) };
      });
    },

    async removePermission(access: Access, key: string): Promise<void> {
      requirePermission(access, 'catalog.manage');
      await cache.change(access.organizationId, async (trx) => {
        const row = await findAppPermission(trx, access.organizationId, key);
        if (!row) throw new RosterError('permission.not_found', `No application permission ${key}`);
        await trx.deleteFrom('app_permissions').where('organization_id', '=', access.organizationId).where('key', '=', key).execute();
        await purgePermissions(trx, access.organizationId, (p) => p === key);
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'permission.removed', targetType: 'permission', targetId: null, targetDisplayName: key, before: { key, description: row.description } });
      });
    },

    async modules(access: Access) {
      return (await listModules(db, access.organizationId)).map((m) => ({ name: m.name, description: m.description, permissions: modulePermissions(m.name) }));
    },

    async registerModule(access: Access, input: { name: string; description?: string }) {
      requirePermission(access, 'catalog.manage');
      return cache.change(access.organizationId, async (trx) => {
        if (await findModule(trx, access.organizationId, input.name)) throw new RosterError('module.name_taken', `Module ${input.name} exists`, 'body.name');
        const row = { organization_id: access.organizationId, name: input.name, description: input.description?.trim() ?? '', created_at: now() };
        await trx.insertInto('modules').values(row).execute();
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'module.registered', targetType: 'module', targetId: null, targetDisplayName: input.name, after: { name: row.name, description: row.description } });
        return { name: row.name, description: row.description, permissions: modulePermissions(row.name) };
      });
    },

    async removeModule(access: Access, name: string): Promise<void> {
      requirePermission(access, 'catalog.manage');
      await cache.change(access.organizationId, async (trx) => {
        if (!(await findModule(trx, access.organizationId, name))) throw new RosterError('module.not_found', `No module ${name}`);
        await trx.deleteFrom('modules').where('organization_id', '=', access.organizationId).where('name', '=', name).execute();
        await purgePermissions(trx, access.organizationId, (p) => moduleOf(p) === name);
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'module.removed', targetType: 'module', targetId: null, targetDisplayName: name });
      });
    },

    async resourceTypes(access: Access) {
      return (await listResourceTypes(db, access.organizationId)).map((t) => ({ key: t.key, name: t.name }));
    },

    async registerResourceType(access: Access, input: { key: string; name: string }) {
      requirePermission(access, 'catalog.manage');
      return cache.change(access.organizationId, async (trx) => {
        if (await findResourceType(trx, access.organizationId, input.key)) throw new RosterError('resource_type.key_taken', `Resource type ${input.key} exists`, 'body.key');
        await trx.insertInto('resource_types').values({ organization_id: access.organizationId, key: input.key, name: input.name.trim(), created_at: now() }).execute();
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'resource_type.registered', targetType: 'resource_type', targetId: null, targetDisplayName: input.key, after: input });
        return { key: input.key, name: input.name.trim() };
      });
    },

    async removeResourceType(access: Access, key: string): Promise<void> {
      requirePermission(access, 'catalog.manage');
      await cache.change(access.organizationId, async (trx) => {
        if (!(await findResourceType(trx, access.organizationId, key))) throw new RosterError('resource_type.not_found', `No resource type ${key}`);
        // Resources and their grants go with the type (foreign keys cascade).
        await trx.deleteFrom('member_resources').where('organization_id', '=', access.organizationId).where('type', '=', key).execute();
        await trx.deleteFrom('resources').where('organization_id', '=', access.organizationId).where('type', '=', key).execute();
        await trx.deleteFrom('resource_types').where('organization_id', '=', access.organizationId).where('key', '=', key).execute();
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'resource_type.removed', targetType: 'resource_type', targetId: null, targetDisplayName: key });
      });
    },

    async resources(access: Access, type: string, limit: number, cursor?: string) {
      if (!(await findResourceType(db, access.organizationId, type))) throw new RosterError('resource_type.not_found', `No resource type ${type}`);
      const after = cursor ? (decodeCursor(cursor, 1)[0] ?? null) : null;
      const rows = await listResources(db, access.organizationId, type, after, limit + 1);
      const result = page(rows, limit, (r) => [r.id]);
      return { items: result.items.map((r) => ({ type: r.type, id: r.id, name: r.name })), nextCursor: result.nextCursor };
    },

    /** Registers resources, or renames those already registered: the application can sync its list repeatedly. */
    async upsertResources(access: Access, type: string, resources: Array<{ id: string; name: string }>) {
      requirePermission(access, 'catalog.manage');
      return cache.change(access.organizationId, async (trx) => {
        if (!(await findResourceType(trx, access.organizationId, type))) throw new RosterError('resource_type.not_found', `No resource type ${type}`);
        const at = now();
        for (const r of resources) {
          await trx.insertInto('resources').values({ organization_id: access.organizationId, type, id: r.id, name: r.name.trim(), created_at: at })
            .onConflict((oc) => oc.columns(['organization_id', 'type', 'id']).doUpdateSet({ name: r.name.trim() })).execute();
        }
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'resources.registered', targetType: 'resource_type', targetId: null, targetDisplayName: type, after: { count: resources.length } });
        return { items: resources.map((r) => ({ type, id: r.id, name: r.name.trim() })) };
      });
    },

    /**
     * The ready-made setups, each with the roles it makes and whether everything it would create
     * exists already (`applied`), so the console offers only what is still missing.
     */
    async templates(access: Access) {
      const [types, roles, apps] = await Promise.all([
        listResourceTypes(db, access.organizationId), listRoles(db, access.organizationId), listAppPermissions(db, access.organizationId),
      ]);
      const have = new Set([...types.map((t) => `type:${t.key}`), ...roles.map((r) => `role:${r.key}`), ...apps.map((a) => `permission:${a.key}`)]);
      return Object.entries(TEMPLATES).map(([name, t]) => ({
        name,
        roles: t.roles.map((r) => ({ key: r.key, name: r.name, description: r.description, resourceScopes: r.resourceScopes })),
        permissions: t.permissions.map((p) => ({ key: p.key, description: p.description, allowedRoles: p.allowedRoles })),
        applied: [...t.resourceTypes.map((r) => `type:${r.key}`), ...t.roles.map((r) => `role:${r.key}`), ...t.permissions.map((p) => `permission:${p.key}`)]
          .every((k) => have.has(k)),
      }));
    },

    /** Applies a ready-made setup (seed 003's partner network); what exists already is left as it is. */
    async applyTemplate(access: Access, name: string) {
      const template = TEMPLATES[name];
      if (!template) throw new RosterError('template.not_found', `No template ${name}; available: ${Object.keys(TEMPLATES).join(', ')}`, 'params.template');
      requirePermission(access, 'catalog.manage');
      requirePermission(access, 'roles.manage');
      return cache.change(access.organizationId, async (trx) => {
        const at = now();
        const created: string[] = [];
        for (const t of template.resourceTypes) {
          if (await findResourceType(trx, access.organizationId, t.key)) continue;
          await trx.insertInto('resource_types').values({ organization_id: access.organizationId, key: t.key, name: t.name, created_at: at }).execute();
          created.push(`resource type ${t.key}`);
        }
        const existingRoles = new Set((await listRoles(trx, access.organizationId)).map((r) => r.key));
        const newRoles = template.roles.filter((r) => !existingRoles.has(r.key));
        if (newRoles.length > 0) {
          await insertRoles(trx, newRoles.map((r) => ({
            id: newId(), organization_id: access.organizationId, key: r.key, name: r.name, description: r.description,
            permissions: JSON.stringify(r.permissions), builtin: 0, resource_scopes: JSON.stringify(r.resourceScopes), created_at: at, updated_at: at,
          })));
          created.push(...newRoles.map((r) => `role ${r.key}`));
        }
        for (const p of template.permissions) {
          if (await findAppPermission(trx, access.organizationId, p.key)) continue;
          await trx.insertInto('app_permissions').values({ organization_id: access.organizationId, key: p.key, description: p.description, allowed_roles: JSON.stringify(p.allowedRoles), created_at: at }).execute();
          created.push(`permission ${p.key}`);
        }
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'template.applied', targetType: 'organization', targetId: access.organizationId, targetDisplayName: name, after: { created } });
        return { template: name, created };
      });
    },

    async removeResource(access: Access, type: string, id: string): Promise<void> {
      requirePermission(access, 'catalog.manage');
      await cache.change(access.organizationId, async (trx) => {
        const deleted = await trx.deleteFrom('resources').where('organization_id', '=', access.organizationId).where('type', '=', type).where('id', '=', id).executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw new RosterError('resource.not_found', `No ${type} ${id}`);
        await trx.deleteFrom('member_resources').where('organization_id', '=', access.organizationId).where('type', '=', type).where('resource_id', '=', id).execute();
        await record(trx, access.actor, { organizationId: access.organizationId, action: 'resource.removed', targetType: 'resource', targetId: null, targetDisplayName: `${type}:${id}` });
      });
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
