/**
 * What a session must do before anything else, in a browser. Seed 002: "The very first time a new
 * user account is logged into, you will be presented with the … end user license agreement. The new
 * user must accept the terms to continue": the organization publishes terms through the API, a member
 * signs in, reads them, can reach nothing else, accepts (audited) or declines (signed out). And a
 * password the organization's rules no longer allow (seed 004's complexity) is changed at sign-in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, startConsole, type ConsoleWorld } from './support/console.js';

const TERMS = 'End user licence agreement\n\n1. You use Ivy Insurance\'s data for work only.\n\n2. You keep your password to yourself.\n\n3. Breaking these terms ends your access.';

describe('required actions at sign-in', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let terms: { id: string; version: string };

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'ivy', 'Ivy Insurance');
    const published = await owner.client.put(`/api/v1/organizations/${owner.organization.id}/terms`, { version: '2026-11', text: TERMS });
    expect(published.status).toBe(200);
    terms = published.body;
  });
  afterAll(async () => world?.close());

  const usersPage = () => `/organizations/${owner.organization.id}/members`;

  async function signInAs(page: Page, login: string, password = PASSWORD): Promise<void> {
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill(login);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('a new member sees the published terms at first sign-in, can reach nothing else, accepts, and the acceptance is audited (seed 002)', async () => {
    await addUser(owner, { username: 'milo', firstName: 'Milo', lastName: 'Marsh' });
    const page = await world.open();
    await signInAs(page, 'milo');
    await page.getByRole('heading', { name: 'Accept the terms to continue', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Ivy Insurance terms, version 2026-11' }).waitFor();
    const text = page.getByRole('region', { name: 'Terms, version 2026-11' });
    expect(await text.innerText()).toContain('2. You keep your password to yourself.');
    await checkScreen(page, 'terms-accept');

    // Nothing else until accepted: the Users page by its address shows the terms again, and the API refuses.
    await page.goto(usersPage());
    await page.getByRole('heading', { name: 'Accept the terms to continue', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Users', level: 1 }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
    const refused = await page.request.get(`/api/v1/organizations/${owner.organization.id}/members`);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('auth.action_required');

    await page.getByRole('button', { name: 'I accept' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(usersPage());
    expect((await page.request.get(`/api/v1/organizations/${owner.organization.id}/members`)).status()).toBe(200);

    const audit = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/audit-events?action=terms.accepted`);
    expect(audit.body.items).toMatchObject([{ action: 'terms.accepted', actorDisplayName: 'Milo Marsh', targetId: terms.id, after: { version: '2026-11' } }]);
    expectNoBrowserErrors(page);

    // Accepted once, not asked again at the next sign-in.
    const later = await world.open();
    await signInAs(later, 'milo');
    await later.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  });

  it('declining the terms signs the member out, and the sign-in page says why (seed 002), at phone width', async () => {
    await addUser(owner, { username: 'dora', firstName: 'Dora', lastName: 'Dunn' });
    const page = await world.open(PHONE);
    await signInAs(page, 'dora');
    await page.getByRole('heading', { name: 'Accept the terms to continue', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(page, 'terms-accept-phone');
    await page.getByRole('button', { name: 'Decline and sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await page.getByText('You declined the terms, so you were signed out.').waitFor();
    await checkScreen(page, 'terms-declined');
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);
    const audit = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/audit-events?action=terms.declined`);
    expect(audit.body.items).toMatchObject([{ actorDisplayName: 'Dora Dunn', targetId: terms.id }]);
    // Still not accepted: the next sign-in asks again.
    await signInAs(page, 'dora');
    await page.getByRole('heading', { name: 'Accept the terms to continue', level: 1 }).waitFor();
    expectNoBrowserErrors(page);
  });

  it('a password the organization\'s rules no longer allow is changed at sign-in, after the terms: current and new password, every unmet rule listed (seed 004)', async () => {
    await addUser(owner, { username: 'cato', firstName: 'Cato', lastName: 'Crane' });
    // Seed 004: the organization asks for more complexity than cato's password has (no upper case).
    const policy = await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, { settings: { passwordPolicy: { requireUpper: true, requireDigit: true } } });
    expect(policy.status).toBe(200);

    // Both actions at once: the terms first, then the password.
    const page = await world.open();
    await signInAs(page, 'cato');
    await page.getByRole('heading', { name: 'Accept the terms to continue', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'I accept' }).click();
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    expect((await page.request.get('/api/v1/me')).ok()).toBe(true);
    expect((await (await page.request.get('/api/v1/me')).json()).requiredActions).toEqual(['change_password']);
    await page.goto(usersPage());
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await checkScreen(page, 'change-password');

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('Fresh Passphrase 2026');
    await page.getByLabel('Confirm new password').fill('Fresh Passphrase 2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('weak');
    await page.getByLabel('Confirm new password').fill('weak');
    await page.getByRole('button', { name: 'Change password' }).click();
    const rules = page.locator('.field-invalid .field-error-list li');
    await expect.poll(() => rules.count()).toBeGreaterThanOrEqual(3);
    const listed = (await rules.allInnerTexts()).join('\n');
    for (const rule of [/at least 12 characters/i, /upper/i, /digit/i]) expect(listed).toMatch(rule);
    await checkScreen(page, 'change-password-rules');

    await page.getByLabel('New password', { exact: true }).fill('Fresh Passphrase 2026');
    await page.getByLabel('Confirm new password').fill('Fresh Passphrase 2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(usersPage());

    const fresh = await world.server.client().post('/api/v1/session', { login: 'cato', password: 'Fresh Passphrase 2026' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.requiredActions).toEqual([]);
    expect((await world.server.client().post('/api/v1/session', { login: 'cato', password: PASSWORD })).status).toBe(401);
    expectNoBrowserErrors(page);
  });
});
