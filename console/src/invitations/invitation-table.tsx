/**
 * @module The table of the Invitations page; on a phone it keeps the address, role, status and actions.
 */
import { InvitationRow } from './invitation-row';
import type { Invitation } from './queries';

interface Props {
  rows: Invitation[];
  fetching: boolean;
  roleName(key: string): string;
  busy(invitation: Invitation): boolean;
  onResend(invitation: Invitation): void;
  onRevoke(invitation: Invitation): void;
}

export function InvitationTable({ rows, fetching, roleName, busy, onResend, onRevoke }: Props) {
  return (
    <table className="data-table invitation-table" aria-label="Invitations" aria-busy={fetching ? true : undefined}>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col" className="col-detail">Invited by</th>
          <th scope="col" className="col-detail">Last sent</th>
          <th scope="col" className="col-detail">Expires</th>
          <th scope="col" className="col-actions"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <InvitationRow key={i.id} invitation={i} roleName={roleName(i.role)} busy={busy(i)} onResend={() => onResend(i)} onRevoke={() => onRevoke(i)} />
        ))}
      </tbody>
    </table>
  );
}
