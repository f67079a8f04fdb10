/**
 * @module One invitation in the list: the address, role, status (a bounce with the mail server's
 * reason, seed 004), who sent it and when, when the link expires, and Resend and Revoke where the
 * API allows them (resend: pending, expired or bounced; revoke: anything not accepted or revoked).
 */
import type { Invitation } from './queries';

const STATUS_LABELS: Record<Invitation['status'], string> = {
  pending: 'Pending', accepted: 'Accepted', revoked: 'Revoked', bounced: 'Bounced', expired: 'Expired',
};

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (iso: string | null) => (iso ? when.format(new Date(iso)) : '—');

export const canResend = (i: Invitation) => i.status === 'pending' || i.status === 'expired' || i.status === 'bounced';
export const canRevoke = (i: Invitation) => i.status !== 'accepted' && i.status !== 'revoked';

interface Props {
  invitation: Invitation;
  roleName: string;
  busy: boolean;
  onResend(): void;
  onRevoke(): void;
}

export function InvitationRow({ invitation: i, roleName, busy, onResend, onRevoke }: Props) {
  return (
    <tr>
      <td className="cell-wrap"><span className="invitation-email">{i.email}</span></td>
      <td>{roleName}</td>
      <td>
        <span className={`tag tag-status tag-${i.status}`}>{STATUS_LABELS[i.status]}</span>
        {i.status === 'bounced' && i.bounceReason ? <p className="bounce-reason">{i.bounceReason}</p> : null}
      </td>
      <td className="col-detail">{i.invitedByName}</td>
      <td className="col-detail">{formatTime(i.lastSentAt)}{i.sendCount > 1 ? <span className="muted"> ({i.sendCount}×)</span> : null}</td>
      <td className="col-detail">{i.status === 'accepted' ? `Accepted ${formatTime(i.acceptedAt)}` : formatTime(i.expiresAt)}</td>
      <td className="col-actions">
        {canResend(i) ? <button type="button" className="link-button" onClick={onResend} disabled={busy} aria-label={`Resend the invitation to ${i.email}`}>Resend</button> : null}
        {canRevoke(i) ? <button type="button" className="link-button link-danger" onClick={onRevoke} disabled={busy} aria-label={`Revoke the invitation to ${i.email}`}>Revoke</button> : null}
      </td>
    </tr>
  );
}
