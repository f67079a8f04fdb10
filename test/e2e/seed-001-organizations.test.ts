/**
 * Seed 001 in the console: "when you sign up for an Influx account, you are creating both a user
 * account and an organization"; "if you are a member of multiple organizations, you can choose which
 * organization to access by going to the My Organizations link from the profile drop down"; "an
 * owner can NOT be removed from the organization" and "any admin can remove another admin". Each
 * step is clicked through, and checked through the API too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, addUser, PASSWORD, signIn, type SignedUp } from '../support/server.js';
import type { Client } from '../support/client.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('seed 001: users, organizations and My Organizations in the console', () => {
  let world: ConsoleWorld;
  let page: Page;
  let api: Client;
  /** Ada, signed in through the API, acting in one of her organizations. */
  let adaIn: (organization: { id: string; name: string }) => SignedUp;
  let first: { id: string; name: string };
  let second: { id: string; name: string };

  beforeAll(async () => {
    world = await startConsole();
    page = await world.open();
  });
  afterAll(async () => world?.close());

  const banner = () => page.getByRole('banner');
  const openMenu = async () => {
    await banner().getByRole('button', { name: /Ada Byron/ }).click();
    return page.getByRole('menu');
  };
  const listedUsers = () => page.getByRole('region', { name: /^User List/ }).locator('tbody a.username').allTextContents();
  /** What the browser's own session says, through the API. */
  const sessionApi = (path: string) => page.evaluate(`fetch(${JSON.stringify(path)}).then((r) => r.json())`) as Promise<any>;

  it('signing up creates both a user account and an organization the user owns (seed 001)', async () => {
    await page.goto('/sign-up');
    await page.getByLabel('First Name').fill('Ada');
    await page.getByLabel('Last Name').fill('Byron');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('User Name').fill('ada');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Organization name').fill('Analytical Engines');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await banner().getByText('Analytical Engines').waitFor();

    const mine = await sessionApi('/api/v1/me/organizations');
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ organization: { name: 'Analytical Engines' }, role: 'owner', status: 'active' });
    first = mine.items[0].organization;
    expect(new URL(page.url()).pathname).toBe(`/organizations/${first.id}/members`);
    api = await signIn(world.server, 'ada');
    const ada = (await api.get('/api/v1/me')).body;
    adaIn = (organization) => ({ client: api, user: ada, organization });
  });

  it('creates a second organization from My Organizations, reached from the profile drop-down, and lands in its Users page', async () => {
    const menu = await openMenu();
    await menu.getByRole('menuitem', { name: /All organizations/ }).click();
    await page.getByRole('heading', { name: 'My Organizations', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'My Organizations' });
    await list.getByText('Analytical Engines').waitFor();
    await list.getByText('Your role: owner').waitFor();

    // A blank name is the API's to refuse, under the field.
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => page.getByLabel('Organization name').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'my-organizations-error');

    await page.getByLabel('Organization name').fill('Difference Engines');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await banner().getByText('Difference Engines').waitFor();

    const mine = await sessionApi('/api/v1/me/organizations');
    expect(mine.items.map((m: any) => [m.organization.name, m.role, m.current]).sort()).toEqual([
      ['Analytical Engines', 'owner', false], ['Difference Engines', 'owner', true],
    ]);
    second = mine.items.find((m: any) => m.organization.name === 'Difference Engines').organization;
    expect(new URL(page.url()).pathname).toBe(`/organizations/${second.id}/members`);
    expect((await sessionApi('/api/v1/me')).currentOrganizationId).toBe(second.id);
    expectNoBrowserErrors(page);
  });

  it('switches between the organizations, and each shows only its own users: tenant data never mixes', async () => {
    await addUser(adaIn(first), { username: 'analyst' });
    await addUser(adaIn(second), { username: 'differ' });

    await page.reload();
    await expect.poll(listedUsers).toEqual(['ada', 'differ']);

    // From the drop-down's list: the current organization is ticked; choosing the other opens its Users page.
    let menu = await openMenu();
    await menu.getByRole('menuitem', { name: /Difference Engines/ }).getByText('✓').waitFor();
    await checkScreen(page, 'profile-menu-organizations');
    await menu.getByRole('menuitem', { name: /Analytical Engines/ }).click();
    await page.waitForURL(`**/organizations/${first.id}/members`);
    await banner().getByText('Analytical Engines').waitFor();
    await expect.poll(listedUsers).toEqual(['ada', 'analyst']);
    await expect.poll(async () => (await sessionApi('/api/v1/me')).currentOrganizationId).toBe(first.id);

    // From the My Organizations page: Open.
    menu = await openMenu();
    await menu.getByRole('menuitem', { name: /All organizations/ }).click();
    const list = page.getByRole('list', { name: 'My Organizations' });
    await list.getByRole('listitem').filter({ hasText: 'Analytical Engines' }).getByText('Current').waitFor();
    // The page belongs to no organization; its frame shows the one just switched to.
    await banner().getByText('Analytical Engines').waitFor();
    expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).getAttribute('href')).toBe(`/organizations/${first.id}/members`);
    await checkScreen(page, 'my-organizations');
    await list.getByRole('button', { name: 'Open Difference Engines' }).click();
    await page.waitForURL(`**/organizations/${second.id}/members`);
    await expect.poll(listedUsers).toEqual(['ada', 'differ']);
    expect((await sessionApi('/api/v1/me')).currentOrganizationId).toBe(second.id);

    // The API agrees: neither organization answers about the other's member.
    const members = async (id: string) => (await api.get(`/api/v1/organizations/${id}/members`)).body.items.map((m: any) => m.username);
    expect(await members(first.id)).toEqual(['ada', 'analyst']);
    expect(await members(second.id)).toEqual(['ada', 'differ']);
    const differ = (await api.get(`/api/v1/organizations/${second.id}/members?q=differ`)).body.items[0];
    expect((await api.get(`/api/v1/organizations/${first.id}/members/${differ.userId}`)).status).toBe(404);
    expectNoBrowserErrors(page);
  });

  it('any admin can remove another admin through the Users page, and the owner can not be removed (seed 001)', async () => {
    const owner = adaIn(first);
    const allow = await api.patch(`/api/v1/organizations/${first.id}`, { settings: { allowMemberDeletion: true } });
    expect(allow.status).toBe(200);
    await addMember(world.server, owner, 'admin', 'grace');
    const hopper = await addMember(world.server, owner, 'admin', 'hopper');

    const adminPage = await world.open();
    await signInThroughConsole(adminPage, 'grace');
    await adminPage.goto(`/organizations/${first.id}/members`);
    const list = adminPage.getByRole('region', { name: /^User List/ });
    await list.getByRole('link', { name: 'hopper', exact: true }).waitFor();
    // "Owners and admins have the same access rights. The only difference is an owner can NOT be removed."
    expect(await list.getByRole('checkbox', { name: 'Select ada' }).isDisabled()).toBe(true);
    await list.getByRole('checkbox', { name: 'Select hopper' }).check();
    await list.getByRole('button', { name: 'Delete (1)' }).click();
    const dialog = adminPage.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: 'Delete 1 user?' }).waitFor();
    await checkScreen(adminPage, 'seed-001-admin-removes-admin');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await list.getByText('1 user was deleted.').waitFor();
    await expect.poll(() => list.locator('tbody a.username').allTextContents()).toEqual(['ada', 'analyst', 'grace']);

    expect((await api.get(`/api/v1/organizations/${first.id}/members/${hopper.user.id}`)).status).toBe(404);
    expect((await hopper.client.get(`/api/v1/organizations/${first.id}/members`)).status).toBe(404);
    // Neither the console nor the API lets an admin remove the owner.
    const removeOwner = await (await signIn(world.server, 'grace')).delete(`/api/v1/organizations/${first.id}/members/${owner.user.id}`);
    expect(removeOwner.body.code).toBe('member.owner_cannot_be_removed');
    expectNoBrowserErrors(adminPage);
  });

  it('a user who belongs to no organization any more creates one from the console and owns it', async () => {
    const nomad = await addUser(adaIn(first), { username: 'nomad', firstName: 'Nora', lastName: 'Mad' });
    expect((await api.delete(`/api/v1/organizations/${first.id}/members/${nomad.userId}`)).status).toBe(204);

    const nomadPage = await world.open();
    await nomadPage.goto('/sign-in');
    await nomadPage.getByLabel('Username or email').fill('nomad');
    await nomadPage.getByLabel('Password').fill(PASSWORD);
    await nomadPage.getByRole('button', { name: 'Sign in' }).click();
    await nomadPage.getByRole('heading', { name: 'No organization yet' }).waitFor();
    await nomadPage.getByRole('link', { name: 'Create an organization' }).click();
    await nomadPage.getByRole('heading', { name: 'My Organizations', level: 1 }).waitFor();
    await nomadPage.getByText('You belong to no organization yet').waitFor();
    // No organization, so no sections to show.
    expect(await nomadPage.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
    await checkScreen(nomadPage, 'my-organizations-none');

    await nomadPage.getByLabel('Organization name').fill('Nomad Works');
    await nomadPage.getByRole('button', { name: 'Create organization' }).click();
    await nomadPage.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await nomadPage.getByRole('banner').getByText('Nomad Works').waitFor();
    const mine = await nomadPage.evaluate("fetch('/api/v1/me/organizations').then((r) => r.json())") as { items: any[] };
    expect(mine.items.map((m) => [m.organization.name, m.role, m.current])).toEqual([['Nomad Works', 'owner', true]]);
    expectNoBrowserErrors(nomadPage);
  });

  it('My Organizations works at phone width', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'ada');
    await phone.goto('/my-organizations');
    await phone.getByRole('list', { name: 'My Organizations' }).getByText('Difference Engines').waitFor();
    await checkScreen(phone, 'my-organizations-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expectNoBrowserErrors(phone);
  });
});
