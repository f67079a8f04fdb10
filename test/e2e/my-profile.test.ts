/**
 * My profile in a browser: reached from the profile drop-down, the Gravatar (seed 001: "we grab
 * photos from your Gravatar image, associated with your email address"), every profile field but
 * the user name (which never changes, seeds 000/002) edited and checked through `GET /api/v1/me`,
 * the password changed (every unmet rule listed; the old password stops working), and the user's
 * sessions: a second browser listed, then signed out from here.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signIn, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, ownerInConsole, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

const NEW_PASSWORD = 'Another long passphrase 77';

describe('My profile in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;

  beforeAll(async () => {
    world = await startConsole();
    ({ owner, page } = await ownerInConsole(world, 'penny'));
  });
  afterAll(async () => world?.close());

  const field = (label: string) => page.getByRole('form', { name: 'Details' }).getByLabel(label, { exact: true });
  const me = async () => (await owner.client.get('/api/v1/me')).body;

  it('opens from the profile drop-down, shows the Gravatar and says where it comes from (seed 001)', async () => {
    await page.getByRole('banner').getByRole('button', { name: /penny Tester/ }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'My profile' }).click();
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');
    const photo = page.getByRole('region', { name: 'Profile photo' });
    await photo.getByRole('link', { name: 'Gravatar' }).waitFor();
    await photo.getByText('penny@example.com').waitFor();
    // The large avatar asks Gravatar for the email's image (answered 404 here, so initials show).
    const hash = (await me()).avatarUrl.match(/avatar\/([0-9a-f]{32})/)[1];
    await expect.poll(() => world.gravatarRequests.some((url) => url.includes(hash) && url.includes('s=144'))).toBe(true);
    await photo.locator('.avatar-initials').getByText('PT').waitFor();
    expectNoBrowserErrors(page);
  });

  it('shows the user name read-only with the reason, and saves every other field (checked through GET /api/v1/me)', async () => {
    expect(await field('User Name').inputValue()).toBe('penny');
    expect(await field('User Name').getAttribute('readonly')).not.toBeNull();
    await page.getByText('Your user name can not be changed').waitFor();

    await field('First Name').fill('Penelope');
    await field('Last Name').fill('Pitstop');
    await field('Display Name').fill('Penny P.');
    await field('Alias').fill('Pen');
    await field('Title').fill('Racing driver');
    await field('Available From Email').fill('penny@example.com, races@example.com');
    await field('Phone').fill('+1 555 0100');
    await field('Extension').fill('42');
    await field('Color').fill('#c0306b');
    await field('Address').fill('1 Wacky Road\nRace Town');
    await field('Click To Dial').fill('https://dialer.example/call?phone=[Field:PhoneNumber]');
    await field('Signature').fill('Penny, racing since 1968');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Your profile was saved.').waitFor();
    await checkScreen(page, 'my-profile');

    expect(await me()).toMatchObject({
      username: 'penny', firstName: 'Penelope', lastName: 'Pitstop', displayName: 'Penny P.', alias: 'Pen', communicationName: 'Pen',
      title: 'Racing driver', senderEmails: ['penny@example.com', 'races@example.com'], phone: '+1 555 0100', phoneExtension: '42',
      color: '#c0306b', address: '1 Wacky Road\nRace Town', clickToDial: 'https://dialer.example/call?phone=[Field:PhoneNumber]',
      clickToDialUrl: 'https://dialer.example/call?phone=%2B1%20555%200100', signature: 'Penny, racing since 1968',
    });
    // The top bar follows the new display name.
    await page.getByRole('banner').getByRole('button', { name: /Penny P\./ }).waitFor();

    // A blank optional field clears it; nothing changed is "nothing to save".
    await field('Alias').fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(async () => (await me()).alias).toBeNull();
    await page.getByRole('status').getByText('Your profile was saved.').waitFor();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Nothing to save').waitFor();
    expectNoBrowserErrors(page);
  });

  it('shows the API\'s errors under the fields they name, and a new email needs the current password', async () => {
    await field('Available From Email').fill('penny@example.com, not an email');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => field('Available From Email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('senderEmails');
    await checkScreen(page, 'my-profile-error');
    await field('Available From Email').fill('penny@example.com');

    await field('Email').fill('penelope@example.com');
    await field('Current password').fill('not my password');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => field('Current password').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('The current password is wrong').waitFor();
    expect((await me()).email).toBe('penny@example.com');

    await field('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Your profile was saved.').waitFor();
    expect(await me()).toMatchObject({ email: 'penelope@example.com', senderEmails: ['penny@example.com'] });
    await field('Current password').waitFor({ state: 'detached' });
    expectNoBrowserErrors(page);
  });

  it('lists the sessions with this one marked, and ends another after confirming: that browser is signed out', async () => {
    const other = await world.open();
    await signInThroughConsole(other, 'penny');

    // This browser, the second one, and the API client that signed up.
    await page.reload();
    const sessions = page.getByRole('list', { name: 'Your sessions' });
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(3);
    const current = sessions.getByRole('listitem').filter({ hasText: 'This session' });
    expect(await current.count()).toBe(1);
    await current.getByText('127.0.0.1').waitFor();
    await current.getByText(/Chrome on Linux/).first().waitFor();
    expect(await current.getByRole('button', { name: /End session/ }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Sessions' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'my-profile-sessions');

    const listed = await owner.client.get('/api/v1/me/sessions');
    expect(listed.body.items).toHaveLength(3);

    const secondBrowser = sessions.getByRole('listitem').filter({ hasText: 'Chrome on Linux' }).filter({ hasNotText: 'This session' });
    await secondBrowser.getByRole('button', { name: /End session/ }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: 'End this session?' }).waitFor();
    // Cancel ends nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await owner.client.get('/api/v1/me/sessions')).body.items).toHaveLength(3);

    await secondBrowser.getByRole('button', { name: /End session/ }).click();
    await dialog.getByRole('button', { name: 'End session' }).click();
    await page.getByText('The session on Chrome on Linux was ended.').waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(2);
    expect((await owner.client.get('/api/v1/me/sessions')).body.items).toHaveLength(2);

    // The other browser is signed out: the API refuses its cookie, and the console sends it to sign-in.
    expect(await other.evaluate("fetch('/api/v1/me').then((r) => r.status)")).toBe(401);
    await other.reload();
    await other.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    expectNoBrowserErrors(page);
    expectNoBrowserErrors(other);
  });

  it('ends all other sessions at once, after confirming', async () => {
    const programs = [owner.client, await signIn(world.server, 'penny'), await signIn(world.server, 'penny')];
    await page.reload();
    const sessions = page.getByRole('list', { name: 'Your sessions' });
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(4);
    await page.getByRole('button', { name: 'End all other sessions' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('(3 sessions)').waitFor();
    await dialog.getByRole('button', { name: 'End all other sessions' }).click();
    await page.getByText('3 other sessions were ended.').waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);
    for (const program of programs) expect((await program.get('/api/v1/me')).status).toBe(401);
    expect(await page.getByRole('button', { name: 'End all other sessions' }).isDisabled()).toBe(true);
    expectNoBrowserErrors(page);
  });

  it('changes the password: every unmet rule is listed, the current one is checked, and the old one stops working', async () => {
    const admin = await signIn(world.server, 'penny');
    const policy = await admin.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { passwordPolicy: { minLength: 16, requireDigit: true, requireUpper: true } } });
    expect(policy.status).toBe(200);
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByLabel('New password').fill('short');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    const rules = await form.locator('.field-error').textContent();
    expect(rules).toMatch(/16 characters/);
    expect(rules).toMatch(/digit/);
    expect(rules).toMatch(/uppercase/);
    await form.scrollIntoViewIfNeeded();
    await checkScreen(page, 'my-profile-password-error');

    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel('New password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Your password was changed.').waitFor();
    expect(await form.getByLabel('Current password').inputValue()).toBe('');

    const client = world.server.client();
    expect((await client.post('/api/v1/session', { login: 'penny', password: PASSWORD })).status).toBe(401);
    expect((await client.post('/api/v1/session', { login: 'penny', password: NEW_PASSWORD })).status).toBe(200);
    // This browser stays signed in; every other session of the user ended.
    expect(await page.evaluate("fetch('/api/v1/me').then((r) => r.status)")).toBe(200);
    expect((await admin.get('/api/v1/me')).status).toBe(401);
    expectNoBrowserErrors(page);
  });

  it('works at phone width', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'penny', NEW_PASSWORD);
    await phone.goto('/profile');
    await phone.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    await phone.getByLabel('User Name', { exact: true }).waitFor();
    await checkScreen(phone, 'my-profile-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expectNoBrowserErrors(phone);
  });
});
