/**
 * @module What the Invite Users form offers for a chosen role (seed 003): the resource types the role
 * needs picked (exactly one, "Select Partner", or any number), the extra permissions it may be given
 * (an application permission names the roles it can be granted to), and how each address's outcome
 * reads. The server checks all of it again; this only keeps the form from offering what it refuses.
 */
import type { CatalogPermission, InvitationResult } from './queries';

export interface RoleLike {
  key: string;
  permissions: string[];
  resourceScopes: Record<string, string>;
}

/** Owner and admin hold every permission and every resource already (seed 003: "Admin users have all of these permissions by default"). */
export const holdsEverything = (role: RoleLike) => role.key === 'owner' || role.key === 'admin';

/** The resource types a role is scoped to: `one` must be picked (Partner), `granted` may be (Normal); `all` needs nothing. */
export function pickableScopes(role: RoleLike): Array<{ type: string; scope: 'one' | 'granted' }> {
  if (holdsEverything(role)) return [];
  return Object.entries(role.resourceScopes)
    .filter((e): e is [string, 'one' | 'granted'] => e[1] === 'one' || e[1] === 'granted')
    .map(([type, scope]) => ({ type, scope }));
}

/**
 * The application's permissions this role may receive on top of its own: those naming no roles, or
 * naming this one. Roster's own permissions are granted through roles and groups, not here.
 */
export function grantablePermissions(role: RoleLike, catalog: readonly CatalogPermission[]): CatalogPermission[] {
  if (holdsEverything(role)) return [];
  return catalog.filter((p) => p.source === 'application' && (p.allowedRoles === null || p.allowedRoles.includes(role.key)));
}

/** "a@x.com, b@y.com; c@z.com" and one a line: the same split as the API's, to count what will be sent. */
export function splitAddresses(text: string): string[] {
  return text.split(/[,;\n]+/).map((e) => e.trim()).filter((e) => e.length > 0);
}

const OUTCOMES: Record<InvitationResult['status'], { label: string; tone: 'ok' | 'info' | 'bad' }> = {
  invited: { label: 'Invited', tone: 'ok' },
  refreshed: { label: 'Already invited: sent again with a new link', tone: 'info' },
  already_member: { label: 'Already a member', tone: 'info' },
  duplicate: { label: 'Listed more than once', tone: 'info' },
  invalid: { label: 'Invalid address', tone: 'bad' },
};

export function outcomeOf(result: InvitationResult): { label: string; tone: 'ok' | 'info' | 'bad'; reason: string | null } {
  const o = OUTCOMES[result.status];
  return { ...o, reason: result.reason ?? null };
}
