/**
 * @module The permission catalogue as the screens show it: the modules (seed 002's data sets) with
 * their four actions, Roster's own permissions and the application's plain ones (seed 003's
 * Access to Integrations, …), and the words for resource scopes (seed 003's Partner / Normal / Admin).
 */
import type { paths } from '../api/schema';

export type CatalogPermission = paths['/api/v1/organizations/{organizationId}/permissions']['get']['responses'][200]['content']['application/json']['items'][number];

export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export const modulePermission = (module: string, action: Action) => `module:${module}.${action}`;

export interface SplitCatalog {
  modules: string[];
  roster: CatalogPermission[];
  application: CatalogPermission[];
}

export function splitCatalog(items: readonly CatalogPermission[]): SplitCatalog {
  const modules = [...new Set(items.filter((p) => p.source === 'module' && p.module).map((p) => p.module!))].sort();
  return {
    modules,
    roster: items.filter((p) => p.source === 'roster'),
    application: items.filter((p) => p.source === 'application').sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** Owners and admins hold `*`: every permission there is. */
export const ALL_PERMISSIONS = '*';

export type Scope = 'one' | 'granted' | 'all';

export const SCOPE_LABEL: Record<Scope, string> = {
  one: 'Exactly one',
  granted: 'Granted one by one',
  all: 'All',
};

export const SCOPE_HINT: Record<Scope, string> = {
  one: 'Each member has exactly one, chosen on the user (seed 003\'s Partner).',
  granted: 'Members see those granted to them, any number (seed 003\'s Normal).',
  all: 'Members see every one (seed 003\'s Admin).',
};

export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
