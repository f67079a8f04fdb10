/**
 * @module The Roles page: the roles of the organization (built-in and custom, each with its resource
 * scope, seed 003) beside the role's details, where a custom role's name, description, permissions
 * (seed 002's module matrix, Roster's and the application's) and resource scope are edited. The open
 * role is in the address (`/roles/{key}`, `/roles/_new` for a new one: no role key starts with `_`).
 */
import { useState } from 'react';
import { organizationPath } from '../shell/nav';
import { RoleDetails } from './role-details';
import { RoleList } from './role-list';

export const NEW_ROLE = '_new';

export interface RolesLocation {
  organizationId: string;
  rolePath(roleKey: string): string;
  listPath: string;
}

export function RolesPage({ organizationId, roleKey }: { organizationId: string; roleKey: string | null }) {
  const base = organizationPath(organizationId, 'roles');
  const location: RolesLocation = { organizationId, rolePath: (key) => `${base}/${encodeURIComponent(key)}`, listPath: base };
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className={roleKey ? 'two-panes two-panes-open' : 'two-panes'}>
      <h1 className="page-title">Roles</h1>
      <RoleList location={location} selected={roleKey} notice={notice} onNotice={setNotice} />
      <RoleDetails key={roleKey ?? 'none'} location={location} roleKey={roleKey} onNotice={setNotice} />
    </div>
  );
}
