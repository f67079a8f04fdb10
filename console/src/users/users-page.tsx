/**
 * @module The Users page in seed 002's layout: the User List pane beside the User Details pane.
 * Which list (active, the default, or inactive) is in the address (`?status=inactive`), as is the
 * user whose details are open (`/members/{userId}`, `/members/new` for Add New), so both survive a
 * reload and can be linked to, as Roster's emails do.
 */
import { useState } from 'react';
import { useSearch } from 'wouter';
import type { Me } from '../auth/session';
import { organizationPath } from '../shell/nav';
import { UserDetails } from './user-details';
import { UserList } from './user-list';
import type { MemberStatus } from './queries';

export interface UsersLocation {
  organizationId: string;
  status: MemberStatus;
  /** The path of a member's details (or of `new`), keeping the list the user is looking at. */
  userPath(userId: string): string;
  listPath(status?: MemberStatus): string;
}

export function UsersPage({ organizationId, userId, me }: { organizationId: string; userId: string | null; me: Me }) {
  const status: MemberStatus = new URLSearchParams(useSearch()).get('status') === 'inactive' ? 'inactive' : 'active';
  const base = organizationPath(organizationId);
  const query = (s: MemberStatus) => (s === 'inactive' ? '?status=inactive' : '');
  const location: UsersLocation = {
    organizationId, status,
    userPath: (id) => `${base}/${encodeURIComponent(id)}${query(status)}`,
    listPath: (s = status) => `${base}${query(s)}`,
  };
  // The last action's outcome, announced politely and shown above the list.
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className={userId ? 'users users-has-details' : 'users'}>
      <h1 className="page-title">Users</h1>
      <UserList location={location} selectedUserId={userId} me={me} notice={notice} onNotice={setNotice} />
      <UserDetails key={userId ?? 'none'} location={location} userId={userId} me={me} onNotice={setNotice} />
    </div>
  );
}
