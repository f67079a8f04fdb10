/**
 * Seed 002's User Manager in the console: a User List pane (User Name, First Name, Last Name,
 * Email) beside a User Details pane; clicking a user populates their details; Add New gives a blank
 * user; the Inactive Users link at the bottom switches from the active users (default) to the
 * inactive ones. Also the list's search, role filter and paging, and the API's errors shown next to
 * the field they name.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('seed 002: the User Manager in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'ivinex', 'Ivinex');
    await addUser(owner, { username: 'ada', firstName: 'Ada', lastName: 'Lovelace', title: 'Analyst', phone: '555-0100' });
    await addUser(owner, { username: 'alan', firstName: 'Alan', lastName: 'Turing', role: 'admin' });
    const gone = await addUser(owner, { username: 'charles', firstName: 'Charles', lastName: 'Babbage' });
    await owner.client.post(`/api/v1/organizations/${owner.organization.id}/members/${gone.userId}/deactivate`);
    page = await world.open();
    await signInThroughConsole(page, 'ivinex');
  });
  afterAll(async () => world?.close());

  const details = () => page.getByRole('region', { name: /^User Details/ });
  const list = () => page.getByRole('region', { name: /^User List/ });
  const usernames = async () => (await list().locator('tbody a.username').allTextContents());

  it('lists User Name, First Name, Last Name and Email of the active users by default', async () => {
    const headers = await list().getByRole('columnheader').allTextContents();
    expect(headers.filter(Boolean)).toEqual(expect.arrayContaining(['User Name', 'First Name', 'Last Name', 'Email']));
    await expect.poll(usernames).toEqual(['ada', 'alan', 'ivinex']);
    const ada = list().getByRole('row').filter({ hasText: 'ada@example.com' });
    expect(await ada.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Ada', 'Lovelace', 'ada@example.com']));
    await checkScreen(page, 'users-list');
  });

  it('clicking a user populates their details in the User Details pane', async () => {
    await list().getByRole('cell', { name: 'Lovelace' }).click();
    const form = details();
    await expect.poll(() => form.getByLabel('First Name', { exact: true }).inputValue()).toBe('Ada');
    expect(await form.getByLabel('Last Name', { exact: true }).inputValue()).toBe('Lovelace');
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('Analyst');
    expect(await form.getByLabel('Phone', { exact: true }).inputValue()).toBe('555-0100');
    expect(await form.getByLabel('User Name', { exact: true }).inputValue()).toBe('ada');
    expectNoBrowserErrors(page);
  });

  it('Add New gives a blank user in the User Details pane', async () => {
    await list().getByRole('link', { name: 'Add New' }).click();
    const form = details();
    for (const label of ['User Name', 'New Password', 'First Name', 'Last Name', 'Email', 'Title']) {
      expect(await form.getByLabel(label, { exact: true }).inputValue(), label).toBe('');
    }
  });

  it('shows the API\'s error next to the field it names (body.email, body.password)', async () => {
    const form = details();
    await form.getByLabel('User Name', { exact: true }).fill('ada2');
    await form.getByLabel('New Password', { exact: true }).fill('a long enough passphrase 42');
    await form.getByLabel('First Name', { exact: true }).fill('Ada');
    await form.getByLabel('Last Name', { exact: true }).fill('Again');
    await form.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await form.getByRole('button', { name: 'Save' }).click();
    const email = form.getByLabel('Email', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`[id="${described.at(-1)}"]`).textContent();
    expect(message).toContain('A user with that email already exists');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await checkScreen(page, 'users-field-error');

    await email.fill('ada2@example.com');
    await form.getByLabel('New Password', { exact: true }).fill('short');
    await form.getByRole('button', { name: 'Save' }).click();
    const password = form.getByLabel('New Password', { exact: true });
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-invalid')).toBeNull();
  });

  it('the Inactive Users link at the bottom switches to the inactive users, and back', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members`);
    await expect.poll(usernames).toEqual(['ada', 'alan', 'ivinex']);
    await list().getByRole('link', { name: 'Inactive Users' }).click();
    await expect.poll(usernames).toEqual(['charles']);
    await list().getByRole('link', { name: 'Active Users' }).click();
    await expect.poll(usernames).toEqual(['ada', 'alan', 'ivinex']);
  });

  it('searches by prefix and filters by role', async () => {
    await list().getByLabel('Search').fill('al');
    await expect.poll(usernames).toEqual(['alan']);
    await list().getByLabel('Search').fill('');
    await list().getByLabel('Role', { exact: true }).selectOption('admin');
    await expect.poll(usernames).toEqual(['alan']);
    await list().getByLabel('Role', { exact: true }).selectOption('');
    await list().getByLabel('Search').fill('zzz');
    await list().getByText('No users match this search.').waitFor();
    await checkScreen(page, 'users-empty-search');
    await list().getByLabel('Search').fill('');
  });

  it('pages through a long list 50 at a time with Load more', async () => {
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => addUser(owner, { username: `bulk${String(batch * 10 + i).padStart(2, '0')}` })));
    }
    await page.reload();
    await expect.poll(async () => (await usernames()).length).toBe(50);
    await list().getByRole('button', { name: 'Load more users' }).click();
    await expect.poll(async () => (await usernames()).length).toBe(63);
    expect(await list().getByRole('button', { name: 'Load more users' }).count()).toBe(0);
    expectNoBrowserErrors(page);
  });

  it('works at phone width: the list, then the details in place of the list', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'ivinex');
    await phone.getByRole('link', { name: 'ada', exact: true }).waitFor();
    await checkScreen(phone, 'users-list-phone');
    await phone.getByRole('link', { name: 'ada', exact: true }).click();
    await phone.getByRole('link', { name: 'Back to User List' }).waitFor();
    await expect.poll(() => phone.getByLabel('First Name', { exact: true }).inputValue()).toBe('Ada');
    await checkScreen(phone, 'users-details-phone');
    expectNoBrowserErrors(phone);
  });
});
