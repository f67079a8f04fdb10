/**
 * @module The User Details pane (seed 002): empty until a user is picked, a blank form after Add
 * New, else the user's form with Save, Deactivate/Activate and Delete, and under it Display
 * Permissions (seed 002's user specific permissions).
 */
import { Link } from 'wouter';
import type { Me } from '../auth/session';
import { ErrorState, Loading } from '../components/states';
import { MemberForm } from './member-form-view';
import { useMember } from './queries';
import { UserPermissions } from './user-permissions';
import type { UsersLocation } from './users-page';

interface Props {
  location: UsersLocation;
  userId: string | null;
  me: Me;
  onNotice(message: string | null): void;
}

export function UserDetails({ location, userId, me, onNotice }: Props) {
  const isNew = userId === 'new';
  const member = useMember(location.organizationId, isNew ? null : userId);
  return (
    <section className="pane details-pane" aria-labelledby="user-details-title">
      <div className="pane-header">
        <h2 id="user-details-title">User Details{isNew ? <span className="pane-subtitle">New user</span> : member.data ? <span className="pane-subtitle">{member.data.username}</span> : null}</h2>
        {userId ? <Link href={location.listPath()} className="back-link">Back to User List</Link> : null}
      </div>
      {userId === null ? (
        <p className="state state-empty">Pick a user in the list to see and edit their details, or click Add New to create one.</p>
      ) : isNew ? (
        <MemberForm location={location} member={null} me={me} onNotice={onNotice} />
      ) : member.isPending ? (
        <Loading label="Loading user…" />
      ) : member.isError ? (
        <ErrorState error={member.error} onRetry={() => void member.refetch()} />
      ) : (
        <div className="details-scroll">
          <MemberForm location={location} member={member.data} me={me} onNotice={onNotice} />
          <UserPermissions organizationId={location.organizationId} member={member.data} />
        </div>
      )}
    </section>
  );
}
