/**
 * @module What the Organization and Security sub-pages share: both edit the organization with one
 * PATCH that names only what changed. The form is read-only for members without settings.manage;
 * the API's errors go under the field they name (`body.settings.passwordPolicy.minLength` belongs
 * to the field `minLength`), the rest above the form, and the outcome is announced below it.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formErrors, NO_ERRORS, type FormErrors } from '../api/problem-fields';
import { useUpdateOrganization, type OrganizationPatch } from './queries';

/** Where a settings field sits in the organization's body, most specific first. */
const NESTED = ['settings.passwordPolicy', 'settings'] as const;

export function useSettingsSave(organizationId: string, fields: readonly string[]) {
  const update = useUpdateOrganization(organizationId);
  const [notice, setNotice] = useState<string | null>(null);
  // Text that is no number never reaches the API: it would read as blank (the default) or be refused without a field.
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors: FormErrors = Object.keys(local).length > 0 ? { fields: local, lists: {}, form: null }
    : update.error ? formErrors(update.error, fields, NESTED) : NO_ERRORS;
  const save = (patch: OrganizationPatch | null, saved: string, localErrors: Record<string, string> = {}) => {
    setNotice(null);
    setLocal(localErrors);
    if (Object.keys(localErrors).length > 0) {
      update.reset();
      return;
    }
    if (!patch) {
      setNotice('Nothing to save: no field was changed.');
      return;
    }
    update.mutate(patch, { onSuccess: () => setNotice(saved) });
  };
  return { save, errors, notice, saving: update.isPending, error: update.error ?? (Object.keys(local).length > 0 ? local : null) };
}

interface Props {
  canManage: boolean;
  saving: boolean;
  errors: FormErrors;
  error: unknown;
  notice: string | null;
  onSubmit(): void;
  children: ReactNode;
}

export function SettingsForm({ canManage, saving, errors, error, notice, onSubmit, children }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="settings-form">
      {canManage ? null : <p className="notice-info">Only members with the permission to manage settings can change these; you can read them.</p>}
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <fieldset disabled={!canManage} className="plain-fieldset">
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
        </div>
      </fieldset>
      <div role="status" className="settings-status">{notice ? <p className="notice">{notice}</p> : null}</div>
    </form>
  );
}

/** A number field's text: blank is null (the default), else a whole number, else 'invalid'. */
export function wholeNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

export const NOT_A_NUMBER = 'Must be a whole number';

export const textOf = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/**
 * The number fields whose text differs from the saved value: the changed values, and the fields
 * whose text is no whole number (or blank where the setting has no default to fall back to).
 */
export function numberChanges<K extends string>(text: Record<K, string>, saved: Record<K, number | null>, nullable: readonly NoInfer<K>[]) {
  const changes: Partial<Record<K, number | null>> = {};
  const invalid: Record<string, string> = {};
  for (const name of Object.keys(text) as K[]) {
    const value = wholeNumber(text[name]);
    if (value === 'invalid') invalid[name] = NOT_A_NUMBER;
    else if (value === null && !nullable.includes(name)) invalid[name] = 'Required';
    else if (value !== saved[name]) changes[name] = value;
  }
  return { changes, invalid };
}
