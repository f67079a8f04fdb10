/**
 * @module One event of the audit log: when, who (their display name at the time, seed 000 "user name
 * as it will appear in the lead history and logs"), what, to what, and the fields it changed from
 * before to after. Buttons narrow the log to the same actor, action or target.
 */
import { formatTimeExact } from '../components/time';
import { changesOf, fieldLabel, valueText } from './changes';
import type { AuditEvent, AuditFilter } from './queries';

interface Props {
  event: AuditEvent;
  onFilter(change: Partial<AuditFilter>): void;
}

function Value({ value }: { value: unknown }) {
  const text = valueText(value, formatTimeExact);
  return text === null ? <span className="muted">—</span> : <span className="audit-value">{text}</span>;
}

export function AuditEventItem({ event, onFilter }: Props) {
  const changes = changesOf(event.before, event.after);
  const { actorUserId, targetId } = event;
  const target = event.targetDisplayName ?? targetId;
  return (
    <li className="audit-event">
      <div className="audit-head">
        <time dateTime={event.createdAt} className="audit-time">{formatTimeExact(event.createdAt)}</time>
        <span className="audit-actor">{event.actorDisplayName}</span>
        <code className="audit-action">{event.action}</code>
        {target ? <span className="audit-target"><span className="muted">{event.targetType}</span> {target}</span> : null}
      </div>
      {changes.length > 0 ? (
        <table className="audit-changes">
          <caption className="sr-only">Changes made by {event.action}</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path}>
                <th scope="row">{c.path ? fieldLabel(c.path) : 'value'}</th>
                <td><Value value={c.before} /></td>
                <td><Value value={c.after} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="audit-narrow">
        {actorUserId ? (
          <button type="button" className="link-button" onClick={() => onFilter({ actor: { id: actorUserId, label: event.actorDisplayName } })}>
            Only by {event.actorDisplayName}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => onFilter({ action: event.action })}>Only {event.action}</button>
        {targetId ? (
          <button type="button" className="link-button" onClick={() => onFilter({ target: { id: targetId, label: target ?? targetId } })}>
            Only about {target}
          </button>
        ) : null}
      </div>
    </li>
  );
}
