/**
 * @module Change password: the current one proves it is you, the new one must meet the password
 * policy of every organization you are active in (seed 004: one password for all of them). A
 * refused password lists every rule it breaks at once, under the field. The API then ends your
 * other sessions; this one stays.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { TextField } from '../components/field';
import { useChangePassword } from './queries';

const EMPTY = { currentPassword: '', newPassword: '' };
const FIELDS = Object.keys(EMPTY);

export function PasswordForm() {
  const [values, setValues] = useState(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useChangePassword();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = change.error ? formErrors(change.error, FIELDS) : NO_ERRORS;
  useEffect(() => {
    if (change.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [change.error]);

  const field = (name: keyof typeof EMPTY) => ({
    name, value: values[name], error: errors.fields[name], required: true,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    change.mutate(values, {
      onSuccess: () => {
        setValues(EMPTY);
        setNotice('Your password was changed. Your other sessions were signed out.');
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="profile-card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <p className="muted">One password for every organization you belong to. Changing it signs out your other sessions.</p>
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <TextField label="Current password" type="password" autoComplete="current-password" {...field('currentPassword')} />
      <TextField label="New password" type="password" autoComplete="new-password"
        hint="It must meet the password rules of every organization you are active in." {...field('newPassword')} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={change.isPending}>{change.isPending ? 'Changing…' : 'Change password'}</button>
        <p className="form-status" role="status">{notice ? <span className="notice">{notice}</span> : null}</p>
      </div>
    </form>
  );
}
