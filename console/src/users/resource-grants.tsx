/**
 * @module The resources of one type granted to a user (seed 003's partners): check boxes for a role
 * that sees those granted (Normal), radio buttons for one that needs exactly one (Partner: "Select
 * Partner"), and a plain statement for a role that sees them all (Admin).
 */
import { useId } from 'react';
import { ErrorState, Loading } from '../components/states';
import { SCOPE_HINT, type Scope } from '../permissions/catalog';
import { useResources } from '../permissions/queries';

interface Props {
  organizationId: string;
  type: { key: string; name: string };
  scope: Scope;
  value: readonly string[];
  onChange(ids: string[]): void;
  error?: string;
}

export function ResourceGrants({ organizationId, type, scope, value, onChange, error }: Props) {
  const resources = useResources(organizationId, type.key);
  const id = useId();
  return (
    <fieldset className="permission-group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{type.name}</legend>
      <p id={`${id}-hint`} className="field-hint">{SCOPE_HINT[scope]}</p>
      {error ? <p id={`${id}-error`} className="field-error" role="alert" tabIndex={-1}>{error}</p> : null}
      {scope === 'all' ? null : resources.isPending ? <Loading label={`Loading ${type.name}…`} /> : resources.isError ? <ErrorState error={resources.error} /> :
        resources.data.length === 0 ? <p className="muted">None registered yet.</p> : (
          <div className="permission-columns">
            {resources.data.map((r) => (
              <label key={r.id} className="check">
                <input type={scope === 'one' ? 'radio' : 'checkbox'} name={`${id}-${type.key}`} checked={value.includes(r.id)}
                  onChange={(e) => onChange(scope === 'one' ? [r.id] : e.target.checked ? [...value, r.id] : value.filter((v) => v !== r.id))} />
                {r.name}
              </label>
            ))}
          </div>
        )}
    </fieldset>
  );
}
