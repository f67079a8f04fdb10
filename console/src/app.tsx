/**
 * @module The console's pages by path. Signed-out visitors see only sign-in and sign-up; every
 * other path sends them to sign-in and back afterwards.
 */
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { useMe, useMyOrganizations, type Me } from './auth/session';
import { ErrorState, Loading } from './components/states';
import { GroupsPage } from './groups/groups-page';
import { NotFoundPage } from './pages/not-found';
import { PlaceholderPage } from './pages/placeholder';
import { RequiredActionsPage } from './pages/required-actions';
import { RolesPage } from './roles/roles-page';
import { SignInPage } from './pages/sign-in';
import { SignUpPage } from './pages/sign-up';
import { AppShell } from './shell/app-shell';
import { organizationPath, SECTIONS } from './shell/nav';
import { UsersPage } from './users/users-page';

export function App() {
  const me = useMe();
  const [location] = useLocation();
  if (me.isPending) return <main id="main" className="center"><Loading /></main>;
  if (me.isError) return <main id="main" className="center"><ErrorState error={me.error} onRetry={() => void me.refetch()} /></main>;
  return (
    <Switch>
      <Route path="/sign-in"><SignInPage /></Route>
      <Route path="/sign-up"><SignUpPage /></Route>
      <Route>{me.data ? <SignedIn me={me.data} /> : <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} replace />}</Route>
    </Switch>
  );
}

/** Where API routes for a section live, shown on pages that are not built yet. */
const PLACEHOLDER_API: Record<string, string> = {
  invitations: '/api/v1/organizations/{organizationId}/invitations',
  'audit-log': '/api/v1/organizations/{organizationId}/audit-events',
  settings: '/api/v1/organizations/{organizationId}',
  mailbox: '/api/v1/organizations/{organizationId}/mailbox',
};

function SignedIn({ me }: { me: Me }) {
  if (me.requiredActions.length > 0) return <RequiredActionsPage me={me} />;
  return (
    <Switch>
      <Route path="/"><Home me={me} /></Route>
      <Route path="/organizations/:organizationId">{(p) => <Redirect to={organizationPath(p.organizationId)} replace />}</Route>
      <Route path="/organizations/:organizationId/members/:userId?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><UsersPage organizationId={p.organizationId} userId={p.userId ?? null} me={me} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/roles/:roleKey?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><RolesPage organizationId={p.organizationId} roleKey={p.roleKey ?? null} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/groups/:groupId?">
        {(p) => <AppShell me={me} organizationId={p.organizationId}><GroupsPage organizationId={p.organizationId} groupId={p.groupId ?? null} /></AppShell>}
      </Route>
      <Route path="/organizations/:organizationId/:section">
        {(p) => {
          const section = SECTIONS.find((s) => s.path === p.section);
          const apiPath = PLACEHOLDER_API[p.section];
          if (!section || !apiPath) return <NotFoundPage />;
          return <AppShell me={me} organizationId={p.organizationId}><PlaceholderPage title={section.label} apiPath={apiPath} /></AppShell>;
        }}
      </Route>
      <Route><NotFoundPage /></Route>
    </Switch>
  );
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
        <p>You are not an active member of any organization. Ask an admin to invite you, or sign up to create one.</p>
      </div>
    </main>
  );
}
