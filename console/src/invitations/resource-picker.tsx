/**
 * @module Seed 003's "Select Partner": for a role that gives access to exactly one resource of a type,
 * a "Select {type}" link that shows the organization's resources to pick one from; for a role granted
 * any number (Normal), check boxes. Resources load 100 at a time, with "Show more" for long lists.
 */
import { useId, useState } from 'react';
import { Loading } from '../components/states';
import { useResources } from './queries';

interface Props {
  organizationId: string;
  type: string;
  /** The type's display name, e.g. "Partner". */
  typeName: string;
  scope: 'one' | 'granted';
  selected: string[];
  error?: string;
  onChange(ids: string[]): void;
}

export function ResourcePicker({ organizationId, type, typeName, scope, selected, error, onChange }: Props) {
  const [open, setOpen] = useState(scope === 'granted');
  // Loaded once opened, and kept while one is chosen so the choice shows its name.
  const resources = useResources(organizationId, open || selected.length > 0 ? type : null);
  const id = useId();
  const items = resources.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map(items.map((r) => [r.id, r.name]));
  const plural = `${typeName.toLowerCase()}s`;
  const errorId = error ? `${id}-error` : undefined;

  const list = resources.isPending ? <Loading label={`Loading ${plural}…`} />
    : resources.isError ? <p className="field-error">The {plural} could not be loaded: {resources.error.message}</p>
    : items.length === 0 ? <p className="muted">No {plural} are registered yet: the application registers them through the API.</p>
    : (
      <div className="picker-options">
        {items.map((r) => (
          <label key={r.id} className="check">
            {scope === 'one'
              ? <input type="radio" name={`${id}-choice`} checked={selected[0] === r.id} onChange={() => onChange([r.id])} />
              : <input type="checkbox" checked={selected.includes(r.id)} onChange={(e) => onChange(e.target.checked ? [...selected, r.id] : selected.filter((s) => s !== r.id))} />}
            {r.name}
          </label>
        ))}
        {resources.hasNextPage ? (
          <button type="button" className="link-button" onClick={() => void resources.fetchNextPage()} disabled={resources.isFetchingNextPage}>
            {resources.isFetchingNextPage ? 'Loading…' : `Show more ${plural}`}
          </button>
        ) : null}
      </div>
    );

  if (scope === 'granted') {
    return (
      <fieldset className={error ? 'picker field-invalid' : 'picker'} aria-describedby={errorId}>
        <legend>{typeName}s</legend>
        <p className="field-hint">Optional: the {plural} these users may see.</p>
        {list}
        {error ? <p id={errorId} className="field-error">{error}</p> : null}
      </fieldset>
    );
  }

  const chosen = selected[0];
  return (
    <fieldset className={error ? 'picker field-invalid' : 'picker'} aria-describedby={errorId}>
      <legend>{typeName} <span aria-hidden="true" className="required">*</span></legend>
      <p className="field-hint">This role gives access to only one {typeName.toLowerCase()}.</p>
      <p className="picker-choice">
        {chosen ? <span>Selected: <strong>{names.get(chosen) ?? chosen}</strong></span> : <span className="muted">None selected yet.</span>}
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {chosen ? `Change ${typeName}` : `Select ${typeName}`}
        </button>
      </p>
      {open ? list : null}
      {error ? <p id={errorId} className="field-error">{error}</p> : null}
    </fieldset>
  );
}
