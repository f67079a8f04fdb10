/**
 * @module User-specific permissions (seed 002: per module, "Show/edit user specific permissions";
 * seed 003: permissions on top of the role): each permission is Inherit (from role and groups),
 * Allow or Deny, and beside it what the member holds now and why (role, a group, the override).
 */
import { useId, type ReactNode } from 'react';
import { ALL_PERMISSIONS, splitCatalog, type CatalogPermission } from './catalog';
import { ModuleMatrix } from './module-matrix';

export type Effect = 'allow' | 'deny';
export type Overrides = Readonly<Record<string, Effect>>;

interface Props {
  catalog: readonly CatalogPermission[];
  value: Overrides;
  onChange(next: Record<string, Effect>): void;
  /** Each permission the member holds now, with the API's reason (`role:member`, `group:Sales`, `user:allow`). */
  effective: ReadonlyMap<string, string>;
  /** The member's role, for seed 003's permissions limited to some roles. */
  roleKey: string;
  username: string;
}

/** The reason in people's words: the role, the group's name, or the override. */
export function reasonLabel(reason: string): string {
  if (reason.startsWith('role:')) return `role ${reason.slice(5)}`;
  if (reason.startsWith('group:')) return `group ${reason.slice(6)}`;
  return 'allowed here';
}

export function OverrideEditor({ catalog, value, onChange, effective, roleKey, username }: Props) {
  const { modules, roster, application } = splitCatalog(catalog);
  // Owners and admins hold `*`: every permission, for their role's sake.
  const reasonFor = (permission: string) => effective.get(permission) ?? effective.get(ALL_PERMISSIONS);
  const set = (permission: string, effect: Effect | 'inherit') => {
    const next = { ...value };
    if (effect === 'inherit') delete next[permission];
    else next[permission] = effect;
    onChange(next);
  };
  const now = (permission: string) => {
    const reason = reasonFor(permission);
    return reason ? `Holds it: ${reasonLabel(reason)}` : 'Does not hold it';
  };
  const select = (permission: string, label: string, describedBy?: string) => (
    <select aria-label={label} aria-describedby={describedBy} value={value[permission] ?? 'inherit'} className={`effect effect-${value[permission] ?? 'inherit'}`}
      onChange={(e) => set(permission, e.target.value as Effect | 'inherit')}>
      <option value="inherit">Inherit</option>
      <option value="allow">Allow</option>
      <option value="deny">Deny</option>
    </select>
  );
  /** `withEffect`: the folded row names the override; beside the select it would say it twice. */
  const summary = (permission: string, withEffect = true) => {
    const effect = withEffect ? value[permission] : undefined;
    const held = reasonFor(permission) !== undefined;
    return (
      <span className={held ? 'held' : 'not-held'} title={now(permission)}>
        {effect ? <span className="effect-tag">{effect === 'allow' ? 'Allow' : 'Deny'}</span> : null}
        <span aria-hidden="true">{held ? '✓' : '·'}</span>
        <span className="sr-only">{held ? 'holds it' : 'does not hold it'}</span>
      </span>
    );
  };

  return (
    <div className="permission-editor">
      <fieldset className="permission-group">
        <legend>Module permissions</legend>
        <p className="field-hint">Allow or Deny overrides the role and the user's groups; Inherit takes what they give. ✓ marks what {username} holds now.</p>
        <ModuleMatrix modules={modules} caption={`Module permissions of ${username}`}
          control={(p, label) => <span className="matrix-control">{select(p, label)}{summary(p, false)}</span>} summary={(p) => summary(p)} />
      </fieldset>
      {application.length > 0 ? (
        <fieldset className="permission-group">
          <legend>Extra permissions</legend>
          <p className="field-hint">On top of the role (seed 003); some are available to certain roles only.</p>
          {application.map((p) => (
            <OverrideRow key={p.key} permission={p} select={select} status={now(p.key)}
              note={p.allowedRoles && !p.allowedRoles.includes(roleKey) ? `Available for: ${p.allowedRoles.join(', ')} — not the ${roleKey} role` : undefined} />
          ))}
        </fieldset>
      ) : null}
      {/* Folded at first: seed 002's user permissions are about modules; Roster's own are rarer. */}
      <details className="permission-more" open={roster.some((p) => value[p.key] !== undefined)}>
        <summary>Roster permissions</summary>
        {roster.map((p) => <OverrideRow key={p.key} permission={p} select={select} status={now(p.key)} />)}
      </details>
    </div>
  );
}

function OverrideRow({ permission, select, status, note }: {
  permission: CatalogPermission; status: string; note?: string; select(permission: string, label: string, describedBy?: string): ReactNode;
}) {
  const id = useId();
  return (
    <div className="override-row">
      <div>
        <span className="override-label">{permission.description}</span>
        <span id={id} className="permission-key"><code>{permission.key}</code> · {status}{note ? <> · {note}</> : null}</span>
      </div>
      {select(permission.key, permission.description, id)}
    </div>
  );
}
