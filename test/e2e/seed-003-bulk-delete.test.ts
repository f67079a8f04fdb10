/**
 * Seed 003's deleting in the console: select one or more users, or all of them with the check box in
 * the table header, and click Delete, after a confirmation. An organization that deactivates
 * instead of deleting (seed 000, the default) answers with its own message, shown as it is.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('seed 003: deleting users in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'partnerco', 'Partner Co');
    for (const username of ['dana', 'eli', 'fay', 'gus']) await addUser(owner, { username });
    page = await world.open();
    await signInThroughConsole(page, 'partnerco');
  });
  afterAll(async () => world?.close());

  const list = () => page.getByRole('region', { name: /^User List/ });
  const usernames = async () => list().locator('tbody a.username').allTextContents();
  const dialog = () => page.getByRole('alertdialog');

  it('an organization that only deactivates refuses, and the console shows the API\'s message', async () => {
    await list().getByRole('checkbox', { name: 'Select dana' }).check();
    await list().getByRole('button', { name: 'Delete (1)' }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await list().getByRole('alert').getByText('This organization deactivates members instead of deleting them').waitFor();
    expect(await usernames()).toContain('dana');
  });

  it('asks before deleting, and Cancel deletes nothing', async () => {
    await page.reload();
    await list().getByRole('checkbox', { name: 'Select dana' }).check();
    await list().getByRole('button', { name: 'Delete (1)' }).click();
    await dialog().getByRole('heading', { name: 'Delete 1 user?' }).waitFor();
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await usernames()).toContain('dana');
  });

  it('deletes one, then many selected users once the organization allows deletion', async () => {
    const allow = await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect(allow.status).toBe(200);
    await page.reload();
    await list().getByRole('checkbox', { name: 'Select dana' }).check();
    await list().getByRole('button', { name: 'Delete (1)' }).click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await list().getByText('1 user was deleted.').waitFor();
    await expect.poll(usernames).toEqual(['eli', 'fay', 'gus', 'partnerco']);

    await list().getByRole('checkbox', { name: 'Select eli' }).check();
    await list().getByRole('checkbox', { name: 'Select fay' }).check();
    await list().getByRole('button', { name: 'Delete (2)' }).click();
    await dialog().getByRole('heading', { name: 'Delete 2 users?' }).waitFor();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(usernames).toEqual(['gus', 'partnerco']);
    expectNoBrowserErrors(page);
  });

  it('selects all users with the check box in the table header and deletes them (the owner stays)', async () => {
    for (const username of ['hal', 'ivy', 'joe']) await addUser(owner, { username });
    await page.reload();
    await expect.poll(usernames).toEqual(['gus', 'hal', 'ivy', 'joe', 'partnerco']);
    await list().getByRole('checkbox', { name: 'Select all users shown' }).check();
    for (const username of ['gus', 'hal', 'ivy', 'joe']) expect(await list().getByRole('checkbox', { name: `Select ${username}` }).isChecked()).toBe(true);
    // The owner can never be removed (seed 001): their box stays empty and disabled.
    expect(await list().getByRole('checkbox', { name: 'Select partnerco' }).isDisabled()).toBe(true);
    await list().getByRole('button', { name: 'Delete (4)' }).click();
    await dialog().getByRole('heading', { name: 'Delete 4 users?' }).waitFor();
    await checkScreen(page, 'users-delete-confirm');
    await dialog().getByRole('button', { name: 'Delete' }).click();
    await list().getByText('4 users were deleted.').waitFor();
    await expect.poll(usernames).toEqual(['partnerco']);
    const left = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/members`);
    expect(left.body.items.map((m: { username: string }) => m.username)).toEqual(['partnerco']);
    expectNoBrowserErrors(page);
  });
});
