/**
 * Settings and the Audit log in the console, click by click: the organization's deletion setting
 * (seeds 000 and 003), the password policy under Security (seed 004 "you can define the password
 * complexity … in Configuration → Security") and what a member then meets, publishing terms (seed 002),
 * an API key from creation (its secret read once from the page and used over HTTP) to revocation,
 * and the audit trail of all of it filtered by action and actor, with before and after (seed 000
 * "lead history and logs"). Each result is checked through the API too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createRole, PASSWORD, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('Settings and Audit log in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let mona: SignedUp;
  let page: Page;
  /** A member whose role holds only api_keys.manage and members.read. */
  let kim: Page;
  let phone: Page;
  let org: string;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'sette', 'Sette Co');
    org = owner.organization.id;
    mona = await addMember(world.server, owner, 'member', 'mona');
    await createRole(owner, 'keeper', ['api_keys.manage', 'members.read']);
    await addMember(world.server, owner, 'keeper', 'kim');
    // Every page signs in now: once the policy is tightened and terms are published, a new sign-in
    // must first change the password and accept the terms (sessions already open go on).
    page = await world.open();
    await signInThroughConsole(page, 'sette');
    kim = await world.open();
    await signInThroughConsole(kim, 'kim');
    phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'sette');
  });
  afterAll(async () => world?.close());

  const organization = async () => (await owner.client.get(`/api/v1/organizations/${org}`)).body;
  const sub = (label: string) => page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: label });
  const invalid = (label: string) => page.getByLabel(label, { exact: true }).getAttribute('aria-invalid');

  it('Organization: allowing member deletion (seed 003) instead of only deactivating (seed 000) is toggled and saved; a refused value changes nothing', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.waitForURL(`**/organizations/${org}/settings/organization`);
    expect(await sub('Organization').getAttribute('aria-current')).toBe('page');
    const deletion = page.getByRole('checkbox', { name: 'Allow deleting members' });
    expect(await deletion.isChecked()).toBe(false);
    await deletion.check();
    await page.getByLabel('Invitation lifetime (days)').fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    // The API's limit, under the field it names; the whole patch is refused.
    await expect.poll(() => invalid('Invitation lifetime (days)')).toBe('true');
    await page.getByText('Must be >= 1').waitFor();
    expect((await organization()).settings).toMatchObject({ allowMemberDeletion: false, invitationLifetimeDays: 7 });
    await checkScreen(page, 'settings-organization-error');

    await page.getByLabel('Invitation lifetime (days)').fill('14');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The organization settings were saved.').waitFor();
    expect((await organization()).settings).toMatchObject({ allowMemberDeletion: true, invitationLifetimeDays: 14 });
    await page.reload();
    expect(await page.getByRole('checkbox', { name: 'Allow deleting members' }).isChecked()).toBe(true);
    await checkScreen(page, 'settings-organization');
    expectNoBrowserErrors(page);
  });

  it('Security: the password policy is changed (seed 004), and a member\'s new password is refused by the rules the screen lists', async () => {
    await sub('Security').click();
    await page.getByRole('group', { name: 'Password policy' }).waitFor();
    // Members whose password no longer fits are told at their next sign-in; the screen says so.
    await page.getByText('will be asked to change it at their next sign-in').waitFor();
    await page.getByLabel('Minimum length', { exact: true }).fill('65');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => invalid('Minimum length')).toBe('true');
    await page.getByText('Must be <= 64').waitFor();
    await checkScreen(page, 'settings-security-error');

    await page.getByLabel('Minimum length', { exact: true }).fill('30');
    await page.getByRole('checkbox', { name: 'An uppercase letter' }).check();
    await page.getByLabel('Passwords remembered', { exact: true }).fill('3');
    await page.getByLabel('Idle timeout (minutes)', { exact: true }).fill('120');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The security settings were saved.').waitFor();
    const { settings } = await organization();
    expect(settings.passwordPolicy).toMatchObject({ minLength: 30, requireUpper: true, requireLower: false, historyCount: 3, maxAgeDays: null, disallowCommon: true });
    expect(settings.sessionIdleMinutes).toBe(120);
    await checkScreen(page, 'settings-security');

    // Mona's password (27 characters, no capital) no longer fits: at her next sign-in she must change it.
    const again = await world.server.client().post('/api/v1/session', { login: 'mona', password: PASSWORD });
    expect(again.body.requiredActions).toContain('change_password');
    // Her new password is refused with the rules the screen lists: the minimum length and an uppercase letter.
    const refused = await mona.client.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'no capitals in it 7' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'user.password_invalid', field: 'body.newPassword' });
    expect(refused.body.rules).toEqual(expect.arrayContaining(['minLength', 'upper']));
    const fits = await mona.client.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'Thirty characters or more, fine' });
    expect(fits.status).toBe(200);
    expectNoBrowserErrors(page);
  });

  it('Terms: a version is published and shown as current with its time; a published version keeps its text (seed 002)', async () => {
    await sub('Terms').click();
    await page.getByText('No terms published yet.').waitFor();
    await page.getByLabel('Version', { exact: true }).fill('2026-11');
    await page.getByLabel('Terms text', { exact: true }).fill('Be kind to the data of others.\nReport what looks wrong.');
    await page.getByRole('button', { name: 'Publish terms' }).click();
    await page.getByText('Version 2026-11 is published. Members accept it at their next sign-in.').waitFor();
    const current = page.locator('.facts');
    await current.getByText('2026-11').waitFor();
    const terms = await owner.client.get(`/api/v1/organizations/${org}/terms`);
    expect(terms.body).toMatchObject({ version: '2026-11', text: 'Be kind to the data of others.\nReport what looks wrong.', publishedBy: owner.user.id });
    expect(await current.locator('time').getAttribute('datetime')).toBe(terms.body.publishedAt);

    await page.getByLabel('Version', { exact: true }).fill('2026-11');
    await page.getByLabel('Terms text', { exact: true }).fill('Another text');
    await page.getByRole('button', { name: 'Publish terms' }).click();
    await expect.poll(() => invalid('Version')).toBe('true');
    await page.getByText('was published already').waitFor();
    await checkScreen(page, 'settings-terms');
    // Mona accepts them (her session began before they were published), for the audit log below.
    expect((await mona.client.post('/api/v1/me/terms/accept', { termsId: terms.body.id })).status).toBe(200);
    expectNoBrowserErrors(page);
  });

  it('API keys: created with a permission, the secret read once from the page works over HTTP, and revoked it is refused', async () => {
    await sub('API keys').click();
    await page.getByText('No API keys yet.').waitFor();
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect.poll(() => invalid('Key name')).toBe('true');

    await page.getByLabel('Key name', { exact: true }).fill('billing sync');
    await page.getByRole('checkbox', { name: /^authz\.check/ }).check();
    const nextYear = new Date().getFullYear() + 1;
    await page.getByLabel('Expires on', { exact: true }).fill(`${nextYear}-06-30`);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByLabel('New API key');
    await secret.waitFor();
    await page.getByText('Copy this key now: it is shown this once.').waitFor();
    const key = await secret.inputValue();
    expect(key).toMatch(/^rst_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await checkScreen(page, 'settings-api-key-secret');
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('status').filter({ hasText: /Copied|selected/ }).waitFor();

    const check = () => fetch(`${world.server.url}/api/v1/organizations/${org}/authz/check`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: mona.user.id, permission: 'members.read' }),
    });
    const answer = await check();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ allowed: true, reason: 'role:member' });

    await page.getByRole('button', { name: 'I have stored the key' }).click();
    const row = page.getByRole('row').filter({ hasText: 'billing sync' });
    await row.waitFor();
    await row.getByText(key.slice(0, 16), { exact: true }).waitFor();
    await row.getByText('authz.check', { exact: true }).waitFor();
    // Used just now over HTTP, and expiring at the end of the day chosen.
    const [listed] = (await owner.client.get(`/api/v1/organizations/${org}/api-keys`)).body.items;
    expect(listed).toMatchObject({ name: 'billing sync', prefix: key.slice(0, 16), permissions: ['authz.check'] });
    expect(new Date(listed.expiresAt).getFullYear()).toBe(nextYear);
    expect(listed.lastUsedAt).not.toBeNull();
    await expect.poll(() => row.locator('time').first().getAttribute('datetime')).toBe(listed.lastUsedAt);
    expect(await row.locator('time').nth(1).getAttribute('datetime')).toBe(listed.expiresAt);
    // Shown once: nothing on the page holds the secret any more.
    expect(await page.content()).not.toContain(key.slice(17));
    await checkScreen(page, 'settings-api-keys');

    await row.getByRole('button', { name: 'Revoke billing sync' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText(/The key billing sync \(rst_[0-9a-f]{12}\) was revoked/).waitFor();
    await page.getByText('No API keys yet.').waitFor();
    const refused = await check();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'auth.invalid_api_key' });
    expectNoBrowserErrors(page);
  });

  it('API keys: only permissions the admin holds can be chosen', async () => {
    await kim.goto(`/organizations/${org}/settings/api-keys`);
    await kim.getByRole('checkbox', { name: /^api_keys\.manage/ }).waitFor();
    const offered = await kim.getByRole('group', { name: 'Permissions' }).getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.parentElement?.querySelector('code')?.textContent));
    expect(offered.sort()).toEqual(['api_keys.manage', 'members.read']);
    // Settings they can not manage are shown read-only, and the audit log they can not read says so.
    await kim.goto(`/organizations/${org}/settings/security`);
    await kim.getByText('Only members with the permission to manage settings can change these').waitFor();
    expect(await kim.getByLabel('Minimum length', { exact: true }).isDisabled()).toBe(true);
    await kim.goto(`/organizations/${org}/audit-log`);
    await kim.getByRole('alert').getByText('audit.read').waitFor();
    expect(await kim.getByLabel('Action', { exact: true }).count()).toBe(0);
    await checkScreen(kim, 'audit-log-forbidden');
    expectNoBrowserErrors(kim);
  });

  it('Audit log: newest first, filtered by action and by actor, each event with the actor\'s name and its before/after (seed 000)', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const events = page.locator('.audit-event');
    await events.first().waitFor();
    // Newest first, as the API lists them.
    const all = await owner.client.get(`/api/v1/organizations/${org}/audit-events`);
    expect(await events.first().locator('.audit-action').textContent()).toBe(all.body.items[0].action);
    await checkScreen(page, 'audit-log');

    await page.getByLabel('Action', { exact: true }).fill('organization.updated');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => (await events.locator('.audit-action').allTextContents()).every((a) => a === 'organization.updated')).toBe(true);
    const updates = await owner.client.get(`/api/v1/organizations/${org}/audit-events?action=organization.updated`);
    await expect.poll(() => events.count()).toBe(updates.body.items.length);
    // The Security save, as before → after: only the fields that changed.
    const security = events.filter({ hasText: 'settings › password policy › min length' });
    const minLength = security.getByRole('row', { name: /min length/ });
    expect(await minLength.getByRole('cell').allTextContents()).toEqual(['12', '30']);
    expect(await security.getByRole('row', { name: /require upper/ }).getByRole('cell').allTextContents()).toEqual(['no', 'yes']);
    expect(await security.getByRole('row', { name: /session idle minutes/ }).getByRole('cell').allTextContents()).toEqual(['—', '120']);
    expect(await security.locator('.audit-actor').textContent()).toBe('sette Tester');
    await checkScreen(page, 'audit-log-by-action');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Actor' }).fill('mon');
    await page.getByRole('option', { name: /mona Member/ }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => (await events.locator('.audit-actor').allTextContents()).every((a) => a === 'mona Member')).toBe(true);
    const byMona = await owner.client.get(`/api/v1/organizations/${org}/audit-events?actor=${mona.user.id}`);
    expect(byMona.body.items.map((e: { action: string }) => e.action)).toContain('terms.accepted');
    await expect.poll(() => events.count()).toBe(byMona.body.items.length);
    const accepted = events.filter({ hasText: 'terms.accepted' });
    expect(await accepted.getByRole('row', { name: /^version/ }).getByRole('cell').allTextContents()).toEqual(['—', '2026-11']);
    await checkScreen(page, 'audit-log-by-actor');

    await page.getByLabel('Action', { exact: true }).fill('nothing.happened');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No event matches these filters.').waitFor();
    expectNoBrowserErrors(page);
  });

  it('Audit log: pages of 50 with Load more, a time range, and an event\'s own buttons narrow the log to its target', async () => {
    for (let i = 0; i < 55; i++) expect((await owner.client.patch(`/api/v1/organizations/${org}`, { name: `Sette Co ${i}` })).status).toBe(200);
    await page.goto(`/organizations/${org}/audit-log`);
    const events = page.locator('.audit-event');
    await expect.poll(() => events.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    const total = (await owner.client.get(`/api/v1/organizations/${org}/audit-events?limit=200`)).body.items.length;
    await expect.poll(() => events.count()).toBe(total);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    // A time range: nothing from next year on; everything from yesterday to tomorrow.
    const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const day = 24 * 3600_000;
    await page.getByLabel('From', { exact: true }).fill(local(new Date(Date.now() + 365 * day)));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No event matches these filters.').waitFor();
    await page.getByLabel('From', { exact: true }).fill(local(new Date(Date.now() - day)));
    await page.getByLabel('To', { exact: true }).fill(local(new Date(Date.now() + day)));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => events.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => events.count()).toBe(total);
    // Cleared, the log is the one loaded before, every page of it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => events.count()).toBe(total);
    // Mona's row: narrow to events about her.
    const added = events.filter({ hasText: 'member.added' }).last();
    await added.getByRole('button', { name: /^Only about/ }).click();
    const aboutMona = await owner.client.get(`/api/v1/organizations/${org}/audit-events?target=${mona.user.id}`);
    await expect.poll(() => events.count()).toBe(aboutMona.body.items.length);
    expectNoBrowserErrors(page);
  });

  it('works at phone width: Settings and the Audit log fit 390 px', async () => {
    for (const [path, name] of [['settings/security', 'settings-security-phone'], ['settings/api-keys', 'settings-api-keys-phone'], ['settings/terms', 'settings-terms-phone'], ['audit-log', 'audit-log-phone']] as const) {
      await phone.goto(`/organizations/${org}/${path}`);
      await phone.locator(path === 'audit-log' ? '.audit-event' : '.settings-panel form').first().waitFor();
      await checkScreen(phone, name);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }
    // On a phone the audit log's filters are folded under "Filters", so the events come first.
    expect(await phone.getByLabel('Action', { exact: true }).isVisible()).toBe(false);
    await phone.getByText('Filters', { exact: true }).click();
    await phone.getByLabel('Action', { exact: true }).waitFor();
    await checkScreen(phone, 'audit-log-filters-phone');
    // The sub-pages are reachable by keyboard: Tab to a sub-page link and Enter follows it.
    await phone.goto(`/organizations/${org}/settings/organization`);
    await phone.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Security' }).focus();
    await phone.keyboard.press('Enter');
    await phone.waitForURL(`**/organizations/${org}/settings/security`);
    expectNoBrowserErrors(phone);
  });
});
