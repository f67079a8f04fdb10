/**
 * @module Seed 003's Invite Users form: a comma-separated list of email addresses (semicolons and one
 * a line work too), a pre-defined role, "Select Partner" when the role gives access to exactly one
 * partner, the additional permissions the role may be granted, groups, and a note to invitees that
 * the email includes. An error the API ties to a field is shown under it, which gets the focus.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { SelectField, TextAreaField } from '../components/field';
import { useGroups, useRoles } from '../users/queries';
import { grantablePermissions, holdsEverything, pickableScopes, splitAddresses } from './invite-rules';
import { usePermissionCatalog, useResourceTypes, type InvitationRequest, type InvitationResult } from './queries';
import { ResourcePicker } from './resource-picker';

const FORM_FIELDS = ['emails', 'role', 'permissions', 'groups', 'resources', 'note'] as const;

interface Values {
  emails: string;
  role: string;
  permissions: string[];
  groups: string[];
  resources: Record<string, string[]>;
  note: string;
}

const EMPTY: Values = { emails: '', role: 'member', permissions: [], groups: [], resources: {}, note: '' };

interface Props {
  organizationId: string;
  pending: boolean;
  error: unknown;
  onSubmit(body: InvitationRequest, done: (results: InvitationResult[]) => void): void;
}

export function InviteForm({ organizationId, pending, error, onSubmit }: Props) {
  const [values, setValues] = useState<Values>(EMPTY);
  const roles = useRoles(organizationId);
  const catalog = usePermissionCatalog(organizationId);
  const resourceTypes = useResourceTypes(organizationId);
  const groups = useGroups(organizationId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = error ? formErrors(error, FORM_FIELDS) : NO_ERRORS;
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input, .form-alert')?.focus();
  }, [error]);

  // Nobody is invited as owner: ownership moves only by an explicit transfer.
  const roleOptions = (roles.data ?? []).filter((r) => r.key !== 'owner');
  const role = roleOptions.find((r) => r.key === values.role);
  const scopes = role ? pickableScopes(role) : [];
  const permissions = useMemo(() => (role && catalog.data ? grantablePermissions(role, catalog.data) : []), [role, catalog.data]);
  const typeName = (type: string) => resourceTypes.data?.find((t) => t.key === type)?.name ?? type;
  const count = splitAddresses(values.emails).length;

  const chooseRole = (key: string) => setValues((v) => {
    const next = roleOptions.find((r) => r.key === key);
    // What the new role may not receive is dropped, so nothing hidden is sent.
    const allowed = new Set(next && catalog.data ? grantablePermissions(next, catalog.data).map((p) => p.key) : []);
    const types = new Set(next ? pickableScopes(next).map((s) => s.type) : []);
    return {
      ...v, role: key, permissions: v.permissions.filter((p) => allowed.has(p)),
      resources: Object.fromEntries(Object.entries(v.resources).filter(([t]) => types.has(t))),
    };
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const resources = Object.fromEntries(Object.entries(values.resources).filter(([, ids]) => ids.length > 0));
    onSubmit({
      emails: values.emails, role: values.role, permissions: values.permissions, groups: values.groups,
      ...(Object.keys(resources).length > 0 ? { resources } : {}), note: values.note.trim() || null,
    // What stays in the box afterwards is what needs fixing: the addresses that were not valid.
    }, (results) => setValues((v) => ({ ...v, emails: results.filter((r) => r.status === 'invalid').map((r) => r.email).join(', ') })));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="invite-form">
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <TextAreaField label="Email addresses" name="emails" required rows={3} value={values.emails} error={errors.fields.emails}
        onChange={(e) => setValues((v) => ({ ...v, emails: e.target.value }))} autoComplete="off"
        hint={`A comma-separated list of the addresses to invite; semicolons or one a line work too.${count > 0 ? ` ${count} ${count === 1 ? 'address' : 'addresses'}.` : ''}`} />
      <SelectField label="Role" name="role" required value={values.role} error={errors.fields.role} onChange={(e) => chooseRole(e.target.value)}
        hint={role?.description || 'The role provides the baseline permissions of the users you invite.'}>
        {roles.isPending ? <option value={values.role}>Loading roles…</option> : null}
        {roleOptions.map((r) => <option key={r.key} value={r.key}>{r.name}</option>)}
      </SelectField>
      {scopes.map(({ type, scope }) => (
        <ResourcePicker key={`${values.role}:${type}`} organizationId={organizationId} type={type} typeName={typeName(type)} scope={scope}
          selected={values.resources[type] ?? []} error={errors.fields.resources}
          onChange={(ids) => setValues((v) => ({ ...v, resources: { ...v.resources, [type]: ids } }))} />
      ))}
      <fieldset className={errors.fields.permissions ? 'picker field-invalid' : 'picker'} aria-describedby={errors.fields.permissions ? 'permissions-error' : 'permissions-hint'}>
        <legend>Permissions</legend>
        {role && holdsEverything(role) ? <p id="permissions-hint" className="field-hint">{role.name} users have all of these permissions by default.</p>
          : catalog.isPending ? <p className="muted">Loading permissions…</p>
          : catalog.isError ? <p className="field-error">The permissions could not be loaded: {catalog.error.message}</p>
          : permissions.length === 0 ? <p id="permissions-hint" className="field-hint">No additional permission can be granted to this role.</p>
          : (
            <>
              <p id="permissions-hint" className="field-hint">Additional permissions for the users you invite, on top of the role&apos;s.</p>
              {permissions.map((p) => {
                const inRole = role?.permissions.includes(p.key) ?? false;
                return (
                  <label key={p.key} className="check check-described">
                    <input type="checkbox" checked={inRole || values.permissions.includes(p.key)} disabled={inRole}
                      onChange={(e) => setValues((v) => ({ ...v, permissions: e.target.checked ? [...v.permissions, p.key] : v.permissions.filter((k) => k !== p.key) }))} />
                    <span>{p.description || p.key}{inRole ? <span className="muted"> (included in the role)</span> : null}</span>
                  </label>
                );
              })}
            </>
          )}
        {errors.fields.permissions ? <p id="permissions-error" className="field-error">{errors.fields.permissions}</p> : null}
      </fieldset>
      {groups.data && groups.data.length > 0 ? (
        <fieldset className="picker" aria-describedby={errors.fields.groups ? 'invite-groups-error' : undefined}>
          <legend>User Groups</legend>
          {groups.data.map((g) => (
            <label key={g.id} className="check">
              <input type="checkbox" checked={values.groups.includes(g.id)}
                onChange={(e) => setValues((v) => ({ ...v, groups: e.target.checked ? [...v.groups, g.id] : v.groups.filter((id) => id !== g.id) }))} />
              {g.name}
            </label>
          ))}
          {errors.fields.groups ? <p id="invite-groups-error" className="field-error">{errors.fields.groups}</p> : null}
        </fieldset>
      ) : null}
      <TextAreaField label="Note to invitees" name="note" rows={4} maxLength={2000} value={values.note} error={errors.fields.note}
        onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))} hint="Included in the email the invitees receive." />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>{pending ? 'Inviting…' : count > 1 ? `Invite ${count} users` : 'Invite'}</button>
      </div>
    </form>
  );
}
