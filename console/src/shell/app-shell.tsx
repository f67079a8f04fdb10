/**
 * @module The frame of every signed-in page: a skip link, the top bar with the organization's name
 * and the profile menu, and the section navigation (a sidebar, a scrolling strip on phones). The
 * personal pages (My profile, My Organizations) belong to no organization: they show the one the
 * session works in, and no sections when there is none.
 */
import { Suspense, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { Me } from '../auth/session';
import { useMyOrganizations } from '../auth/session';
import { Loading } from '../components/states';
import { organizationPath, SECTIONS } from './nav';
import { ProfileMenu } from './profile-menu';

export function AppShell({ me, organizationId, children }: { me: Me; organizationId: string | null; children: ReactNode }) {
  const [location] = useLocation();
  const organizations = useMyOrganizations(true);
  const organization = organizations.data?.find((m) => m.organization.id === organizationId)?.organization;
  return (
    <div className={organizationId ? 'shell' : 'shell shell-no-nav'}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href={organizationId ? organizationPath(organizationId) : '/'} className="brand"><span className="brand-mark" aria-hidden="true">R</span>Roster</Link>
        <span className="topbar-org">{organization?.name ?? ''}</span>
        <ProfileMenu me={me} organizationId={organizationId} />
      </header>
      {organizationId ? <nav className="sidenav" aria-label="Sections">
        <ul>
          {SECTIONS.map((s) => {
            const href = organizationPath(organizationId, s.path);
            const current = location === href || location.startsWith(`${href}/`);
            return (
              <li key={s.path}>
                <Link href={href} aria-current={current ? 'page' : undefined} className={current ? 'nav-link nav-link-current' : 'nav-link'}>{s.label}</Link>
              </li>
            );
          })}
        </ul>
      </nav> : null}
      {/* A page fetched on first use (app.tsx) loads inside the shell, which stays in place. */}
      <main className="content" id="main" tabIndex={-1}><Suspense fallback={<Loading />}>{children}</Suspense></main>
    </div>
  );
}
