/**
 * Seed 000's procedures, click by click in the console: add a user (full name, email, display and
 * user name, password, role → Save), update one (the user name can not be altered), deactivate with
 * the link that appears on hover next to Edit (the user appears in the Inactive section), and
 * reactivate by hovering over the inactive user and selecting activate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole, PASSWORD, signUp, type SignedUp } from '../support/server.js';
import { checkScreen, screenshot } from './support/checks.js';
import { expectNoBrowserErrors, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';
import type { Page } from 'playwright-core';

describe('seed 000: managing users in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'influx', 'Influx');
    // Seed 000's user types: Agent beside the built-in Admin.
    await createRole(owner, 'agent', ['members.read']);
    page = await world.open();
    await signInThroughConsole(page, 'influx');
  });
  afterAll(async () => world?.close());

  const details = () => page.getByRole('region', { name: /^User Details/ });
  const list = () => page.getByRole('region', { name: /^User List/ });
  const row = (username: string) => list().getByRole('row').filter({ has: page.getByRole('link', { name: username, exact: true }) });
  const opacity = (username: string, action: string) =>
    row(username).getByRole('button', { name: `${action} ${username}` }).evaluate((el) => getComputedStyle(el).opacity);

  it('adds a user: Users, add user, full name, email, display and user name, password and role, Save (seed 000 "To add a User")', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Add New' }).click();
    const form = details();
    await form.getByLabel('First Name', { exact: true }).fill('Grace');
    await form.getByLabel('Last Name', { exact: true }).fill('Hopper');
    await form.getByLabel('Email', { exact: true }).fill('grace@example.com');
    await form.getByLabel('Display Name', { exact: true }).fill('Grace H.');
    await form.getByLabel('User Name', { exact: true }).fill('grace');
    await form.getByLabel('New Password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Role', { exact: true }).selectOption('agent');
    await checkScreen(page, 'users-add-new');
    await form.getByRole('button', { name: 'Save' }).click();

    await page.getByText('grace was added.').waitFor();
    await row('grace').waitFor();
    await page.waitForURL(/\/members\/[^/?]+$/);
    const members = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/members?q=grace`);
    expect(members.body.items).toMatchObject([{ username: 'grace', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', displayName: 'Grace H.', role: 'agent', status: 'active' }]);
    expect(await form.getByLabel('User Name', { exact: true }).isEditable()).toBe(false);
    await checkScreen(page, 'users-details');
    expectNoBrowserErrors(page);
  });

  it('updates a user with Edit next to them; the user name can not be altered (seed 000 "To Update a User")', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members`);
    await row('grace').getByRole('link', { name: 'Edit grace' }).click();
    const form = details();
    await expect.poll(() => form.getByLabel('First Name', { exact: true }).inputValue()).toBe('Grace');
    const username = form.getByLabel('User Name', { exact: true });
    expect(await username.isEditable()).toBe(false);
    expect(await username.getAttribute('aria-describedby')).toBeTruthy();
    await form.getByLabel('Title', { exact: true }).fill('Rear Admiral');
    await form.getByLabel('Signature', { exact: true }).fill('Kind regards, Grace');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('grace was saved.').waitFor();
    const members = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/members?q=grace`);
    expect(members.body.items[0]).toMatchObject({ username: 'grace', title: 'Rear Admiral', signature: 'Kind regards, Grace' });
    expectNoBrowserErrors(page);
  });

  it('deactivates with the link that appears next to Edit on hover; the user appears in the Inactive section (seed 000)', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members`);
    await row('grace').waitFor();
    await page.mouse.move(1, 1);
    expect(await opacity('grace', 'Deactivate')).toBe('0');
    await row('grace').hover();
    expect(await opacity('grace', 'Deactivate')).toBe('1');
    await screenshot(page, 'users-row-hover');
    await row('grace').getByRole('button', { name: 'Deactivate grace' }).click();
    await page.getByText('grace was deactivated and moved to Inactive Users.').waitFor();
    await row('grace').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Inactive Users' }).click();
    await row('grace').waitFor();
    await expect.poll(() => page.url()).toContain('status=inactive');
    await checkScreen(page, 'users-inactive');
    expectNoBrowserErrors(page);
  });

  it('reactivates by hovering over the inactive user and selecting activate (seed 000)', async () => {
    await page.mouse.move(1, 1);
    expect(await opacity('grace', 'Activate')).toBe('0');
    await row('grace').hover();
    await row('grace').getByRole('button', { name: 'Activate grace' }).click();
    await row('grace').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Active Users' }).click();
    await row('grace').waitFor();
    const member = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/members?q=grace`);
    expect(member.body.items[0].status).toBe('active');
    expectNoBrowserErrors(page);
  });

  it('a deactivation from the list can be undone from its notice', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members`);
    await row('grace').hover();
    await row('grace').getByRole('button', { name: 'Deactivate grace' }).click();
    await row('grace').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo deactivation of grace' }).click();
    await page.getByText('Undone: grace is active again.').waitFor();
    await row('grace').waitFor();
    const member = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/members?q=grace`);
    expect(member.body.items[0].status).toBe('active');
    expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
    expectNoBrowserErrors(page);
  });

  it('the deactivate link is reached by keyboard too: it shows while its row has focus', async () => {
    await page.mouse.move(1, 1);
    await row('grace').getByRole('checkbox', { name: 'Select grace' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Deactivate grace');
    expect(await opacity('grace', 'Deactivate')).toBe('1');
  });
});
