/**
 * @module Sign-up: creates a user and an organization they own, and signs them in (seed 001).
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { useSignUp, type SignUpFields } from '../auth/session';
import { TextField } from '../components/field';
import { AuthLayout, FormAlert } from './auth-layout';

const EMPTY: SignUpFields = { firstName: '', lastName: '', email: '', username: '', password: '', organizationName: '' };

export function SignUpPage() {
  const [, navigate] = useLocation();
  const signUp = useSignUp();
  const [form, setForm] = useState(EMPTY);
  const errors = signUp.error ? formErrors(signUp.error, Object.keys(EMPTY)) : NO_ERRORS;
  const field = (name: keyof SignUpFields) => ({
    name, value: form[name], error: errors.fields[name], required: true,
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate(form, { onSuccess: (data) => navigate(`/organizations/${data.organization.id}/members`, { replace: true }) });
  };

  return (
    <AuthLayout title="Create your Roster account">
      <p className="auth-lead">You get a user account and an organization that you own. Invite your team from the Users page.</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={errors.form} />
        <div className="field-row">
          <TextField label="First Name" autoComplete="given-name" {...field('firstName')} />
          <TextField label="Last Name" autoComplete="family-name" {...field('lastName')} />
        </div>
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
        <TextField label="User Name" autoComplete="username" hint="Used to sign in; it can not be changed later." {...field('username')} />
        <TextField label="Password" type="password" autoComplete="new-password" {...field('password')} />
        <TextField label="Organization name" autoComplete="organization" {...field('organizationName')} />
        <button type="submit" className="button button-primary button-wide" disabled={signUp.isPending}>{signUp.isPending ? 'Creating…' : 'Create account'}</button>
      </form>
      <p className="auth-switch">Already have an account? <Link href="/sign-in">Sign in</Link></p>
    </AuthLayout>
  );
}
