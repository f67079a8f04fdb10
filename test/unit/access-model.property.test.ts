/**
 * The access evaluator held to the rule of DESIGN.md §1, written here as plainly as it reads, over
 * random organizations, members and questions (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileMember,
  decide,
  effectivePermissions,
  type GroupModel,
  type MemberModel,
  type OrganizationModel,
  type ResourceRef,
  type ResourceScope,
  type RoleModel,
} from '../../src/domain/access-model.js';

// Small alphabets so that random roles, groups, overrides and questions collide often.
const PERMISSIONS = ['members.read', 'members.invite', 'roles.manage', 'audit.read', 'issue_comments.access', 'integrations.access', 'module:leads.read'];
// `constructor` is there to catch a plain-object look-up reading Object.prototype.
const RESOURCE_TYPES = ['partner', 'project', 'constructor'];
const RESOURCE_IDS = ['p1', 'p2', 'p3'];
const ROLE_KEYS = ['owner', 'admin', 'member', 'partner', 'normal', 'agent'];
const GROUP_IDS = ['g1', 'g2', 'g3', 'g4'];
const GROUP_NAMES = ['Sales', 'Support', 'Billing'];
const SCOPES: ResourceScope[] = ['one', 'granted', 'all'];

interface World {
  org: OrganizationModel;
  members: MemberModel[];
  queries: Array<{ member: number; permission: string; resource?: ResourceRef }>;
}

const subset = <T>(items: readonly T[]) => fc.subarray([...items]);
const scopes = fc.dictionary(fc.constantFrom(...RESOURCE_TYPES), fc.constantFrom(...SCOPES), { maxKeys: RESOURCE_TYPES.length });

const role = (key: string) =>
  // About one role in four holds '*' (owners, admins and custom roles made like them), sometimes beside other permissions.
  fc.record({ permissions: subset(PERMISSIONS), wildcard: fc.nat({ max: 3 }).map((n) => n === 0), resourceScopes: scopes }).map(
    ({ permissions, wildcard, resourceScopes }): RoleModel => ({
      key,
      permissions: wildcard ? [...permissions.slice(0, 1), '*'] : permissions,
      resourceScopes,
    }),
  );

const organization = fc
  .record({
    roleKeys: subset(ROLE_KEYS),
    groupIds: subset(GROUP_IDS),
    limited: fc.array(fc.tuple(fc.constantFrom(...PERMISSIONS), subset(ROLE_KEYS)), { maxLength: 3 }),
  })
  .chain(({ roleKeys, groupIds, limited }) =>
    fc.record({
      roles: fc.tuple(...roleKeys.map((k) => role(k).map((r): [string, RoleModel] => [k, r]))),
      groups: fc.tuple(...groupIds.map((id) => fc.record({ id: fc.constant(id), name: fc.constantFrom(...GROUP_NAMES), permissions: subset(PERMISSIONS) }))),
      allowedRoles: fc.constant(new Map(limited.map(([p, roles]) => [p, new Set(roles)] as const))),
    }),
  )
  .map(({ roles, groups, allowedRoles }): OrganizationModel => ({
    roles: new Map(roles),
    groups: new Map(groups.map((g): [string, GroupModel] => [g.id, g])),
    allowedRoles,
  }));

const member = (userId: string) =>
  fc.record({
    userId: fc.constant(userId),
    // Drawn from every key, so some members name a role the organization does not define.
    role: fc.constantFrom(...ROLE_KEYS),
    status: fc.constantFrom<'active' | 'inactive'>('active', 'active', 'active', 'inactive'),
    // Unknown group ids too: a membership row of a group since deleted must grant nothing.
    groupIds: subset([...GROUP_IDS, 'g-gone']),
    overrides: fc.dictionary(fc.constantFrom(...PERMISSIONS), fc.constantFrom<'allow' | 'deny'>('allow', 'deny'), { maxKeys: 4 }),
    resources: fc.dictionary(fc.constantFrom(...RESOURCE_TYPES), subset(RESOURCE_IDS).filter((ids) => ids.length > 0), { maxKeys: 2 }),
  });

const query = (memberCount: number) =>
  fc.record(
    {
      // memberCount stands for somebody who is not a member of the organization.
      member: fc.nat({ max: memberCount }),
      permission: fc.constantFrom(...PERMISSIONS, '*', 'not.in.catalog'),
      resource: fc.record({ type: fc.constantFrom(...RESOURCE_TYPES, 'unknown'), id: fc.constantFrom(...RESOURCE_IDS) }),
    },
    { requiredKeys: ['member', 'permission'] },
  );

const world: fc.Arbitrary<World> = fc
  .tuple(organization, fc.integer({ min: 1, max: 5 }))
  .chain(([org, n]) =>
    fc.record({
      org: fc.constant(org),
      members: fc.tuple(...Array.from({ length: n }, (_, i) => member(`u${i}`))),
      queries: fc.array(query(n), { minLength: 1, maxLength: 30 }),
    }),
  );

// ---- The reference: DESIGN.md §1 read literally, with no precomputation. ----

/** A record's own entry, never one inherited from Object.prototype (`constructor`). */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Where a permission is offered to the member, in no particular order: `role:<key>`, `group:<name>`, `user:allow`. */
function sources(org: OrganizationModel, m: MemberModel, permission: string): string[] {
  const found: string[] = [];
  if (org.roles.get(m.role)?.permissions.includes(permission)) found.push(`role:${m.role}`);
  for (const id of m.groupIds) {
    const g = org.groups.get(id);
    if (g?.permissions.includes(permission)) found.push(`group:${g.name}`);
  }
  if (own(m.overrides, permission) === 'allow') found.push('user:allow');
  return found;
}

