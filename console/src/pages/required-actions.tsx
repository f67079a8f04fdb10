/**
 * @module What the session must do before anything else, one step at a time: accept the current
 * terms (seed 002: "The new user must accept the terms to continue"), then change the password when
 * a policy asks for it. The API refuses every other call until then, so nothing else is shown; the
 * user can always sign out instead.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { useChangePassword } from '../auth/password';
import { ME_KEY, useSignOut, type Me } from '../auth/session';
import { useAcceptTerms, useDeclineTerms, useMyTerms, type MyTerms } from '../auth/terms';
import { TextField } from '../components/field';
import { ErrorState, Loading } from '../components/states';
import { AuthLayout, FormAlert } from './auth-layout';

export function RequiredActionsPage({ me }: { me: Me }) {
  if (me.requiredActions.includes('accept_terms')) return <AcceptTermsStep me={me} />;
  if (me.requiredActions.includes('change_password')) return <ChangePasswordStep me={me} />;
  // An action this console does not know: say what it is and offer the way out.
  return (
    <AuthLayout title="Before you continue">
      <p>Your account needs this first: {me.requiredActions.join(', ')}.</p>
      <SignedInAs me={me} />
    </AuthLayout>
  );
}

function SignedInAs({ me }: { me: Me }) {
  const signOut = useSignOut();
  return (
    <p className="auth-switch">
      Signed in as {me.username}.{' '}
      <button type="button" className="link-button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>Sign out</button>
    </p>
  );
}

const formatDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

function AcceptTermsStep({ me }: { me: Me }) {
  const terms = useMyTerms();
  const accept = useAcceptTerms();
  const decline = useDeclineTerms();
  const client = useQueryClient();
  const waiting = terms.data?.items.filter((t) => !t.accepted) ?? [];
  const settled = terms.isSuccess && waiting.length === 0;

  // Nothing left to accept (a membership ended meanwhile): the API freed the session already.
  useEffect(() => {
    if (settled) void client.invalidateQueries({ queryKey: ME_KEY, exact: true });
  }, [settled, client]);

  if (terms.isPending || settled) return <main id="main" className="center"><Loading /></main>;
  if (terms.isError) return <main id="main" className="center"><ErrorState error={terms.error} onRetry={() => void terms.refetch()} /></main>;

  const document = waiting[0]!;
  const total = terms.data.items.length;
  const position = total - waiting.length + 1;
  const errors = accept.error ? formErrors(accept.error, []) : decline.error ? formErrors(decline.error, []) : NO_ERRORS;
  return (
    <AuthLayout title="Accept the terms to continue" wide>
      <p className="auth-lead">
        Before you use Roster, read and accept the terms of use of {ownerOf(document)}.
        {total > 1 ? ` Document ${position} of ${total}.` : ''}
      </p>
      <h2 className="terms-title">{ownerOf(document, true)} terms, version {document.version}</h2>
      <p className="muted terms-meta">Published {formatDate(document.publishedAt)}</p>
      {/* Focusable, so the text scrolls from the keyboard too. */}
      <div className="terms-text" role="region" aria-label={`Terms, version ${document.version}`} tabIndex={0}>{document.text}</div>
      <FormAlert message={errors.form} />
      <div className="actions-row">
        <button type="button" className="button button-primary" disabled={accept.isPending || decline.isPending} onClick={() => accept.mutate(document.id)}>
          {accept.isPending ? 'Accepting…' : 'I accept'}
        </button>
        <button type="button" className="button button-danger-outline" disabled={accept.isPending || decline.isPending} onClick={() => decline.mutate()}>
          {decline.isPending ? 'Signing out…' : 'Decline and sign out'}
        </button>
      </div>
      <SignedInAs me={me} />
    </AuthLayout>
  );
}

/** Whose terms a document is: an organization's, or the Roster instance's own. */
const ownerOf = (document: MyTerms, capital = false) => document.organizationName ?? (capital ? 'Roster' : 'this Roster service');

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

function ChangePasswordStep({ me }: { me: Me }) {
  const change = useChangePassword();
  const [form, setForm] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const errors = change.error ? formErrors(change.error, ['currentPassword', 'newPassword']) : NO_ERRORS;
  const field = (name: keyof typeof EMPTY) => ({
    name, value: form[name], required: true, type: 'password',
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(form.newPassword !== form.confirmPassword);
    if (form.newPassword !== form.confirmPassword) return;
    change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
  };
  return (
    <AuthLayout title="Change your password">
      <p className="auth-lead">Your password no longer meets the password rules of your organization, or it has expired. Choose a new one to continue; it is the one password for every organization you belong to.</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={errors.form} />
        <TextField label="Current password" autoComplete="current-password" error={errors.lists.currentPassword} {...field('currentPassword')} />
        <TextField label="New password" autoComplete="new-password" error={errors.lists.newPassword} {...field('newPassword')} />
        <TextField label="Confirm new password" autoComplete="new-password" error={mismatch ? 'The two passwords are not the same' : undefined} {...field('confirmPassword')} />
        <button type="submit" className="button button-primary button-wide" disabled={change.isPending}>{change.isPending ? 'Saving…' : 'Change password'}</button>
      </form>
      <SignedInAs me={me} />
    </AuthLayout>
  );
}
