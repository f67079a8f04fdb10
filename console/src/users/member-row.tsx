/**
 * @module One row of the User List. Clicking the row opens the user's details as the Edit link does;
 * the Deactivate (or, in the inactive list, Activate) link left of Edit shows on hover and whenever
 * something in the row has keyboard focus (seed 000), and always on touch screens, which can not hover.
 */
import type { MouseEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type { Member } from './queries';
import type { UsersLocation } from './users-page';

interface Props {
  member: Member;
  location: UsersLocation;
  current: boolean;
  selectable: boolean;
  selected: boolean;
  busy: boolean;
  onToggle(): void;
  onStatusChange(action: 'deactivate' | 'activate'): void;
}

export function MemberRow({ member: m, location, current, selectable, selected, busy, onToggle, onStatusChange }: Props) {
  const [, navigate] = useLocation();
  const href = location.userPath(m.userId);
  const open = (event: MouseEvent) => {
    // Clicks on the row's own controls do their own thing.
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    navigate(href);
  };
  const action = m.status === 'active' ? 'deactivate' : 'activate';
  return (
    <tr className={current ? 'row-current' : undefined} onClick={open}>
      <td className="col-check">
        <input type="checkbox" aria-label={`Select ${m.username}`} checked={selected} disabled={!selectable} onChange={onToggle}
          title={selectable ? undefined : 'The owner and you can not be deleted'} />
      </td>
      <td><Link href={href} className="username" aria-current={current ? 'true' : undefined}>{m.username}</Link>{m.role === 'owner' ? <span className="tag">owner</span> : null}</td>
      <td className="col-name">{m.firstName}</td>
      <td className="col-name">{m.lastName}</td>
      <td className="col-email" title={m.email}>{m.email}</td>
      <td className="col-actions">
        {selectable ? (
          <button type="button" className="link-button row-hover-action" onClick={() => onStatusChange(action)} disabled={busy}>
            {action === 'deactivate' ? 'Deactivate' : 'Activate'}<span className="sr-only"> {m.username}</span>
          </button>
        ) : null}
        <Link href={href} className="row-edit">Edit<span className="sr-only"> {m.username}</span></Link>
      </td>
    </tr>
  );
}
