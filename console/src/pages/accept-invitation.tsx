/**
 * @module Where an invitation email's link leads (`/invitations/{token}`, seed 003/004): who invites
 * to which organization, with which role and note; then a new account (username, names, password)
 * or, for an address that has an account, its one password (seed 004: "one password for all
 * accounts"). Works signed out and signed in; a link that can not be used gets a page saying why.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../api/client';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { useAcceptInvitation, useInvitation, type NewAccountFields } from '../auth/invitation';
import { useSignOut, type Me } from '../auth/session';
import { TextField } from '../components/field';
import { ErrorState, Loading } from '../components/states';
import { organizationPath } from '../shell/nav';
import { AuthLayout, FormAlert } from './auth-layout';
import { LinkProblemPage } from './link-problem';

type Invitation = NonNullable<ReturnType<typeof useInvitation>['data']>;

const formatDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

export function AcceptInvitationPage({ token, me }: { token: string; me: Me | null }) {
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const [, navigate] = useLocation();

  if (accept.isSuccess) return <main id="main" className="center"><Loading label="Opening the organization…" /></main>;
  if (invitation.isPending) return <main id="main" className="center"><Loading label="Opening the invitation…" /></main>;
  if (invitation.isError) return <InvitationProblem error={invitation.error} me={me} onRetry={() => void invitation.refetch()} />;

  const done = (organizationId: string) => navigate(organizationPath(organizationId), { replace: true });
  const offer = invitation.data;
  return (
    <AuthLayout title={`Join ${offer.organization.name}`}>
      <InvitationSummary offer={offer} />
      {me && me.email.toLowerCase() !== offer.email.toLowerCase()
        ? <WrongAccount me={me} offer={offer} token={token} />
        : me
          ? <AcceptAsSignedIn accept={accept} onDone={done} />
          : offer.existingAccount
            ? <SignInAndAccept offer={offer} accept={accept} onDone={done} />
            : <CreateAccountAndAccept accept={accept} onDone={done} />}
    </AuthLayout>
  );
}

function InvitationSummary({ offer }: { offer: Invitation }) {
  return (
    <>
      <p className="auth-lead">You are invited to join with the address <strong>{offer.email}</strong>.</p>
      <dl className="invitation-facts">
        <div><dt>Organization</dt><dd>{offer.organization.name}</dd></div>
        <div><dt>Invited by</dt><dd>{offer.invitedByName}</dd></div>
        <div><dt>Role</dt><dd>{offer.role.name}</dd></div>
        <div><dt>Link expires</dt><dd>{formatDate(offer.expiresAt)}</dd></div>
      </dl>
      {offer.note ? (
        <figure className="invitation-note">
          <figcaption>Note from {offer.invitedByName}</figcaption>
          <blockquote>{offer.note}</blockquote>
        </figure>
      ) : null}
    </>
  );
}

type Accept = ReturnType<typeof useAcceptInvitation>;

function AcceptAsSignedIn({ accept, onDone }: { accept: Accept; onDone: (organizationId: string) => void }) {
  const errors = accept.error ? formErrors(accept.error, []) : NO_ERRORS;
  return (
    <>
      <FormAlert message={errors.form} />
      <button type="button" className="button button-primary button-wide" disabled={accept.isPending}
        onClick={() => accept.mutate({ as: 'signed-in' }, { onSuccess: (data) => onDone(data.organizationId) })}>
        {accept.isPending ? 'Accepting…' : 'Accept invitation'}
      </button>
    </>
  );
}

/** The address has an account: its password signs in, then the invitation is accepted with it. */
function SignInAndAccept({ offer, accept, onDone }: { offer: Invitation; accept: Accept; onDone: (organizationId: string) => void }) {
  const [password, setPassword] = useState('');
  const errors = accept.error ? formErrors(accept.error, ['password']) : NO_ERRORS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ as: 'existing', login: offer.email, password }, { onSuccess: (data) => onDone(data.organizationId) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>You already have a Roster account with this address: sign in with its password to join. It is the same password for every organization you belong to.</p>
      <FormAlert message={errors.form} />
      <TextField label="Email" name="login" autoComplete="username" value={offer.email} readOnly />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password}
        onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} />
      <button type="submit" className="button button-primary button-wide" disabled={accept.isPending}>{accept.isPending ? 'Signing in…' : 'Sign in and accept'}</button>
      <p className="auth-switch"><Link href={`/forgot-password?login=${encodeURIComponent(offer.email)}`}>Forgot password?</Link></p>
    </form>
  );
}

const EMPTY: NewAccountFields = { firstName: '', lastName: '', username: '', password: '' };

function CreateAccountAndAccept({ accept, onDone }: { accept: Accept; onDone: (organizationId: string) => void }) {
  const [form, setForm] = useState(EMPTY);
  const errors = accept.error ? formErrors(accept.error, Object.keys(EMPTY)) : NO_ERRORS;
  const field = (name: keyof NewAccountFields) => ({
    name, value: form[name], error: errors.lists[name], required: true,
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ as: 'new', account: form }, { onSuccess: (data) => onDone(data.organizationId) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>Create your Roster account to join. You will use it for every organization you belong to.</p>
      <FormAlert message={errors.form} />
      <div className="field-row">
        <TextField label="First Name" autoComplete="given-name" {...field('firstName')} />
        <TextField label="Last Name" autoComplete="family-name" {...field('lastName')} />
      </div>
      <TextField label="User Name" autoComplete="username" hint="Used to sign in; it can not be changed later." {...field('username')} />
      <TextField label="Password" type="password" autoComplete="new-password" {...field('password')} />
      <button type="submit" className="button button-primary button-wide" disabled={accept.isPending}>{accept.isPending ? 'Creating…' : 'Create account and accept'}</button>
    </form>
  );
}

function WrongAccount({ me, offer, token }: { me: Me; offer: Invitation; token: string }) {
  const signOut = useSignOut(`/invitations/${token}`);
  return (
    <>
      <div className="form-alert" role="alert">
        You are signed in as {me.username} ({me.email}), but this invitation is for {offer.email}.
      </div>
      <p>Sign out to go on with {offer.email}: {offer.existingAccount ? 'you then sign in with its password' : 'you then create its account'} on this page.</p>
      <button type="button" className="button button-primary button-wide" disabled={signOut.isPending} onClick={() => signOut.mutate()}>Sign out and continue</button>
    </>
  );
}

function InvitationProblem({ error, me, onRetry }: { error: unknown; me: Me | null; onRetry: () => void }) {
  const next = me ? <p><Link href="/">Go to the console</Link></p> : <p><Link href="/sign-in">Sign in</Link> if you have an account already.</p>;
  if (error instanceof ApiError && error.code === 'invitation.expired') {
    return (
      <LinkProblemPage title="This invitation has expired">
        <p>Invitation links work for a limited time. Ask the person who invited you to send the invitation again.</p>
        {next}
      </LinkProblemPage>
    );
  }
  if (error instanceof ApiError && (error.code === 'invitation.not_found' || error.status === 404 || error.code === 'request.invalid')) {
    return (
      <LinkProblemPage title="This invitation link is not valid">
        <p>It was used already, withdrawn, or copied incompletely. Each link works once: if you accepted it, sign in instead; otherwise ask for a new invitation.</p>
        {next}
      </LinkProblemPage>
    );
  }
  return <main id="main" className="center"><ErrorState error={error} onRetry={onRetry} /></main>;
}
