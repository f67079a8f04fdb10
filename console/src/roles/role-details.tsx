/**
 * @module The Role Details pane: empty until a role is picked, a blank form after Add New, else the
 * role's form (read-only for the built-in roles, which the API does not let anyone change).
 */
import { Link } from 'wouter';
import { Empty, ErrorState, Loading } from '../components/states';
import { useRoles } from '../users/queries';
import { RoleForm } from './role-form';
import { NEW_ROLE, type RolesLocation } from './roles-page';

export function RoleDetails({ location, roleKey, onNotice }: { location: RolesLocation; roleKey: string | null; onNotice(message: string | null): void }) {
  const roles = useRoles(location.organizationId);
  const isNew = roleKey === NEW_ROLE;
  const role = roles.data?.find((r) => r.key === roleKey) ?? null;
  return (
    <section className="pane details-pane" aria-labelledby="role-details-title">
      <div className="pane-header">
        <h2 id="role-details-title">Role Details{isNew ? <span className="pane-subtitle">New role</span> : role ? <span className="pane-subtitle">{role.name}</span> : null}</h2>
        {roleKey ? <Link href={location.listPath} className="back-link">Back to Role List</Link> : null}
      </div>
      {roleKey === null ? (
        <p className="state state-empty">Pick a role to see its permissions, or click Add New to create one.</p>
      ) : isNew ? (
        <RoleForm location={location} role={null} onNotice={onNotice} />
      ) : roles.isPending ? (
        <Loading label="Loading role…" />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : role ? (
        <RoleForm location={location} role={role} onNotice={onNotice} />
      ) : (
        <Empty>There is no role “{roleKey}” in this organization.</Empty>
      )}
    </section>
  );
}
