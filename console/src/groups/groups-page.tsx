/**
 * @module The Group Manager (seed 002): a Group List pane beside a Group Details pane, as the User
 * Manager's two panes ("very similar to the Group Manager"). The open group is in the address
 * (`/groups/{id}`, `/groups/new` for Add New).
 */
import { useState } from 'react';
import { organizationPath } from '../shell/nav';
import { GroupDetails } from './group-details';
import { GroupList } from './group-list';

export interface GroupsLocation {
  organizationId: string;
  groupPath(groupId: string): string;
  listPath: string;
}

export function GroupsPage({ organizationId, groupId }: { organizationId: string; groupId: string | null }) {
  const base = organizationPath(organizationId, 'groups');
  const location: GroupsLocation = { organizationId, groupPath: (id) => `${base}/${encodeURIComponent(id)}`, listPath: base };
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className={groupId ? 'two-panes two-panes-open' : 'two-panes'}>
      <h1 className="page-title">Groups</h1>
      <GroupList location={location} selected={groupId} notice={notice} onNotice={setNotice} />
      <GroupDetails key={groupId ?? 'none'} location={location} groupId={groupId} onNotice={setNotice} />
    </div>
  );
}
