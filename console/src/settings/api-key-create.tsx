/**
 * @module Creating an API key: a name, the permissions it holds — only those the admin holds can be
 * chosen, as the API allows no more — and an optional expiry. The answer carries the whole key,
 * which Roster can never show again: it is shown here once, with a copy button and a warning, and
 * is gone when the panel is closed.
 */
import { useRef, useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { TextField } from '../components/field';
import { formatTime } from '../components/time';
import { LIMITS } from './limits';
import { useCreateApiKey, usePermissionCatalog, type CreatedApiKey } from './queries';

const FIELDS = ['name', 'permissions', 'expiresAt'] as const;

/** A date field's day, as the end of that day where the admin is. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

interface Props {
  organizationId: string;
  holds(permission: string): boolean;
  onCreated(): void;
  /** The shown-once panel was closed: by now a program may have used the key. */
  onClosed(): void;
}

export function CreateApiKey({ organizationId, holds, onCreated, onClosed }: Props) {
  const catalog = usePermissionCatalog(organizationId);
  const create = useCreateApiKey(organizationId);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const errors = create.error ? formErrors(create.error, FIELDS) : NO_ERRORS;
  const grantable = (catalog.data ?? []).filter((p) => holds(p.key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, permissions: chosen, ...(expires ? { expiresAt: endOfDay(expires) } : {}) };
    create.mutate(body, {
      onSuccess: (key) => {
        setCreated(key);
        setName('');
        setChosen([]);
        setExpires('');
        onCreated();
      },
    });
  };

  if (created) return <ShownOnce created={created} onDone={() => { setCreated(null); create.reset(); onClosed(); }} />;

  return (
    <form onSubmit={submit} noValidate className="settings-form" aria-labelledby="create-key-title">
      <h3 id="create-key-title">Create an API key</h3>
      <p className="field-hint settings-lead">
        A program sends the key as <code>Authorization: Bearer &lt;key&gt;</code> and can do exactly what its permissions allow, in this
        organization only. You can give it only permissions you hold yourself.
      </p>
      {errors.form ? <div className="form-alert" role="alert">{errors.form}</div> : null}
      <TextField label="Key name" name="name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name}
        hint={`What the key is for, e.g. "billing sync"; up to ${LIMITS.apiKeyName.max} characters. The audit log names its actions "API key <name>".`} />
      <fieldset className={errors.fields.permissions ? 'permissions-pick field-invalid' : 'permissions-pick'}
        aria-describedby={errors.fields.permissions ? 'key-permissions-error' : undefined}>
        <legend>Permissions</legend>
        {catalog.isPending ? <p className="muted">Loading permissions…</p> : catalog.isError ? <p className="field-error">The permissions could not be loaded.</p>
          : grantable.length === 0 ? <p className="muted">You hold no permission to give.</p> : (
            <div className="permission-grid">
              {grantable.map((p) => (
                <label key={p.key} className="check">
                  <input type="checkbox" checked={chosen.includes(p.key)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.key] : c.filter((k) => k !== p.key)))} />
                  <span><code>{p.key}</code>{p.description ? <span className="permission-description"> {p.description}</span> : null}</span>
                </label>
              ))}
            </div>
          )}
        {errors.fields.permissions ? <p id="key-permissions-error" className="field-error">{errors.fields.permissions}</p> : null}
      </fieldset>
      <TextField label="Expires on" name="expiresAt" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} error={errors.fields.expiresAt}
        hint="Optional: the key stops working at the end of that day. Blank: it works until revoked." className="input-date" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create key'}</button>
      </div>
    </form>
  );
}

function ShownOnce({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard access (a denied permission): the key is selected for Ctrl+C instead.
      input.current?.select();
      setCopied('The browser did not allow copying: the key is selected, press Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <section className="secret-panel" aria-labelledby="secret-title">
      <h3 id="secret-title">The key {created.name} was created</h3>
      <p className="secret-warning" role="alert">
        <strong>Copy this key now: it is shown this once.</strong> Roster keeps only a fingerprint of it and can never show it again. If it
        is lost, revoke it and create another.
      </p>
      <div className="secret-row">
        <label htmlFor="new-key" className="sr-only">New API key</label>
        <input id="new-key" ref={input} className="secret-input" readOnly value={created.key} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button type="button" className="button" onClick={() => void copy()}>Copy key</button>
      </div>
      <div role="status">{copied ? <p className="field-hint">{copied}</p> : null}</div>
      <p className="field-hint">
        Prefix <code>{created.prefix}</code> · permissions {created.permissions.map((p) => <code key={p}>{p}</code>)} ·
        {created.expiresAt ? <> expires {formatTime(created.expiresAt)}</> : ' no expiry'}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onDone}>I have stored the key</button>
      </div>
    </section>
  );
}
