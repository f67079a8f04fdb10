/**
 * @module What the session must do before anything else (accept terms, change the password). The
 * API refuses every other call until then; the console does not have these forms yet, so it says so
 * plainly and offers sign-out rather than pages that would all fail.
 */
import { useSignOut, type Me } from '../auth/session';
import { AuthLayout } from './auth-layout';

const DESCRIPTIONS: Record<string, string> = {
  accept_terms: 'Accept the current terms of use.',
  change_password: 'Choose a new password.',
};

export function RequiredActionsPage({ me }: { me: Me }) {
  const signOut = useSignOut();
  return (
    <AuthLayout title="Before you continue">
      <p>Your account needs this first:</p>
      <ul>{me.requiredActions.map((a) => <li key={a}>{DESCRIPTIONS[a] ?? a}</li>)}</ul>
      <p className="muted">The console can not do this yet; the API can (<code>PUT /api/v1/me/password</code>, <code>/api/v1/me/terms</code>).</p>
      <button type="button" className="button" onClick={() => signOut.mutate()}>Sign out</button>
    </AuthLayout>
  );
}
