/**
 * @module A role's form: key (new roles only: the API and the Users page name roles by it), name,
 * description, what its members reach of each resource type (seed 003: exactly one, granted one by
 * one, all), and its permissions. The API's refusals are shown next to the control they name: a
 * permission the admin does not hold (`permission.not_held`, seed "nobody grants what they do not
 * hold") above the permissions, a taken key under the key. Deleting asks first.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { ConfirmDialog } from '../components/confirm-dialog';
import { SelectField, TextAreaField, TextField } from '../components/field';
import { ErrorState, Loading } from '../components/states';
import { SCOPE_HINT, SCOPE_LABEL, type Scope } from '../permissions/catalog';
import { PermissionSetEditor } from '../permissions/permission-set-editor';
import { useCatalog, useResourceTypes } from '../permissions/queries';
import { useCreateRole, useDeleteRole, useUpdateRole, type Role, type RolePatch } from './queries';
import { scopeOf } from './role-list';
import type { RolesLocation } from './roles-page';

const FIELDS = ['key', 'name', 'description', 'permissions', 'resourceScopes'] as const;

interface Values {
  key: string;
  name: string;
  description: string;
  permissions: string[];
  scopes: Record<string, Scope>;
}

export function RoleForm({ location, role, onNotice }: { location: RolesLocation; role: Role | null; onNotice(message: string | null): void }) {
  const { organizationId } = location;
  const [, navigate] = useLocation();
  const catalog = useCatalog(organizationId);
  const types = useResourceTypes(organizationId);
  const create = useCreateRole(organizationId);
  const update = useUpdateRole(organizationId);
  const remove = useDeleteRole(organizationId);
  const [values, setValues] = useState<Values>(() => ({
    key: role?.key ?? '', name: role?.name ?? '', description: role?.description ?? '', permissions: role?.permissions ?? [], scopes: {},
  }));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const readOnly = role?.builtin === true;

  const saveError = role ? update.error : create.error;
  const errors = saveError ? formErrors(saveError, FIELDS) : NO_ERRORS;
  useEffect(() => {
    if (saveError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [saveError]);

  const scope = (type: string): Scope => values.scopes[type] ?? (role ? scopeOf(role, type) : 'granted');
  const resourceScopes = () => Object.fromEntries((types.data ?? []).map((t) => [t.key, scope(t.key)]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    if (!role) {
      create.mutate({ key: values.key.trim(), name: values.name, description: values.description, permissions: values.permissions, resourceScopes: resourceScopes() }, {
        onSuccess: (created) => {
          onNotice(`The ${created.name} role was created.`);
          navigate(location.rolePath(created.key));
        },
      });
      return;
    }
    const patch: RolePatch = {};
    if (values.name !== role.name) patch.name = values.name;
    if (values.description !== role.description) patch.description = values.description;
    if ([...values.permissions].sort().join() !== [...role.permissions].sort().join()) patch.permissions = values.permissions;
    if (Object.keys(values.scopes).length > 0) patch.resourceScopes = resourceScopes();
    if (Object.keys(patch).length === 0) {
      onNotice('Nothing to save: nothing was changed.');
      return;
    }
    update.mutate({ roleKey: role.key, patch }, {
      onSuccess: (saved) => {
        setValues((v) => ({ ...v, scopes: {} }));
        onNotice(`The ${saved.name} role was saved.`);
      },
    });
  };

  const deleteRole = () => {
    if (!role) return;
    remove.mutate(role.key, {
      onSuccess: () => {
        onNotice(`The ${role.name} role was deleted.`);
        navigate(location.listPath);
      },
      onSettled: () => setConfirmDelete(false),
    });
  };

  const text = (name: 'key' | 'name' | 'description') => ({
    name, value: values[name], error: errors.fields[name], readOnly,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const saving = create.isPending || update.isPending;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="details-form">
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      {readOnly ? <p className="notice-info">Built-in roles can not be changed. Create a custom role for another set of permissions.</p> : null}
      {role ? (
        <TextField label="Key" value={role.key} readOnly hint="How the API and the Users page name the role; it can not be changed." />
      ) : (
        <TextField label="Key" required autoComplete="off" hint="Lower-case letters, digits, - and _, starting with a letter, e.g. support-lead." {...text('key')} />
      )}
      <TextField label="Name" required autoComplete="off" {...text('name')} />
      <TextAreaField label="Description" rows={2} {...text('description')} />
      {(types.data ?? []).length > 0 ? (
        <fieldset className="permission-group">
          <legend>Resource scope</legend>
          {(types.data ?? []).map((t) => (
            <SelectField key={t.key} label={t.name} value={scope(t.key)} disabled={readOnly} error={errors.fields.resourceScopes}
              hint={SCOPE_HINT[scope(t.key)]} onChange={(e) => setValues((v) => ({ ...v, scopes: { ...v.scopes, [t.key]: e.target.value as Scope } }))}>
              {(['one', 'granted', 'all'] as const).map((s) => <option key={s} value={s}>{SCOPE_LABEL[s]}</option>)}
            </SelectField>
          ))}
        </fieldset>
      ) : null}
      <h3 className="section-title">Permissions</h3>
      {catalog.isPending ? <Loading label="Loading permissions…" /> : catalog.isError ? <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} /> : (
        <PermissionSetEditor catalog={catalog.data} value={values.permissions} owner={values.name || 'the new role'} roleKey={role?.key ?? (values.key.trim() || undefined)}
          error={errors.fields.permissions} onChange={readOnly ? undefined : (permissions) => setValues((v) => ({ ...v, permissions }))} />
      )}
      {remove.error ? <div className="form-alert" role="alert">{remove.error.message}</div> : null}
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
          {role ? <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>Delete role</button> : null}
        </div>
      )}
      {role ? (
        <ConfirmDialog open={confirmDelete} title={`Delete the ${role.name} role?`} confirmLabel="Delete role" busy={remove.isPending} onConfirm={deleteRole} onCancel={() => setConfirmDelete(false)}>
          <p>The role and its permissions are removed. Members who hold it must first be given another role.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
