/**
 * @module The Invitations page: every invitation of the organization, newest first, 50 at a time
 * (the API's cursor) and filtered by status on the server, with bounces and the mail server's reason
 * (seed 004); Resend sends a fresh link (seed 004 "Resend Invite"), Revoke asks first. Invite Users
 * (seed 003) and Import CSV (seed 004 "add users in bulk") start here.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Empty, ErrorState, Loading } from '../components/states';
import { organizationPath } from '../shell/nav';
import { useRoles } from '../users/queries';
import { InvitationTable } from './invitation-table';
import { useInvitations, useResendInvitation, useRevokeInvitation, type Invitation, type InvitationStatus } from './queries';

const FILTERS: Array<{ value: InvitationStatus | ''; label: string }> = [
  { value: '', label: 'All invitations' },
  { value: 'pending', label: 'Pending' },
  { value: 'bounced', label: 'Bounced' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'accepted', label: 'Accepted' },
];

export function InvitationsPage({ organizationId }: { organizationId: string }) {
  const [status, setStatus] = useState<InvitationStatus | ''>('');
  const invitations = useInvitations(organizationId, status);
  const roles = useRoles(organizationId);
  const resend = useResendInvitation(organizationId);
  const revoke = useRevokeInvitation(organizationId);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useMemo(() => invitations.data?.pages.flatMap((p) => p.items) ?? [], [invitations.data]);
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.name ?? key;
  const base = organizationPath(organizationId, 'invitations');
  const busy = (i: Invitation) => (resend.isPending && resend.variables === i.id) || (revoke.isPending && revoke.variables === i.id);

  const doResend = (i: Invitation) => {
    setNotice(null);
    setFailure(null);
    resend.mutate(i.id, { onSuccess: () => setNotice(`The invitation to ${i.email} was sent again with a new link.`), onError: (e) => setFailure(e.message) });
  };
  const doRevoke = () => {
    if (!revoking) return;
    const i = revoking;
    setNotice(null);
    setFailure(null);
    revoke.mutate(i.id, {
      onSuccess: () => setNotice(`The invitation to ${i.email} was revoked; its link no longer works.`),
      onError: (e) => setFailure(e.message),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <section className="page invitations-page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">Invitations</h1>
        <div className="page-actions">
          <Link href={`${base}/import`} className="button">Import CSV</Link>
          <Link href={`${base}/new`} className="button button-primary">Invite New Users</Link>
        </div>
      </div>
      <div className="card">
        <div className="toolbar">
          <div className="field field-inline">
            <label htmlFor="invitation-status">Status</label>
            <select id="invitation-status" value={status} onChange={(e) => setStatus(FILTERS.find((f) => f.value === e.target.value)?.value ?? '')}>
              {FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            </select>
          </div>
        </div>
        <div className="messages">
          {failure ? <div className="form-alert" role="alert">{failure}</div> : null}
          <p role="status" className={notice ? 'notice' : 'sr-only'}>{notice ?? ''}</p>
        </div>
        {invitations.isPending ? <Loading label="Loading invitations…" /> : invitations.isError ? <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} /> : (
          <div className="table-wrap">
            {rows.length > 0 ? (
              <InvitationTable rows={rows} busy={busy} roleName={roleName} fetching={invitations.isFetching} onResend={doResend} onRevoke={setRevoking} />
            ) : null}
            {rows.length === 0 ? (
              // Expired is pending past its date: the API tells them apart after reading a page, which may hold none.
              <Empty>{invitations.hasNextPage ? 'None among the invitations read so far; load more to look further.'
                : status ? 'No invitations with this status.' : 'No invitations yet. Invite New Users sends some.'}</Empty>
            ) : null}
            {invitations.hasNextPage ? (
              <button type="button" className="button load-more" onClick={() => void invitations.fetchNextPage()} disabled={invitations.isFetchingNextPage}>
                {invitations.isFetchingNextPage ? 'Loading…' : 'Load more invitations'}
              </button>
            ) : null}
          </div>
        )}
      </div>
      <ConfirmDialog open={revoking !== null} title={`Revoke the invitation to ${revoking?.email ?? ''}?`} confirmLabel="Revoke" busy={revoke.isPending}
        onConfirm={doRevoke} onCancel={() => setRevoking(null)}>
        <p>The link in the email will stop working. You can invite the address again later.</p>
      </ConfirmDialog>
    </section>
  );
}
