/**
 * @module Organizations (tenants): creating one makes its creator the owner (seed 001) and gives it
 * the built-in roles; its settings hold the choices where the seeds disagree.
 */
import type { Kysely } from 'kysely';
import type { PasswordPolicy } from '../domain/password-policy.js';
import { BUILTIN_ROLES } from '../domain/permissions.js';
import type { Organization, OrganizationSettings } from '../domain/types.js';
import { RosterError } from '../domain/errors.js';
import { decodeCursor, page } from '../domain/cursor.js';
import { newId, now } from '../db/ids.js';
import { insertMember, listMembershipsOfUser } from '../db/queries/members.js';
import { DEFAULT_SETTINGS, findOrganization, insertOrganization, listAllOrganizations, toOrganization, updateOrganization } from '../db/queries/organizations.js';
import { insertRoles } from '../db/queries/roles.js';
import type { Database, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { requirePermission, type Access, type Actor } from './access.js';
import { record } from './audit.js';

/** Creates the organization, its built-in roles and the owner's membership, inside `trx`. */
export async function createOrganizationIn(
  trx: Kysely<Database>,
  actor: Actor,
  owner: UserRow,
  name: string,
  via: 'signup' | 'organization',
): Promise<Organization> {
  const at = now();
  const row = { id: newId(), name: name.trim(), settings: JSON.stringify(DEFAULT_SETTINGS), created_by: owner.id, created_at: at, updated_at: at };
  await insertOrganization(trx, row);
  await insertRoles(trx, Object.entries(BUILTIN_ROLES).map(([key, r]) => ({
    id: newId(), organization_id: row.id, key, name: r.name, description: r.description,
    permissions: JSON.stringify(r.permissions), builtin: 1, resource_scopes: '{}', created_at: at, updated_at: at,
  })));
  await insertMember(trx, {
    organization_id: row.id, user_id: owner.id, role: 'owner', status: 'active',
    username_key: owner.username_key, email_key: owner.email_key,
    first_name_key: owner.first_name.toLowerCase(), last_name_key: owner.last_name.toLowerCase(),
    added_by: null, added_via: via, deactivated_at: null, created_at: at, updated_at: at,
  });
  const organization = toOrganization(row);
  await record(trx, actor, {
    organizationId: row.id, action: 'organization.created', targetType: 'organization', targetId: row.id,
    targetDisplayName: organization.name, after: { name: organization.name, owner: owner.username },
  });
  return organization;
}

export type SettingsPatch = Partial<Omit<OrganizationSettings, 'passwordPolicy'>> & { passwordPolicy?: Partial<PasswordPolicy> };

export interface MyOrganization {
  organization: { id: string; name: string };
  role: string;
  status: 'active' | 'inactive';
  current: boolean;
}

export function createOrganizationService(db: Kysely<Database>) {
  return {
    async create(actor: Actor, owner: UserRow, name: string): Promise<Organization> {
      return inTransaction(db, (trx) => createOrganizationIn(trx, actor, owner, name, 'organization'));
    },

    async get(access: Access): Promise<Organization> {
      const row = await findOrganization(db, access.organizationId);
      if (!row) throw new RosterError('organization.not_found', 'No such organization');
      return toOrganization(row);
    },

    async update(access: Access, patch: { name?: string; settings?: SettingsPatch }): Promise<Organization> {
      requirePermission(access, 'settings.manage');
      return inTransaction(db, async (trx) => {
        const row = await findOrganization(trx, access.organizationId);
        if (!row) throw new RosterError('organization.not_found', 'No such organization');
        const before = toOrganization(row);
        const after: Organization = {
          ...before,
          name: patch.name?.trim() ?? before.name,
          // A policy patch names only the rules it changes, like the settings around it.
          settings: { ...before.settings, ...patch.settings, passwordPolicy: { ...before.settings.passwordPolicy, ...patch.settings?.passwordPolicy } },
          updatedAt: now(),
        };
        await updateOrganization(trx, access.organizationId, { name: after.name, settings: JSON.stringify(after.settings), updated_at: after.updatedAt });
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'organization.updated', targetType: 'organization',
          targetId: access.organizationId, targetDisplayName: after.name,
          before: { name: before.name, settings: before.settings }, after: { name: after.name, settings: after.settings },
        });
        return after;
      });
    },

    async listMine(userId: string, currentOrganizationId: string | null): Promise<MyOrganization[]> {
      const rows = await listMembershipsOfUser(db, userId);
      return rows.map((r) => ({
        organization: { id: r.organization_id, name: r.name }, role: r.role, status: r.status,
        current: r.organization_id === currentOrganizationId,
      }));
    },

    /** Every organization of the instance: for super admins only. */
    async listAll(actor: Actor, limit: number, cursor?: string) {
      if (!actor.superAdmin) throw new RosterError('auth.forbidden', 'Only super admins list every organization');
      const after = cursor ? (decodeCursor(cursor, 1)[0] ?? null) : null;
      const rows = await listAllOrganizations(db, after, limit + 1);
      const result = page(rows, limit, (r) => [r.id]);
      return { items: result.items.map(toOrganization), nextCursor: result.nextCursor };
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
