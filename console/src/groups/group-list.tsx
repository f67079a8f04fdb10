/**
 * @module The Group List pane: every group by name with its description and number of members, and
 * Add New (seed 002's Group Manager).
 */
import { Link, useLocation } from 'wouter';
import { Empty, ErrorState, Loading } from '../components/states';
import { useGroups } from '../users/queries';
import type { GroupsLocation } from './groups-page';

interface Props {
  location: GroupsLocation;
  selected: string | null;
  notice: string | null;
  onNotice(message: string | null): void;
}

export function GroupList({ location, selected, notice, onNotice }: Props) {
  const groups = useGroups(location.organizationId);
  const [, navigate] = useLocation();
  return (
    <section className="pane list-pane" aria-labelledby="group-list-title">
      <div className="pane-header">
        <h2 id="group-list-title">Group List</h2>
        <Link href={location.groupPath('new')} className="button button-primary" onClick={() => onNotice(null)}>Add New</Link>
      </div>
      <div className="messages" aria-live="polite">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      {groups.isPending ? <Loading label="Loading groups…" /> : groups.isError ? <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
        : groups.data.length === 0 ? <Empty>No groups yet. Click Add New to create one.</Empty> : (
          <div className="table-wrap">
            <table className="user-table group-table">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col" className="col-name">Description</th>
                  <th scope="col" className="col-count">Members</th>
                </tr>
              </thead>
              <tbody>
                {groups.data.map((g) => (
                  <tr key={g.id} className={g.id === selected ? 'row-current' : undefined} onClick={() => navigate(location.groupPath(g.id))}>
                    <td><Link href={location.groupPath(g.id)} className="username" aria-current={g.id === selected ? 'true' : undefined}>{g.name}</Link></td>
                    <td className="col-name">{g.description}</td>
                    <td className="col-count">{g.memberCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
}
