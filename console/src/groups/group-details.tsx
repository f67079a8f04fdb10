/**
 * @module The Group Details pane: empty until a group is picked, a blank group after Add New, else
 * the group's name, description and permissions (the module matrix, seed 002) with Save and Delete,
 * and its members, who can be added and removed one by one.
 */
import { Link } from 'wouter';
import { ErrorState, Loading } from '../components/states';
import { GroupForm } from './group-form';
import { GroupMembers } from './group-members';
import type { GroupsLocation } from './groups-page';
import { useGroup } from './queries';

export function GroupDetails({ location, groupId, onNotice }: { location: GroupsLocation; groupId: string | null; onNotice(message: string | null): void }) {
  const isNew = groupId === 'new';
  const one = useGroup(location.organizationId, isNew ? null : groupId);
  const group = one.data ?? null;
  return (
    <section className="pane details-pane" aria-labelledby="group-details-title">
      <div className="pane-header">
        <h2 id="group-details-title">Group Details{isNew ? <span className="pane-subtitle">New group</span> : group ? <span className="pane-subtitle">{group.name}</span> : null}</h2>
        {groupId ? <Link href={location.listPath} className="back-link">Back to Group List</Link> : null}
      </div>
      {groupId === null ? (
        <p className="state state-empty">Pick a group to see its members and permissions, or click Add New to create one.</p>
      ) : isNew ? (
        <GroupForm location={location} group={null} onNotice={onNotice} />
      ) : one.isPending ? (
        <Loading label="Loading group…" />
      ) : one.isError || !group ? (
        <ErrorState error={one.error} onRetry={() => void one.refetch()} />
      ) : (
        <div className="details-scroll">
          <GroupForm location={location} group={group} onNotice={onNotice} />
          <GroupMembers organizationId={location.organizationId} group={group} onNotice={onNotice} />
        </div>
      )}
    </section>
  );
}
