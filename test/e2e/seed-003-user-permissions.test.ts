/**
 * Seed 003 on a user's permissions in a browser: "Admin users can grant additional Permissions that,
 * together with the users Role, determine what kind of access the users will have"; a Normal user is
 * granted "access to as many partners as necessary" and any of the three permissions, a Partner user
 * has exactly one partner and "can only be granted Access to Issue Comments". Making someone a
 * Partner on the User Details form asks for the partner there and saves role and partner in one
 * request. Each outcome is checked through the API's authorization check.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('seed 003: extra permissions and partners on a user, in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;
  let org: string;
  let nora: { userId: string };
  let pat: { userId: string };

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'netta', 'Netta Freight');
    org = `/api/v1/organizations/${owner.organization.id}`;
    expect((await owner.client.post(`${org}/templates/partner-network`)).status).toBe(200);
    const partners = [{ id: 'acme', name: 'Acme Logistics' }, { id: 'beta', name: 'Beta Freight' }, { id: 'gamma', name: 'Gamma Ports' }];
    expect((await owner.client.put(`${org}/resource-types/partner/resources`, { items: partners })).status).toBe(200);
    nora = await addUser(owner, { username: 'nora', role: 'normal' });
    pat = await addUser(owner, { username: 'pat', role: 'partner', resources: { partner: ['acme'] } });
    page = await world.open();
    await signInThroughConsole(page, 'netta');
  });
  afterAll(async () => world?.close());

  const check = async (userId: string, permission: string, partner?: string) =>
    (await owner.client.post(`${org}/authz/check`, { userId, permission, ...(partner ? { resource: { type: 'partner', id: partner } } : {}) })).body;
  const openPermissions = async (userId: string) => {
    await page.goto(`/organizations/${owner.organization.id}/members/${userId}`);
    const panel = page.getByRole('region', { name: 'User Permissions' });
    await panel.getByRole('button', { name: 'Display Permissions' }).click();
    await panel.getByRole('group', { name: 'Extra permissions' }).waitFor();
    return panel;
  };

  it('a Normal user is granted extra permissions on top of the role and as many partners as necessary', async () => {
    const panel = await openPermissions(nora.userId);
    const extra = panel.getByRole('group', { name: 'Extra permissions' });
    await extra.getByRole('combobox', { name: 'Access to Integrations: work with integrations' }).selectOption('allow');
    await extra.getByRole('combobox', { name: 'Allowed to Reprocess Messages' }).selectOption('allow');
    const partners = panel.getByRole('group', { name: 'Partner' });
    await partners.getByText('Members see those granted to them, any number').waitFor();
    await partners.getByRole('checkbox', { name: 'Acme Logistics' }).check();
    await partners.getByRole('checkbox', { name: 'Beta Freight' }).check();
    await panel.getByRole('button', { name: 'Save permissions' }).click();
    await panel.getByText('The permissions of nora were saved.').waitFor();

    expect(await check(nora.userId, 'integrations.access')).toEqual({ allowed: true, reason: 'user:allow' });
    expect(await check(nora.userId, 'messages.reprocess', 'beta')).toEqual({ allowed: true, reason: 'user:allow' });
    expect(await check(nora.userId, 'messages.reprocess', 'gamma')).toEqual({ allowed: false, reason: 'resource_not_granted' });
    expect(await check(nora.userId, 'issue_comments.access')).toEqual({ allowed: false, reason: 'not_granted' });
    expect((await owner.client.get(`${org}/members/${nora.userId}/access`)).body.resources).toEqual({ partner: { scope: 'granted', ids: ['acme', 'beta'] } });
    await extra.scrollIntoViewIfNeeded();
    await checkScreen(page, 'user-permissions-normal');
    expectNoBrowserErrors(page);
  });

  it('a Partner user has exactly one partner and is refused any permission but Access to Issue Comments, with the reason shown', async () => {
    const panel = await openPermissions(pat.userId);
    const partners = panel.getByRole('group', { name: 'Partner' });
    expect(await partners.getByRole('radio', { name: 'Acme Logistics' }).isChecked()).toBe(true);
    await partners.getByRole('radio', { name: 'Beta Freight' }).check();
    const extra = panel.getByRole('group', { name: 'Extra permissions' });
    await extra.getByText('Available for: normal — not the partner role').first().waitFor();
    await extra.getByRole('combobox', { name: 'Access to Integrations: work with integrations' }).selectOption('allow');
    await panel.getByRole('button', { name: 'Save permissions' }).click();
    await panel.getByRole('alert').getByText('The partner role can not be given: integrations.access').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('The partner role can not be given');
    await checkScreen(page, 'user-permissions-refused');
    // All or nothing: the partner did not change either.
    expect((await owner.client.get(`${org}/members/${pat.userId}/permissions`)).body).toEqual({ permissions: {}, resources: { partner: ['acme'] } });

    await extra.getByRole('combobox', { name: 'Access to Integrations: work with integrations' }).selectOption('inherit');
    await extra.getByRole('combobox', { name: /^Access to Issue Comments/ }).selectOption('allow');
    await panel.getByRole('button', { name: 'Save permissions' }).click();
    await panel.getByText('The permissions of pat were saved.').waitFor();
    expect(await check(pat.userId, 'issue_comments.access', 'beta')).toEqual({ allowed: true, reason: 'user:allow' });
    expect(await check(pat.userId, 'issue_comments.access', 'acme')).toEqual({ allowed: false, reason: 'resource_not_granted' });
    expect((await owner.client.get(`${org}/members/${pat.userId}/access`)).body.resources).toEqual({ partner: { scope: 'one', ids: ['beta'] } });
    expectNoBrowserErrors(page);
  });

  it('choosing the Partner role on User Details shows Select Partner; role and partner are saved in one request, all or nothing', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members/${nora.userId}`);
    const form = page.locator('form.details-form');
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Partner' });
    const partner = form.getByRole('group', { name: /^Partner/ });
    await partner.getByText('This role gives access to only one partner.').waitFor();
    // Saved without a partner: refused in the Partner group, and nothing changed (nora keeps Normal and her two partners).
    await form.getByRole('button', { name: 'Save' }).click();
    await partner.locator('.field-error').getByText('The partner role needs exactly one partner').waitFor();
    expect((await owner.client.get(`${org}/members/${nora.userId}`)).body.role).toBe('normal');
    expect((await owner.client.get(`${org}/members/${nora.userId}/permissions`)).body.resources).toEqual({ partner: ['acme', 'beta'] });

    await partner.getByRole('button', { name: 'Select Partner' }).click();
    await partner.getByRole('radio', { name: 'Gamma Ports' }).check();
    await partner.getByText('Selected: Gamma Ports').waitFor();
    await checkScreen(page, 'user-details-partner-role');
    const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/members/${nora.userId}`));
    await form.getByRole('button', { name: 'Save' }).click();
    expect((await patch).postDataJSON()).toEqual({ role: 'partner', resources: { partner: ['gamma'] } });
    await page.getByText('nora was saved.').waitFor();
    // Saved: the role is Partner now, and the partner is changed under User Permissions from here on.
    await partner.waitFor({ state: 'detached' });
    expect((await owner.client.get(`${org}/members/${nora.userId}`)).body.role).toBe('partner');
    expect((await owner.client.get(`${org}/members/${nora.userId}/access`)).body.resources).toEqual({ partner: { scope: 'one', ids: ['gamma'] } });
    const panel = page.getByRole('region', { name: 'User Permissions' });
    await panel.getByRole('button', { name: 'Display Permissions' }).click();
    expect(await panel.getByRole('group', { name: 'Partner' }).getByRole('radio', { name: 'Gamma Ports' }).isChecked()).toBe(true);
    expectNoBrowserErrors(page);
  });

  it('Add New as a Partner user picks the partner on the same form (seed 003 "Select Partner")', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members/new`);
    const form = page.locator('form.details-form');
    await form.getByLabel('User Name', { exact: true }).fill('paula');
    await form.getByLabel('New Password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('First Name', { exact: true }).fill('Paula');
    await form.getByLabel('Last Name', { exact: true }).fill('Quay');
    await form.getByLabel('Email', { exact: true }).fill('paula@example.com');
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Partner' });
    const partner = form.getByRole('group', { name: /^Partner/ });
    await partner.getByRole('button', { name: 'Select Partner' }).click();
    await partner.getByRole('radio', { name: 'Beta Freight' }).check();
    // Another role drops the choice, so nothing hidden is sent; choosing Partner again asks again.
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Normal' });
    expect(await form.getByRole('group', { name: /^Partner/ }).count()).toBe(0);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Partner' });
    await partner.getByText('None selected yet.').waitFor();
    await partner.getByRole('button', { name: 'Select Partner' }).click();
    await partner.getByRole('radio', { name: 'Beta Freight' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('paula was added.').waitFor();
    const paula = ((await owner.client.get(`${org}/members?q=paula`)).body.items as any[])[0];
    expect(paula).toMatchObject({ username: 'paula', role: 'partner' });
    expect((await owner.client.get(`${org}/members/${paula.userId}/access`)).body.resources).toEqual({ partner: { scope: 'one', ids: ['beta'] } });
    expectNoBrowserErrors(page);
  });

  it('at phone width the user\'s permissions fit the screen, with the module matrix expanded', async () => {
    expect((await owner.client.post(`${org}/modules`, { name: 'shipments' })).status).toBe(201);
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'netta');
    await phone.goto(`/organizations/${owner.organization.id}/members/${nora.userId}`);
    const panel = phone.getByRole('region', { name: 'User Permissions' });
    await panel.getByRole('button', { name: 'Display Permissions' }).click();
    await panel.getByRole('button', { name: '–Show– shipments' }).click();
    await panel.getByRole('combobox', { name: 'Delete shipments' }).scrollIntoViewIfNeeded();
    await checkScreen(phone, 'user-permissions-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expectNoBrowserErrors(phone);
  });
});
