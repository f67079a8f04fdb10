/**
 * @module The audit log's filters: action, actor, target and a time range, applied together with
 * Apply filters (or Enter); Clear filters shows everything again. On a phone they fold away under
 * "Filters" until opened. The time fields are in the
 * browser's time zone and sent as UTC instants.
 */
import { useState, type FormEvent } from 'react';
import { TextField } from '../components/field';
import { MemberPicker } from './member-picker';
import { NO_FILTER, type AuditFilter } from './queries';

const PHONE = window.matchMedia('(max-width: 760px)');

/** `2026-11-22T14:05` in the browser's zone ↔ an ISO instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');
function toLocal(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Props {
  organizationId: string;
  applied: AuditFilter;
  /** Actions seen in the events shown so far, offered as suggestions. */
  knownActions: readonly string[];
  onApply(filter: AuditFilter): void;
}

export function AuditFilters({ organizationId, applied, knownActions, onApply }: Props) {
  const [draft, setDraft] = useState({ ...applied, from: toLocal(applied.from), to: toLocal(applied.to) });
  const [rangeError, setRangeError] = useState<string | null>(null);
  const active = applied.actor || applied.target || applied.action || applied.from || applied.to;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from >= draft.to) {
      setRangeError('"To" must be later than "From"');
      return;
    }
    setRangeError(null);
    onApply({ ...draft, action: draft.action.trim(), from: toInstant(draft.from), to: toInstant(draft.to) });
  };

  return (
    // Open on a wide screen; on a phone folded (unless filters are on), so the events come first.
    <details className="audit-filter-box" open={Boolean(active) || !PHONE.matches}>
      <summary>Filters{active ? ' (on)' : ''}</summary>
      <form className="audit-filters" onSubmit={submit} noValidate aria-label="Filter events">
        <TextField label="Action" name="action" list="audit-actions" value={draft.action} autoComplete="off"
          onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value }))} hint="Exact name, e.g. member.deactivated." />
        <datalist id="audit-actions">{knownActions.map((a) => <option key={a} value={a} />)}</datalist>
        <MemberPicker organizationId={organizationId} label="Actor" hint="Who made the change." value={draft.actor}
          onChange={(actor) => setDraft((d) => ({ ...d, actor }))} />
        <MemberPicker organizationId={organizationId} label="Target member" hint="The member the change was made to." value={draft.target}
          onChange={(target) => setDraft((d) => ({ ...d, target }))} />
        <TextField label="From" name="from" type="datetime-local" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        <TextField label="To" name="to" type="datetime-local" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          error={rangeError ?? undefined} hint="Events before this time, not at it." />
        <div className="audit-filter-actions">
          <button type="submit" className="button button-primary">Apply filters</button>
          {active ? <button type="button" className="button" onClick={() => onApply(NO_FILTER)}>Clear filters</button> : null}
        </div>
      </form>
    </details>
  );
}
