/**
 * @module Sign-in with username or email. Emails link here with `?login=` (and `?organization=`, the
 * organization to open afterwards); `?next=` is the console page to return to. "Forgot password?"
 * carries the login typed so far to the reset request; `?declined=terms` says why the user was signed out.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { useSignIn } from '../auth/session';
import { TextField } from '../components/field';
import { AuthLayout, FormAlert } from './auth-layout';

/** Only a path of the console itself, never another site. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function SignInPage() {
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const signIn = useSignIn();
  const [login, setLogin] = useState(params.get('login') ?? '');
  const [password, setPassword] = useState('');
  const errors = signIn.error ? formErrors(signIn.error, ['login', 'password']) : NO_ERRORS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password }, {
      onSuccess: () => {
        const organization = params.get('organization');
        navigate(safeNext(params.get('next')) ?? (organization ? `/organizations/${encodeURIComponent(organization)}/members` : '/'), { replace: true });
      },
    });
  };

  return (
    <AuthLayout title="Sign in to Roster">
      {params.get('declined') === 'terms' ? <p className="form-note" role="status">You declined the terms, so you were signed out. Sign in again to read and accept them.</p> : null}
      <form onSubmit={submit} noValidate>
        <FormAlert message={errors.form} />
        <TextField label="Username or email" name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} error={errors.fields.login} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} />
        <p className="auth-forgot"><Link href={login.trim() ? `/forgot-password?login=${encodeURIComponent(login.trim())}` : '/forgot-password'}>Forgot password?</Link></p>
        <button type="submit" className="button button-primary button-wide" disabled={signIn.isPending}>{signIn.isPending ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p className="auth-switch">New to Roster? <Link href="/sign-up">Create an account and organization</Link></p>
    </AuthLayout>
  );
}
