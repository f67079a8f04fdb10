/**
 * @module The authorization check API: may this member do that, here, to this resource — answered
 * with a reason from the access cache, one at a time, in batches, or as a member's whole effective
 * access. Asking about others needs `authz.check`; a signed-in member may always ask about themselves.
 */
import { decide, effectivePermissions, type Decision, type ResourceRef, type ResourceScope } from '../domain/access-model.js';
import { RosterError } from '../domain/errors.js';
import type { MemberStatus } from '../domain/types.js';
import type { AccessCache } from './access-cache.js';
import { requirePermission, type Access } from './access.js';

export interface CheckQuery {
  userId: string;
  permission: string;
  resource?: ResourceRef;
}

export interface MemberAccess {
  userId: string;
  role: string;
  status: MemberStatus;
  /** Every permission held, with the first reason it is held for; `*` alone for owners and admins. */
  permissions: Array<{ permission: string; reason: string }>;
  /** Per resource type: whether the member sees all of them or only the ids granted. */
  resources: Record<string, { scope: ResourceScope; ids: string[] }>;
}

/** Only a person asks about themselves: an API key's id is never a member's. */
function assertMayAsk(access: Access, userIds: readonly string[]): void {
  const aboutSelf = access.actor.kind !== 'api_key' && userIds.every((id) => id === access.actor.userId);
  if (!aboutSelf) requirePermission(access, 'authz.check');
}

export function createAuthzService(cache: AccessCache) {
  return {
    async check(access: Access, query: CheckQuery): Promise<Decision> {
      assertMayAsk(access, [query.userId]);
      return decide(await cache.member(access.organizationId, query.userId), query.permission, query.resource);
    },

    /** Answers in the order asked; each member is loaded once however often they appear. */
    async checkBatch(access: Access, checks: readonly CheckQuery[]): Promise<Decision[]> {
      assertMayAsk(access, checks.map((c) => c.userId));
      const userIds = [...new Set(checks.map((c) => c.userId))];
      const members = new Map(await Promise.all(userIds.map(async (id) => [id, await cache.member(access.organizationId, id)] as const)));
      return checks.map((c) => decide(members.get(c.userId) ?? null, c.permission, c.resource));
    },

    async memberAccess(access: Access, userId: string): Promise<MemberAccess> {
      assertMayAsk(access, [userId]);
      const member = await cache.member(access.organizationId, userId);
      if (!member) throw new RosterError('member.not_found', 'No such member in this organization');
      const resources: MemberAccess['resources'] = {};
      // An inactive member is allowed nothing, resources included.
      if (member.active) {
        const types = new Set([...Object.keys(member.scopes), ...member.resources.keys()]);
        for (const type of [...types].sort()) {
          // A type the role does not scope behaves as "granted": only the ids given to the member count.
          const scope: ResourceScope = member.all ? 'all' : member.scopes[type] ?? 'granted';
          resources[type] = { scope, ids: [...(member.resources.get(type) ?? [])].sort() };
        }
      }
      return {
        userId,
        role: member.role,
        status: member.active ? 'active' : 'inactive',
        permissions: effectivePermissions(member),
        resources,
      };
    },
  };
}

export type AuthzService = ReturnType<typeof createAuthzService>;
