/**
 * @module "Forgot password?": asks for a reset link by username or email. The answer is the same
 * whether or not an account goes by that login (no enumeration), and so is this page.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { useRequestPasswordReset } from '../auth/password';
import { TextField } from '../components/field';
import { AuthLayout, FormAlert } from './auth-layout';

export function ForgotPasswordPage() {
  const params = new URLSearchParams(useSearch());
  const request = useRequestPasswordReset();
  const [login, setLogin] = useState(params.get('login') ?? '');
  const errors = request.error ? formErrors(request.error, ['login']) : NO_ERRORS;

  if (request.isSuccess) {
    return (
      <AuthLayout title="Check your email">
        <div role="status">
          <p>If an account goes by <strong>{request.variables}</strong>, we have sent its email address a link to choose a new password.</p>
          <p>The link works once, for 30 minutes. Nothing arrived? Check the spam folder, or ask again in a few minutes.</p>
        </div>
        <p className="auth-switch"><Link href="/sign-in">Back to sign in</Link></p>
      </AuthLayout>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(login.trim());
  };
  return (
    <AuthLayout title="Reset your password">
      <p className="auth-lead">Enter your username or email. We will email you a link to choose a new password.</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={errors.form} />
        <TextField label="Username or email" name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} error={errors.fields.login} />
        <button type="submit" className="button button-primary button-wide" disabled={request.isPending}>{request.isPending ? 'Sending…' : 'Email me a reset link'}</button>
      </form>
      <p className="auth-switch"><Link href="/sign-in">Back to sign in</Link></p>
    </AuthLayout>
  );
}
