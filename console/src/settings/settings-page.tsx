/**
 * @module The Settings section: Organization, Security (seed 004 "Configuration → Security"), Terms
 * (seed 002) and API keys, each a sub-page of its own address (`/settings/security`, …) so a
 * reload or a link keeps it. The sub-pages are links, reachable and followed with the keyboard.
 */
import { Link } from 'wouter';
import type { Me } from '../auth/session';
import { ErrorState, Loading } from '../components/states';
import { organizationPath } from '../shell/nav';
import { useOrganization } from '../users/queries';
import { ApiKeysSettings } from './api-keys';
import { OrganizationSettings } from './organization-settings';
import { useMyPermissions } from './queries';
import { SecuritySettings } from './security-settings';
import { SETTINGS_TABS, type SettingsTab } from './tabs';
import { TermsSettings } from './terms-settings';

const TABS = SETTINGS_TABS;

export function SettingsPage({ organizationId, tab, me }: { organizationId: string; tab: SettingsTab; me: Me }) {
  const organization = useOrganization(organizationId);
  const permissions = useMyPermissions(organizationId, me.id);
  const canManage = permissions.holds('settings.manage');
  const current = TABS.find((t) => t.path === tab)!;

  let body;
  if (organization.isPending || permissions.isPending) body = <Loading />;
  else if (organization.isError) body = <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />;
  else if (tab === 'api-keys') body = <ApiKeysSettings organizationId={organizationId} holds={permissions.holds} />;
  else if (tab === 'terms') body = <TermsSettings organizationId={organizationId} canManage={canManage} />;
  else if (tab === 'security') body = <SecuritySettings organization={organization.data} canManage={canManage} />;
  else body = <OrganizationSettings organization={organization.data} canManage={canManage} />;

  return (
    <div className="settings">
      <h1 className="page-title">Settings</h1>
      <nav className="subnav" aria-label="Settings">
        <ul>
          {TABS.map((t) => (
            <li key={t.path}>
              <Link href={organizationPath(organizationId, `settings/${t.path}`)} aria-current={t.path === tab ? 'page' : undefined}
                className={t.path === tab ? 'subnav-link subnav-link-current' : 'subnav-link'}>{t.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings-panel" aria-labelledby="settings-title">
        <h2 id="settings-title" className="settings-title">{current.label}</h2>
        {body}
      </section>
    </div>
  );
}
