/**
 * @module What happened to each address of an invitation request, next to the address, as the API
 * reported it: invited, already invited (sent again), already a member, listed twice, not an address.
 */
import { useEffect, useRef } from 'react';
import { outcomeOf } from './invite-rules';
import type { InvitationResult } from './queries';

export function InviteResults({ results }: { results: InvitationResult[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The outcome is what the inviter looks at next: brought into view and read out.
  useEffect(() => heading.current?.focus(), [results]);
  const invited = results.filter((r) => r.status === 'invited' || r.status === 'refreshed').length;
  return (
    <section className="invite-results" aria-labelledby="invite-results-title">
      <h2 id="invite-results-title" ref={heading} tabIndex={-1}>Results</h2>
      <p role="status">{invited === results.length
        ? `${invited} ${invited === 1 ? 'invitation was' : 'invitations were'} sent.`
        : `${invited} of ${results.length} addresses ${invited === 1 ? 'was' : 'were'} invited; the others are listed with the reason.`}</p>
      <table className="data-table" aria-labelledby="invite-results-title">
        <thead><tr><th scope="col">Address</th><th scope="col">Result</th></tr></thead>
        <tbody>
          {results.map((r, i) => {
            const o = outcomeOf(r);
            return (
              <tr key={`${i}:${r.email}`}>
                <td className="cell-wrap">{r.email}</td>
                <td><span className={`tag tag-${o.tone}`}>{o.label}</span>{o.reason && r.status !== 'invalid' && r.status !== 'duplicate' ? <span className="muted"> {o.reason}</span> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
