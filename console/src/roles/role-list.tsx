/**
 * @module The list of roles: built-in (owner, admin, member) and custom, with what each may see of
 * every resource type (seed 003: Partner exactly one partner, Normal those granted, Admin all), the
 * template offer while the organization has not applied one, and Add New.
 */
import { Link, useLocation } from 'wouter';
import { ErrorState, Loading } from '../components/states';
import { ALL_PERMISSIONS, SCOPE_LABEL, type Scope } from '../permissions/catalog';
import { useResourceTypes } from '../permissions/queries';
import { useRoles } from '../users/queries';
import type { Role } from './queries';
import { NEW_ROLE, type RolesLocation } from './roles-page';
import { TemplateOffer } from './template-offer';

interface Props {
  location: RolesLocation;
  selected: string | null;
  notice: string | null;
  onNotice(message: string | null): void;
}

/** What members of the role reach of a type: owners and admins all, else the role's scope, unscoped types as granted. */
export function scopeOf(role: Role, type: string): Scope {
  if (role.permissions.includes(ALL_PERMISSIONS)) return 'all';
  const scope = role.resourceScopes[type];
  return scope === 'one' || scope === 'all' ? scope : 'granted';
}

const BUILTIN_ORDER = ['owner', 'admin', 'member'];

/** Built-in roles first, from the most to the least access, then custom roles by name. */
function byKind(a: Role, b: Role): number {
  if (a.builtin !== b.builtin) return a.builtin ? -1 : 1;
  if (a.builtin) return BUILTIN_ORDER.indexOf(a.key) - BUILTIN_ORDER.indexOf(b.key);
  return a.name.localeCompare(b.name);
}

export function RoleList({ location, selected, notice, onNotice }: Props) {
  const roles = useRoles(location.organizationId);
  const types = useResourceTypes(location.organizationId);
  const [, navigate] = useLocation();
  const resourceTypes = types.data ?? [];

  return (
    <section className="pane list-pane" aria-labelledby="role-list-title">
      <div className="pane-header">
        <h2 id="role-list-title">Role List</h2>
        <Link href={location.rolePath(NEW_ROLE)} className="button button-primary" onClick={() => onNotice(null)}>Add New</Link>
      </div>
      <div className="messages" aria-live="polite">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      <TemplateOffer organizationId={location.organizationId} onNotice={onNotice} />
      {roles.isPending ? <Loading label="Loading roles…" /> : roles.isError ? <ErrorState error={roles.error} onRetry={() => void roles.refetch()} /> : (
        <div className="table-wrap">
          <table className="user-table role-table">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col" className="col-kind">Kind</th>
                {resourceTypes.map((t) => <th key={t.key} scope="col">{t.name}</th>)}
                <th scope="col" className="col-permissions">Permissions</th>
              </tr>
            </thead>
            <tbody>
              {[...roles.data].sort(byKind).map((role) => (
                <tr key={role.key} className={role.key === selected ? 'row-current' : undefined} onClick={() => navigate(location.rolePath(role.key))}>
                  <td>
                    <Link href={location.rolePath(role.key)} className="username" aria-current={role.key === selected ? 'true' : undefined}>{role.name}</Link>
                    <span className="role-key"> <code>{role.key}</code></span>
                  </td>
                  <td className="col-kind">{role.builtin ? 'Built-in' : 'Custom'}</td>
                  {resourceTypes.map((t) => <td key={t.key}>{SCOPE_LABEL[scopeOf(role, t.key)]}</td>)}
                  <td className="col-permissions">{role.permissions.includes(ALL_PERMISSIONS) ? 'All' : role.permissions.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
