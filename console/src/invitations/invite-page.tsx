/**
 * @module The Invite Users page (seed 003 "Click the Invite New Users button to add one or more
 * users"): the form, and once sent the outcome of every address beside it, the form staying for the
 * next list (holding the addresses that were not valid, to be corrected).
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { organizationPath } from '../shell/nav';
import { InviteForm } from './invite-form';
import { InviteResults } from './invite-results';
import { useInvite, type InvitationResult } from './queries';

export function InvitePage({ organizationId }: { organizationId: string }) {
  const invite = useInvite(organizationId);
  const [results, setResults] = useState<InvitationResult[] | null>(null);
  const invitations = organizationPath(organizationId, 'invitations');
  return (
    <section className="page invite-page" aria-labelledby="page-title">
      <p className="breadcrumb"><Link href={invitations}>Invitations</Link> <span aria-hidden="true">›</span></p>
      <div className="page-header">
        <h1 id="page-title">Invite Users</h1>
        <Link href={`${invitations}/import`} className="button">Import CSV</Link>
      </div>
      <div className={results ? 'invite-layout invite-layout-results' : 'invite-layout'}>
        <div className="card">
          <InviteForm organizationId={organizationId} pending={invite.isPending} error={invite.error}
            onSubmit={(body, done) => {
              setResults(null);
              invite.mutate(body, { onSuccess: (r) => { setResults(r.results); done(r.results); } });
            }} />
        </div>
        {results ? <div className="card"><InviteResults results={results} /></div> : null}
      </div>
    </section>
  );
}
