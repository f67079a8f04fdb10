/**
 * The console's other screens in a browser: sign-in (errors included), sign-up, the app shell with
 * its navigation and the profile drop-down's "My Organizations" (seed 001), the sections still to
 * be built, and the whole of it by keyboard and at phone width. Every screen is photographed and
 * checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('console screens', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'shellby', 'Shellby Ltd');
  });
  afterAll(async () => world?.close());

  it('serves the console at / and sends a signed-out visitor to sign-in, then back where they were going', async () => {
    const page = await world.open();
    await page.goto(`/organizations/${owner.organization.id}/members`);
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await checkScreen(page, 'sign-in');
    await page.getByLabel('Username or email').fill('shellby');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText(/password/i).waitFor();
    await checkScreen(page, 'sign-in-error');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${owner.organization.id}/members`);
    expectNoBrowserErrors(page);
  });

  it('signs up: a user and an organization they own, with the API\'s errors next to their fields', async () => {
    const page = await world.open();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Create an account and organization' }).click();
    await page.getByRole('heading', { name: 'Create your Roster account' }).waitFor();
    await page.getByLabel('First Name').fill('Nora');
    await page.getByLabel('Last Name').fill('Newcomer');
    await page.getByLabel('Email').fill('nora@example.com');
    await page.getByLabel('User Name').fill('nora');
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('Organization name').fill('Nora Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'sign-up-error');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('banner').getByText('Nora Co').waitFor();
    await page.getByRole('link', { name: 'nora', exact: true }).waitFor();
    expectNoBrowserErrors(page);
  });

  it('switches organizations from "My Organizations" in the profile drop-down, which shows the Gravatar (seed 001)', async () => {
    const second = await owner.client.post('/api/v1/organizations', { name: 'Shellby Labs' });
    expect(second.status).toBe(201);
    const page = await world.open();
    await signInThroughConsole(page, 'shellby');
    // The avatar is the Gravatar of the user's email (answered 404 here, so the initials show).
    await expect.poll(() => world.gravatarRequests.some((url) => /^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{32}\?/.test(url))).toBe(true);
    await page.getByRole('banner').locator('.avatar-initials').getByText('ST').waitFor();
    await page.getByRole('button', { name: /shellby Tester/ }).click();
    const menu = page.getByRole('menu');
    await menu.getByText('My Organizations').waitFor();
    await checkScreen(page, 'profile-menu');
    await menu.getByRole('menuitem', { name: /Shellby Labs/ }).click();
    await page.waitForURL(`**/organizations/${second.body.id}/members`);
    await page.getByRole('banner').getByText('Shellby Labs').waitFor();
    // The browser's session remembers the choice (PUT /api/v1/session/organization).
    await expect.poll(() => page.evaluate("fetch('/api/v1/me').then((r) => r.json()).then((me) => me.currentOrganizationId)")).toBe(second.body.id);
    expectNoBrowserErrors(page);
  });

  it('every section in the navigation opens its own page, marked as the current one', async () => {
    const page = await world.open();
    await signInThroughConsole(page, 'shellby');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const sections = await nav.getByRole('link').evaluateAll((links) => links.map((a) => ({ label: a.textContent ?? '', path: (a.getAttribute('href') ?? '').split('/').pop() ?? '' })));
    expect(sections.map((s) => s.label)).toEqual(['Users', 'Groups', 'Roles', 'Invitations', 'Audit log', 'Settings', 'Mailbox']);
    for (const section of sections) {
      await nav.getByRole('link', { name: section.label, exact: true }).click();
      await page.waitForURL(new RegExp(`/organizations/[^/]+/${section.path}(/|$)`));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await nav.getByRole('link', { name: section.label, exact: true }).getAttribute('aria-current')).toBe('page');
      expect(await page.getByText('Page not found').count()).toBe(0);
      await checkScreen(page, `section-${section.path}`);
    }
    expectNoBrowserErrors(page);
  });

  it('is reachable by keyboard: skip link first, then the profile menu opens and closes from the keyboard', async () => {
    const page = await world.open();
    await signInThroughConsole(page, 'shellby');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByRole('button', { name: /shellby Tester/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expectNoBrowserErrors(page);
  });

  it('works at phone width: sign-in and the shell', async () => {
    const page = await world.open(PHONE);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await checkScreen(page, 'sign-in-phone');
    await signInThroughConsole(page, 'shellby');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await checkScreen(page, 'section-settings-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expectNoBrowserErrors(page);
  });
});
