/**
 * @module Where a password reset email's link leads (`/reset-password/{token}`): a new password,
 * with every policy rule it misses listed under the field; afterwards every session of the account
 * has ended and the user signs in. A used, expired or unknown link gets a page saying so, found out
 * when the page opens (GET …/password-resets/{token}) or, should it die meanwhile, when sent.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { usePasswordResetLink, useResetPassword } from '../auth/password';
import { ME_KEY } from '../auth/session';
import { TextField } from '../components/field';
import { ErrorState, Loading } from '../components/states';
import { AuthLayout, FormAlert } from './auth-layout';
import { LinkProblemPage } from './link-problem';

/** What each refusal of the link means to the person holding it. */
const DEAD_LINK: Record<string, { title: string; text: string }> = {
  'password_reset.used': { title: 'This reset link can not be used', text: 'It was used already, or a newer password replaced the one it was for.' },
  'password_reset.expired': { title: 'This reset link has expired', text: 'It was not used in time.' },
  'password_reset.not_found': { title: 'This reset link is not valid', text: 'It may have been copied incompletely from the email.' },
};

const formatTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });

export function ResetPasswordPage({ token }: { token: string }) {
  const client = useQueryClient();
  const link = usePasswordResetLink(token);
  const reset = useResetPassword(token);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed">
        <p role="status">Your new password is set. For your safety every session of your account was signed out, on every device.</p>
        <Link href="/sign-in" className="button button-primary button-wide">Sign in</Link>
      </AuthLayout>
    );
  }
  // Dead when opened, or by the time the form was sent (used meanwhile in another tab).
  const refusal = link.error ?? reset.error;
  const dead = refusal instanceof ApiError ? DEAD_LINK[refusal.code] : undefined;
  if (dead) {
    return (
      <LinkProblemPage title={dead.title}>
        <p>{dead.text}</p>
        <p>Reset links work once, for 30 minutes.</p>
        <Link href="/forgot-password" className="button button-primary button-wide">Ask for a new link</Link>
        <p className="auth-switch"><Link href="/sign-in">Back to sign in</Link></p>
      </LinkProblemPage>
    );
  }

  if (link.isPending) return <main id="main" className="center"><Loading label="Opening the link…" /></main>;
  if (link.isError) return <main id="main" className="center"><ErrorState error={link.error} onRetry={() => void link.refetch()} /></main>;

  const errors = reset.error ? formErrors(reset.error, ['newPassword']) : NO_ERRORS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    // The reset ends every session, this browser's too: what it knew of the user is stale.
    reset.mutate(password, { onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }) });
  };
  return (
    <AuthLayout title="Choose a new password">
      <p className="auth-lead">It replaces your password for every organization you belong to. This link works until {formatTime(link.data.expiresAt)}.</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={errors.form} />
        <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} error={errors.lists.newPassword} />
        <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required value={confirm}
          onChange={(e) => setConfirm(e.target.value)} error={mismatch ? 'The two passwords are not the same' : undefined} />
        <button type="submit" className="button button-primary button-wide" disabled={reset.isPending}>{reset.isPending ? 'Saving…' : 'Set new password'}</button>
      </form>
      <p className="auth-switch"><Link href="/sign-in">Back to sign in</Link></p>
    </AuthLayout>
  );
}
