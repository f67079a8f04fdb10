/**
 * @module The profile drop-down (seed 001): the signed-in user with their Gravatar, My profile,
 * "My Organizations" to switch between the organizations they belong to (and the page that lists
 * them and creates another), and sign-out. Switching opens the chosen organization's Users page.
 */
import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Separator, type Key } from 'react-aria-components';
import { useLocation } from 'wouter';
import { useMyOrganizations, useSignOut, useSwitchOrganization, type Me } from '../auth/session';
import { Avatar } from '../components/avatar';
import { organizationPath } from './nav';

/** Menu entries that open a page of their own, by key. */
const PAGES: Record<string, string> = { profile: '/profile', 'my-organizations': '/my-organizations' };

export function ProfileMenu({ me, organizationId }: { me: Me; organizationId: string | null }) {
  const [, navigate] = useLocation();
  const organizations = useMyOrganizations(true);
  const switchOrganization = useSwitchOrganization();
  const signOut = useSignOut();

  const onAction = (key: Key) => {
    const value = String(key);
    if (value === 'sign-out') {
      signOut.mutate();
      return;
    }
    const page = PAGES[value];
    if (page) {
      navigate(page);
      return;
    }
    const id = value.slice('org:'.length);
    switchOrganization.mutate(id);
    navigate(organizationPath(id));
  };

  const items = organizations.data ?? [];
  return (
    <MenuTrigger>
      <Button className="profile-button">
        <Avatar url={me.avatarUrl} name={me.displayName} />
        <span className="profile-name">{me.displayName}</span>
        <span className="sr-only"> (profile and My Organizations)</span>
        <span aria-hidden="true" className="chevron">▾</span>
      </Button>
      <Popover placement="bottom end" className="popover">
        <Menu className="menu" onAction={onAction}>
          <MenuSection>
            <Header className="menu-header">
              <strong>{me.displayName}</strong>
              <span>{me.email}</span>
            </Header>
          </MenuSection>
          <MenuItem id="profile" className="menu-item">My profile</MenuItem>
          <Separator className="menu-separator" />
          <MenuSection aria-label="My Organizations">
            <Header className="menu-section-title">My Organizations</Header>
            {organizations.isPending ? <MenuItem className="menu-item" isDisabled>Loading…</MenuItem> : null}
            {organizations.isError ? <MenuItem className="menu-item" isDisabled>Could not load your organizations</MenuItem> : null}
            {items.map((m) => (
              <MenuItem key={m.organization.id} id={`org:${m.organization.id}`} className="menu-item" textValue={m.organization.name}
                isDisabled={m.status !== 'active'}>
                <span className="menu-check" aria-hidden="true">{m.organization.id === organizationId ? '✓' : ''}</span>
                <span className="menu-label">{m.organization.name}</span>
                <span className="menu-meta">{m.status === 'active' ? m.role : 'inactive'}</span>
              </MenuItem>
            ))}
            <MenuItem id="my-organizations" className="menu-item" textValue="All organizations, or create one">
              <span className="menu-check" aria-hidden="true" />
              <span className="menu-label">All organizations, or create one…</span>
            </MenuItem>
          </MenuSection>
          <Separator className="menu-separator" />
          <MenuItem id="sign-out" className="menu-item">Sign out</MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
