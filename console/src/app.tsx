/**
 * @module The console's pages by path. Signed-out visitors see only sign-in, sign-up and the pages
 * Roster's emails link to (accept invitation, reset password); every other path sends them to
 * sign-in and back afterwards. A session with required actions sees only those until done.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { useMe, useMyOrganizations, type Me } from './auth/session';
import { ErrorState, Loading } from './components/states';
import { NotFoundPage } from './pages/not-found';
import { RequiredActionsPage } from './pages/required-actions';
import { SignInPage } from './pages/sign-in';
import { SignUpPage } from './pages/sign-up';
import { AppShell } from './shell/app-shell';
import { organizationPath } from './shell/nav';
import { isSettingsTab } from './settings/tabs';
import { UsersPage } from './users/users-page';

// The Users page, where an admin lands, comes with the first script; every other page is fetched
// when first opened, so the first rows do not wait for code they do not use (docs/console.md).
const AcceptInvitationPage = lazy(() => import('./pages/accept-invitation').then((m) => ({ default: m.AcceptInvitationPage })));
const ForgotPasswordPage = lazy(() => import('./pages/forgot-password').then((m) => ({ default: m.ForgotPasswordPage })));
const ImportPage = lazy(() => import('./imports/import-page').then((m) => ({ default: m.ImportPage })));
const InvitationsPage = lazy(() => import('./invitations/invitations-page').then((m) => ({ default: m.InvitationsPage })));
const InvitePage = lazy(() => import('./invitations/invite-page').then((m) => ({ default: m.InvitePage })));
const MailboxPage = lazy(() => import('./mailbox/mailbox-page').then((m) => ({ default: m.MailboxPage })));
const GroupsPage = lazy(() => import('./groups/groups-page').then((m) => ({ default: m.GroupsPage })));
const MyOrganizationsPage = lazy(() => import('./profile/my-organizations-page').then((m) => ({ default: m.MyOrganizationsPage })));
const ProfilePage = lazy(() => import('./profile/profile-page').then((m) => ({ default: m.ProfilePage })));
const ResetPasswordPage = lazy(() => import('./pages/reset-password').then((m) => ({ default: m.ResetPasswordPage })));
const RolesPage = lazy(() => import('./roles/roles-page').then((m) => ({ default: m.RolesPage })));
const AuditLogPage = lazy(() => import('./audit/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const SettingsPage = lazy(() => import('./settings/settings-page').then((m) => ({ default: m.SettingsPage })));

export function App() {
  const me = useMe();
  const [location] = useLocation();
  if (me.isPending) return <main id="main" className="center"><Loading /></main>;
  if (me.isError) return <main id="main" className="center"><ErrorState error={me.error} onRetry={() => void me.refetch()} /></main>;
  return (
    <Suspense fallback={<main id="main" className="center"><Loading /></main>}>
    <Switch>
      <Route path="/sign-in"><SignInPage /></Route>
      <Route path="/sign-up"><SignUpPage /></Route>
      {/* Emailed links open these signed out and signed in alike, before any required action. */}
      <Route path="/invitations/:token">{(p) => <AcceptInvitationPage token={p.token} me={me.data ?? null} />}</Route>
      <Route path="/forgot-password"><ForgotPasswordPage /></Route>
      <Route path="/reset-password/:token">{(p) => <ResetPasswordPage token={p.token} />}</Route>
      <Route>{me.data ? <SignedIn me={me.data} /> : <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} replace />}</Route>
    </Switch>
    </Suspense>
  );
}


function SignedIn({ me }: { me: Me }) {
  if (me.requiredActions.length > 0) return <RequiredActionsPage me={me} />;
  return (
    <Switch>
      <Route path="/"><Home me={me} /></Route>
      <Route path="/organizations/:organizationId">{(p) => <Redirect to={organizationPath(p.organizationId)} replace />}</Route>
      <Route path="/organizations/:organizationId/members/:userId?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><UsersPage organizationId={p.organizationId} userId={p.userId ?? null} me={me} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/settings">{(p) => <Redirect to={organizationPath(p.organizationId, 'settings/organization')} replace />}</Route>
      <Route path="/organizations/:organizationId/settings/:tab">
        {(p) => (isSettingsTab(p.tab)
          ? <AppShell me={me} organizationId={p.organizationId}><SettingsPage organizationId={p.organizationId} tab={p.tab} me={me} /></AppShell>
          : <NotFoundPage />)}
      </Route>
      <Route path="/organizations/:organizationId/audit-log">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><AuditLogPage organizationId={p.organizationId} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/invitations">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><InvitationsPage organizationId={p.organizationId} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/invitations/new">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><InvitePage organizationId={p.organizationId} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/invitations/import">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><ImportPage organizationId={p.organizationId} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/mailbox/:messageId?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><MailboxPage organizationId={p.organizationId} messageId={p.messageId ?? null} /></AppShell>}
      </Route>
      <Route path="/profile"><PersonalPage me={me}><ProfilePage me={me} /></PersonalPage></Route>
      <Route path="/my-organizations"><PersonalPage me={me}><MyOrganizationsPage /></PersonalPage></Route>
      <Route path="/organizations/:organizationId/roles/:roleKey?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><RolesPage organizationId={p.organizationId} roleKey={p.roleKey ?? null} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/groups/:groupId?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><GroupsPage organizationId={p.organizationId} groupId={p.groupId ?? null} /></AppShell>}
      </Route>
      <Route><NotFoundPage /></Route>
    </Switch>
  );
}

/**
 * The personal pages belong to no organization: the shell shows the one the session works in, else
 * the first the user is active in, else none.
 */
function PersonalPage({ me, children }: { me: Me; children: ReactNode }) {
  const organizations = useMyOrganizations(true);
  // The list's `current` follows a switch at once (switching refreshes it); the profile's may be older.
  const current = organizations.data?.find((m) => m.current && m.status === 'active')?.organization.id;
  const organizationId = current ?? me.currentOrganizationId ?? organizations.data?.find((m) => m.status === 'active')?.organization.id ?? null;
  return <AppShell me={me} organizationId={organizationId}>{children}</AppShell>;
}

/** `/`: the organization the session works in, else the first one the user is active in. */
function Home({ me }: { me: Me }) {
  const organizations = useMyOrganizations(me.currentOrganizationId === null);
  if (me.currentOrganizationId) return <Redirect to={organizationPath(me.currentOrganizationId)} replace />;
  if (organizations.isPending) return <main id="main" className="center"><Loading /></main>;
  if (organizations.isError) return <main id="main" className="center"><ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} /></main>;
  const first = organizations.data.find((m) => m.status === 'active');
  if (first) return <Redirect to={organizationPath(first.organization.id)} replace />;
  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <h1>No organization yet</h1>
        <p>You are not an active member of any organization. Ask an admin to invite you, or create one: you will be its owner.</p>
        <p><Link href="/my-organizations" className="button button-primary">Create an organization</Link> <Link href="/profile">My profile</Link></p>
      </div>
    </main>
  );
}
