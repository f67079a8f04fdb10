/**
 * @module Edits a set of permissions, as a role or a group holds them: the module matrix (seed 002)
 * with a check box per action, then Roster's own permissions and the application's as labelled
 * check boxes (seed 003's "Access to Integrations", …). An application permission limited to some
 * roles says so, and is offered to a role only when that role may hold it. The API's refusal
 * (`permission.not_held`: nobody grants what they do not hold) is shown above the controls it is about.
 */
import { useId } from 'react';
import { ALL_PERMISSIONS, splitCatalog, type CatalogPermission } from './catalog';
import { Held, ModuleMatrix } from './module-matrix';

interface Props {
  catalog: readonly CatalogPermission[];
  value: readonly string[];
  onChange?(next: string[]): void;
  /** What the set belongs to, for the matrix's name ("Sales"). */
  owner: string;
  /** The role being edited, to leave out application permissions it can not hold (seed 003). */
  roleKey?: string;
  error?: string;
  /** Fold Roster's own permissions while none is held (a group is mostly about modules, seed 002). */
  foldRoster?: boolean;
}

export function PermissionSetEditor({ catalog, value, onChange, owner, roleKey, error, foldRoster = false }: Props) {
  const errorId = useId();
  if (value.includes(ALL_PERMISSIONS)) {
    return <p className="all-permissions">Every permission, including any registered later, and every resource.</p>;
  }
  const readOnly = !onChange;
  const { modules, roster, application } = splitCatalog(catalog);
  const held = new Set(value);
  const set = (permission: string, on: boolean) => onChange?.(on ? [...value, permission] : value.filter((p) => p !== permission));
  const box = (permission: string, label: string, disabled = false) => (
    <input type="checkbox" aria-label={label} checked={held.has(permission)} disabled={readOnly || disabled} onChange={(e) => set(permission, e.target.checked)} />
  );
  const described = error ? errorId : undefined;
  const rosterChecks = (
    <div className="permission-columns">
      {roster.map((p) => <PermissionCheck key={p.key} permission={p} checked={held.has(p.key)} disabled={readOnly} onChange={(on) => set(p.key, on)} />)}
    </div>
  );

  return (
    <div className="permission-editor">
      {error ? <p id={errorId} className="form-alert" role="alert" tabIndex={-1}>{error}</p> : null}
      <fieldset className="permission-group" aria-describedby={described}>
        <legend>Module permissions</legend>
        <ModuleMatrix modules={modules} caption={`Module permissions of ${owner}`}
          control={(p, label) => box(p, label)} summary={(p) => <Held held={held.has(p)} />} />
      </fieldset>
      {application.length > 0 ? (
        <fieldset className="permission-group" aria-describedby={described}>
          <legend>Application permissions</legend>
          {application.map((p) => {
            const refused = roleKey !== undefined && p.allowedRoles !== null && !p.allowedRoles.includes(roleKey);
            return (
              <PermissionCheck key={p.key} permission={p} checked={held.has(p.key)} disabled={readOnly || (refused && !held.has(p.key))} onChange={(on) => set(p.key, on)}
                note={p.allowedRoles ? `Available for: ${p.allowedRoles.join(', ')}${refused ? ' — not this role' : ''}` : undefined} />
            );
          })}
        </fieldset>
      ) : null}
      {foldRoster ? (
        <details className="permission-more" open={roster.some((p) => held.has(p.key))}>
          <summary>Roster permissions</summary>
          {rosterChecks}
        </details>
      ) : (
        <fieldset className="permission-group" aria-describedby={described}>
          <legend>Roster permissions</legend>
          {rosterChecks}
        </fieldset>
      )}
    </div>
  );
}

function PermissionCheck({ permission, checked, disabled, onChange, note }: {
  permission: CatalogPermission; checked: boolean; disabled: boolean; onChange(on: boolean): void; note?: string;
}) {
  const id = useId();
  return (
    <div className="permission-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-key`} />
      <label htmlFor={id}>{permission.description}</label>
      <span id={`${id}-key`} className="permission-key"><code>{permission.key}</code>{note ? <> · {note}</> : null}</span>
    </div>
  );
}
