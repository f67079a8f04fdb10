/**
 * @module A group's members: listed 50 at a time with Remove beside each, and Add member, which
 * searches the organization's members as the User List does (the beginning of the user name, email
 * or names) and puts the one picked in the group.
 */
import { useId, useState } from 'react';
import { Empty, ErrorState, Loading } from '../components/states';
import { useDebounced } from '../users/use-debounced';
import { useMembers } from '../users/queries';
import { useGroupMembers, useGroupMembership, type Group } from './queries';

export function GroupMembers({ organizationId, group, onNotice }: { organizationId: string; group: Group; onNotice(message: string | null): void }) {
  const members = useGroupMembers(organizationId, group.id);
  const membership = useGroupMembership(organizationId);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const candidates = useMembers(organizationId, { status: 'active', q, role: '' });
  const searchId = useId();
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  const inGroup = new Set(rows.map((m) => m.userId));
  const found = q && search.trim() ? (candidates.data?.pages[0]?.items ?? []).filter((m) => !inGroup.has(m.userId)).slice(0, 8) : [];

  const change = (userId: string, username: string, action: 'add' | 'remove') => {
    onNotice(null);
    membership.mutate({ groupId: group.id, userId, action }, {
      onSuccess: () => {
        onNotice(action === 'add' ? `${username} was added to ${group.name}.` : `${username} was removed from ${group.name}.`);
        if (action === 'add') setSearch('');
      },
    });
  };

  return (
    <section className="group-members" aria-labelledby={`${searchId}-title`}>
      <h3 id={`${searchId}-title`} className="section-title">Members of {group.name}</h3>
      {membership.error ? <div className="form-alert" role="alert">{membership.error.message}</div> : null}
      {members.isPending ? <Loading label="Loading members…" /> : members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        : rows.length === 0 ? <Empty>No members yet.</Empty> : (
          <ul className="member-chips">
            {rows.map((m) => (
              <li key={m.userId}>
                <span><strong>{m.username}</strong> <span className="muted">{m.displayName}{m.status === 'inactive' ? ' (inactive)' : ''}</span></span>
                <button type="button" className="link-button" disabled={membership.isPending} onClick={() => change(m.userId, m.username, 'remove')}>
                  Remove<span className="sr-only"> {m.username}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      {members.hasNextPage ? <button type="button" className="button load-more" onClick={() => void members.fetchNextPage()}>Load more members</button> : null}
      <div className="field add-member">
        <label htmlFor={searchId}>Add member</label>
        <input id={searchId} type="search" autoComplete="off" placeholder="User name, email or name" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby={`${searchId}-hint`} />
        <p id={`${searchId}-hint`} className="field-hint">Type the beginning of a user name, email or name, then click Add.</p>
      </div>
      {q && search.trim() ? (
        candidates.isPending ? <Loading label="Searching…" /> : found.length === 0 ? <p className="muted">No active user outside the group matches.</p> : (
          <ul className="member-chips" aria-label="Matching users">
            {found.map((m) => (
              <li key={m.userId}>
                <span><strong>{m.username}</strong> <span className="muted">{m.displayName}</span></span>
                <button type="button" className="button" disabled={membership.isPending} onClick={() => change(m.userId, m.username, 'add')}>
                  Add<span className="sr-only"> {m.username}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
