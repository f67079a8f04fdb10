/**
 * @module The User List pane (seed 002): search and role filter, the table (User Name, First Name,
 * Last Name, Email), a row's Deactivate/Activate link beside Edit that shows on hover or keyboard
 * focus (seed 000), check boxes with a select-all in the header and Delete (seed 003), "Load more"
 * 50 at a time, and the Inactive Users link at the bottom. A deactivation or activation from the
 * list can be undone from its notice: it is one request away and nothing was lost.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Me } from '../auth/session';
import { organizationPath } from '../shell/nav';
import { Empty, ErrorState, Loading } from '../components/states';
import { BulkDelete, type Selection } from './bulk-delete';
import { MemberRow } from './member-row';
import { useMembers, useRoles, useSetMemberStatus, type Member } from './queries';
import { useDebounced } from './use-debounced';
import type { UsersLocation } from './users-page';

interface Props {
  location: UsersLocation;
  selectedUserId: string | null;
  me: Me;
  notice: string | null;
  onNotice(message: string | null): void;
}

/** The owner and the signed-in user can not be deleted or deactivated from the list; their rows offer neither. */
export const isProtected = (m: Member, me: Me) => m.role === 'owner' || m.userId === me.id;

export function UserList({ location, selectedUserId, me, notice, onNotice }: Props) {
  const { organizationId, status } = location;
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const q = useDebounced(search.trim());
  const members = useMembers(organizationId, { status, q, role });
  const roles = useRoles(organizationId);
  const setStatus = useSetMemberStatus(organizationId);
  const [selection, setSelection] = useState<Selection>({ ids: new Set(), all: false });
  const [failure, setFailure] = useState<string | null>(null);
  /** The last status change made from this list, while its notice shows. */
  const [undoable, setUndoable] = useState<{ member: Member; action: 'deactivate' | 'activate'; notice: string } | null>(null);

  const rows = useMemo(() => members.data?.pages.flatMap((p) => p.items) ?? [], [members.data]);
  const selectable = rows.filter((m) => !isProtected(m, me));
  // Another list, search or filter is another selection.
  useEffect(() => setSelection({ ids: new Set(), all: false }), [status, q, role, organizationId]);
  useEffect(() => setFailure(null), [status, organizationId]);
  useEffect(() => setUndoable(null), [organizationId]);

  const allShownSelected = selectable.length > 0 && selectable.every((m) => selection.ids.has(m.userId));
  const someSelected = selection.ids.size > 0;
  const toggleAll = () => setSelection({ ids: allShownSelected ? new Set() : new Set(selectable.map((m) => m.userId)), all: false });
  const toggle = (userId: string) => setSelection((s) => {
    const ids = new Set(s.ids);
    if (ids.has(userId)) ids.delete(userId);
    else ids.add(userId);
    return { ids, all: false };
  });

  const changeStatus = (m: Member, action: 'deactivate' | 'activate', undoing = false) => {
    setFailure(null);
    setStatus.mutate({ userId: m.userId, action }, {
      onSuccess: () => {
        const text = undoing
          ? `Undone: ${m.username} is ${action === 'activate' ? 'active' : 'inactive'} again.`
          : action === 'deactivate' ? `${m.username} was deactivated and moved to Inactive Users.` : `${m.username} was activated and is back in the active users.`;
        onNotice(text);
        setUndoable(undoing ? null : { member: m, action: action === 'deactivate' ? 'activate' : 'deactivate', notice: text });
      },
      onError: (error) => setFailure(error.message),
    });
  };

  const title = status === 'active' ? 'Active users' : 'Inactive users';
  return (
    <section className="pane list-pane" aria-labelledby="user-list-title">
      <div className="pane-header">
        <h2 id="user-list-title">User List <span className="pane-subtitle">{title}</span></h2>
        <div className="pane-actions">
          <Link href={`${organizationPath(organizationId, 'invitations')}/new`} className="button">Invite New Users</Link>
          <Link href={location.userPath('new')} className="button button-primary">Add New</Link>
        </div>
      </div>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="user-search">Search</label>
          <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)}
            placeholder="User name, email, first or last name" aria-describedby="user-search-hint" autoComplete="off" />
          <span id="user-search-hint" className="sr-only">Matches the beginning of the user name, email, first or last name</span>
        </div>
        <div className="field field-inline">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">All roles</option>
            {(roles.data ?? []).map((r) => <option key={r.key} value={r.key}>{r.name}</option>)}
          </select>
        </div>
        <BulkDelete organizationId={organizationId} selection={selection} moreExist={members.hasNextPage} allShownSelected={allShownSelected}
          onSelectAllMembers={() => setSelection({ ids: new Set(), all: true })}
          onDeleted={(count) => { setSelection({ ids: new Set(), all: false }); onNotice(`${count} ${count === 1 ? 'user was' : 'users were'} deleted.`); }}
          onFailed={setFailure} />
      </div>
      <div className="messages">
        {failure ? <div className="form-alert" role="alert">{failure}</div> : null}
        <p role="status" className={notice ? 'notice' : 'sr-only'}>{notice ?? ''}</p>
        {undoable && notice === undoable.notice ? (
          <button type="button" className="link-button" disabled={setStatus.isPending}
            onClick={() => changeStatus(undoable.member, undoable.action, true)}>Undo {undoable.action === 'activate' ? 'deactivation' : 'activation'} of {undoable.member.username}</button>
        ) : null}
      </div>
      {members.isPending ? <Loading label="Loading users…" /> : members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} /> : (
        <div className="table-wrap">
          <table className="user-table" aria-label={title} aria-busy={members.isFetching ? true : undefined}>
            <thead>
              <tr>
                <th scope="col" className="col-check">
                  <input type="checkbox" aria-label="Select all users shown" checked={allShownSelected || selection.all} disabled={selectable.length === 0}
                    ref={(el) => { if (el) el.indeterminate = someSelected && !allShownSelected; }} onChange={toggleAll} />
                </th>
                <th scope="col">User Name</th>
                <th scope="col" className="col-name">First Name</th>
                <th scope="col" className="col-name">Last Name</th>
                <th scope="col" className="col-email">Email</th>
                <th scope="col" className="col-actions"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <MemberRow key={m.userId} member={m} location={location} current={m.userId === selectedUserId}
                  selectable={!isProtected(m, me)} selected={selection.all || selection.ids.has(m.userId)} onToggle={() => toggle(m.userId)}
                  busy={setStatus.isPending && setStatus.variables?.userId === m.userId}
                  onStatusChange={(action) => changeStatus(m, action)} />
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <Empty>{q || role ? 'No users match this search.' : status === 'active' ? 'No active users yet. Add New creates one.' : 'No inactive users. Deactivated users appear here.'}</Empty>
          ) : null}
          {members.hasNextPage ? (
            <button type="button" className="button load-more" onClick={() => void members.fetchNextPage()} disabled={members.isFetchingNextPage}>
              {members.isFetchingNextPage ? 'Loading…' : 'Load more users'}
            </button>
          ) : null}
        </div>
      )}
      <div className="pane-footer">
        <span className="muted">{rows.length > 0 ? `${rows.length}${members.hasNextPage ? '+' : ''} ${rows.length === 1 ? 'user' : 'users'}` : ''}</span>
        {status === 'active'
          ? <Link href={location.listPath('inactive')} className="footer-link">Inactive Users</Link>
          : <Link href={location.listPath('active')} className="footer-link">Active Users</Link>}
      </div>
    </section>
  );
}