const isAdminLike = (org: OrganizationModel, m: MemberModel): boolean => org.roles.get(m.role)?.permissions.includes('*') ?? false;

const eligible = (org: OrganizationModel, m: MemberModel, permission: string): boolean => {
  const roles = org.allowedRoles.get(permission);
  return roles === undefined || roles.has(m.role);
};

/** The member's effective permissions (or 'everything'): nothing if inactive; everything for '*'; (role ∪ groups ∪ allows) − denies. */
function referencePermissions(org: OrganizationModel, m: MemberModel): Set<string> | 'everything' {
  if (m.status !== 'active') return new Set();
  if (isAdminLike(org, m)) return 'everything';
  const held = new Set<string>();
  // Every permission the generators can name (a role without '*' holds only these).
  for (const p of PERMISSIONS) {
    if (sources(org, m, p).length > 0 && eligible(org, m, p) && own(m.overrides, p) !== 'deny') held.add(p);
  }
  return held;
}

function referenceAllows(org: OrganizationModel, m: MemberModel | undefined, permission: string, resource?: ResourceRef): boolean {
  if (!m) return false;
  const held = referencePermissions(org, m);
  if (held === 'everything') return true;
  if (!held.has(permission)) return false;
  if (!resource) return true;
  const scope = own(org.roles.get(m.role)?.resourceScopes ?? {}, resource.type);
  return scope === 'all' || (own(m.resources, resource.type) ?? []).includes(resource.id);
}

/** The reason a refusal must give, or the set it may be chosen from where the rule leaves it open. */
function referenceRefusal(org: OrganizationModel, m: MemberModel | undefined, permission: string): string[] {
  if (!m) return ['not_member'];
  if (m.status !== 'active') return ['inactive'];
  if (own(m.overrides, permission) === 'deny') return ['user:deny'];
  const offered = sources(org, m, permission).length > 0;
  if (offered && !eligible(org, m, permission)) return ['role_not_eligible'];
  if (offered) return ['resource_not_granted'];
  // Nobody offers it: plainly not granted, though a role-limited permission may say so instead.
  return eligible(org, m, permission) ? ['not_granted'] : ['not_granted', 'role_not_eligible'];
}

const REFUSALS = ['not_member', 'inactive', 'user:deny', 'role_not_eligible', 'not_granted', 'resource_not_granted'];

const RUNS = 1000;

describe('the access evaluator against the rule of DESIGN.md §1 (property-based)', () => {
  it('decide allows exactly what the rule allows, and gives a reason the rule agrees with', () => {
    fc.assert(
      fc.property(world, ({ org, members, queries }) => {
        const compiled = members.map((m) => compileMember(org, m));
        for (const q of queries) {
          const m = members[q.member];
          const d = decide(compiled[q.member] ?? null, q.permission, q.resource);
          const expected = referenceAllows(org, m, q.permission, q.resource);
          const where = { member: m, permission: q.permission, resource: q.resource, decision: d };
          expect(d.allowed, JSON.stringify(where)).toBe(expected);
          if (d.allowed) {
            expect(d.reason).toMatch(/^(role:|group:|user:allow$)/);
            // The reason names a place the permission really comes from.
            if (m && !isAdminLike(org, m)) expect(sources(org, m, q.permission)).toContain(d.reason);
            else expect(d.reason).toBe(`role:${m?.role}`);
          } else {
            expect(REFUSALS).toContain(d.reason);
            expect(referenceRefusal(org, m, q.permission), JSON.stringify(where)).toContain(d.reason);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('effectivePermissions lists exactly the permissions the rule gives, each with a true reason', () => {
    fc.assert(
      fc.property(world, ({ org, members }) => {
        for (const m of members) {
          const listed = effectivePermissions(compileMember(org, m));
          const expected = referencePermissions(org, m);
          if (expected === 'everything') {
            expect(listed).toEqual([{ permission: '*', reason: `role:${m.role}` }]);
            continue;
          }
          expect(listed.map((e) => e.permission).sort()).toEqual([...expected].sort());
          for (const { permission, reason } of listed) expect(sources(org, m, permission)).toContain(reason);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an inactive member is refused everything, even an owner (DESIGN.md §1: nothing if inactive)', () => {
    fc.assert(
      fc.property(world, ({ org, members, queries }) => {
        for (const q of queries) {
          const m = members[q.member];
          if (!m) continue;
          const d = decide(compileMember(org, { ...m, status: 'inactive' }), q.permission, q.resource);
          expect(d).toEqual({ allowed: false, reason: 'inactive' });
        }
      }),
      { numRuns: 300 },
    );
  });
});
