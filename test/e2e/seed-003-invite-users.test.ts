/**
 * Seed 003's Invite Users in the console, click by click: "Click the Invite New Users button", enter
 * a comma-separated list of addresses, choose a role — the Partner role shows "Select Partner" —
 * select additional permissions (Partner users can only be granted Access to Issue Comments), write a
 * note to invitees, and see each address's outcome. The invitation is checked through the API and
 * the email over real SMTP (test/support/smtp.ts). Then the Invitations page: resend (seed 004, a
 * second email), revoke after a confirmation, and a bounced address with the mail server's reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signUp, type SignedUp } from '../support/server.js';
import { startSmtpServer, waitUntil, type TestSmtp } from '../support/smtp.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

const PARTNERS = [{ id: 'p1', name: 'Acme Freight' }, { id: 'p2', name: 'Bolt Logistics' }, { id: 'p3', name: 'Cargo Lines' }];

describe('seed 003: inviting users in the console, with email over SMTP', () => {
  let smtp: TestSmtp;
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;
  const org = () => `/api/v1/organizations/${owner.organization.id}`;
  const invitationOf = async (email: string) => {
    const res = await owner.client.get(`${org()}/invitations?limit=200`);
    expect(res.status).toBe(200);
    return (res.body.items as any[]).find((i) => i.email === email);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer({ reject: /^bounce/i });
    world = await startConsole({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50' });
    owner = await signUp(world.server, 'invitia', 'Invitia Ventures');
    // Seed 003's setup, as the host application would make it through the API: the Partner and
    // Normal roles, the partner resource type, the three permissions, and the partners themselves.
    expect((await owner.client.post(`${org()}/templates/partner-network`)).status).toBe(200);
    expect((await owner.client.put(`${org()}/resource-types/partner/resources`, { items: PARTNERS })).status).toBe(200);
    await addUser(owner, { username: 'membermia' });
    page = await world.open();
    await signInThroughConsole(page, 'invitia');
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  const form = () => page.locator('form.invite-form');
  const results = () => page.getByRole('region', { name: 'Results' });
  const resultOf = (address: string) => results().getByRole('row', { name: new RegExp(`^${address.replace(/[.]/g, '\\.')}`) });

  it('Invite New Users on the Users page opens the Invite Users form; Partner shows Select Partner and only Access to Issue Comments (seed 003)', async () => {
    await page.getByRole('link', { name: 'Invite New Users' }).click();
    await page.getByRole('heading', { name: 'Invite Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${owner.organization.id}/invitations/new`);
    const role = form().getByLabel('Role');
    // Normal users can be granted any of the three permissions; no partner has to be picked.
    await role.selectOption({ label: 'Normal' });
    for (const permission of ['Access to Integrations', 'Access to Issue Comments', 'Allowed to Reprocess Messages']) {
      await form().getByRole('checkbox', { name: new RegExp(`^${permission}`) }).waitFor();
    }
    expect(await form().getByRole('button', { name: 'Select Partner' }).count()).toBe(0);
    // "Admin users have all of these permissions by default."
    await role.selectOption({ label: 'Admin' });
    await form().getByText('Admin users have all of these permissions by default.').waitFor();
    expect(await form().getByRole('checkbox').count()).toBe(0);
    // "When you select this role, the Select Partner link displays."
    await role.selectOption({ label: 'Partner' });
    await form().getByRole('button', { name: 'Select Partner' }).waitFor();
    // "Partner users can only be granted Access to Issue Comments."
    await form().getByRole('checkbox', { name: /^Access to Issue Comments/ }).waitFor();
    expect(await form().getByRole('checkbox', { name: /^Access to Integrations/ }).count()).toBe(0);
    expect(await form().getByRole('checkbox', { name: /^Allowed to Reprocess Messages/ }).count()).toBe(0);
    await checkScreen(page, 'invite-users');
    expectNoBrowserErrors(page);
  });

  it('a Partner invitation without its partner is refused, and the API\'s message stands in the Partner group (seed 003 "access to only one partner")', async () => {
    await form().getByLabel('Email addresses').fill('nopartner@example.com');
    await form().getByRole('button', { name: 'Invite', exact: true }).click();
    const partnerGroup = form().getByRole('group', { name: /^Partner/ });
    await partnerGroup.locator('.field-error').waitFor();
    expect(await partnerGroup.locator('.field-error').textContent()).toMatch(/partner/i);
    expect(await invitationOf('nopartner@example.com')).toBeUndefined();
  });

  it('invites a comma-separated list as Partner with a selected partner, an extra permission and a note; each address shows its outcome (seed 003)', async () => {
    await form().getByLabel('Email addresses').fill('ana@example.com, bo@example.com; not-an-address\nmembermia@example.com');
    await form().getByRole('button', { name: 'Select Partner' }).click();
    await form().getByRole('radio', { name: 'Bolt Logistics' }).check();
    await form().getByText('Selected: Bolt Logistics').waitFor();
    await form().getByRole('checkbox', { name: /^Access to Issue Comments/ }).check();
    await form().getByLabel('Note to invitees').fill('Welcome aboard: Bolt Logistics is yours to follow.');
    await form().getByRole('button', { name: 'Invite 4 users' }).click();

    await results().waitFor();
    expect(await resultOf('ana@example.com').textContent()).toContain('Invited');
    expect(await resultOf('bo@example.com').textContent()).toContain('Invited');
    expect(await resultOf('not-an-address').textContent()).toContain('Invalid address');
    expect(await resultOf('membermia@example.com').textContent()).toContain('Already a member');
    await results().getByText('2 of 4 addresses were invited; the others are listed with the reason.').waitFor();
    // What needs fixing stays in the box.
    expect(await form().getByLabel('Email addresses').inputValue()).toBe('not-an-address');
    await checkScreen(page, 'invite-users-results');

    // The invitation as the API keeps it: role, the one partner, the extra permission, the note.
    const ana = await invitationOf('ana@example.com');
    expect(ana).toMatchObject({
      status: 'pending', role: 'partner', permissions: ['issue_comments.access'], resources: { partner: ['p2'] },
      note: 'Welcome aboard: Bolt Logistics is yours to follow.', sendCount: 1,
    });
    // "Text you enter in this field is included in the email the invitees receive."
    const mail = await smtp.waitFor((m) => m.to.includes('ana@example.com'), 10_000, 'the invitation to ana');
    expect(mail.subject).toContain('Invitia Ventures');
    expect(mail.text).toContain('Welcome aboard: Bolt Logistics is yours to follow.');
    expect(mail.text).toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}/);
    await smtp.waitFor((m) => m.to.includes('bo@example.com'), 10_000, 'the invitation to bo');
    // The member already had their welcome email when added; no invitation follows it.
    expect(smtp.to('membermia@example.com').filter((m) => m.subject.includes('invited you'))).toEqual([]);

    // Inviting a pending address again says so and sends it again.
    await form().getByLabel('Email addresses').fill('ana@example.com');
    await form().getByRole('button', { name: 'Invite', exact: true }).click();
    await resultOf('ana@example.com').getByText('Already invited: sent again with a new link').waitFor();
    await waitUntil(() => smtp.to('ana@example.com').length === 2, 10_000, 'the second invitation to ana');
    expectNoBrowserErrors(page);
  });

  it('the Invitations page lists the pending invitations; Resend sends a second email with a new link (seed 004)', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Invitations' });
    const row = (address: string) => table.getByRole('row', { name: new RegExp(`^${address.replace(/[.]/g, '\\.')}`) });
    await row('bo@example.com').getByText('Pending').waitFor();
    expect(await row('bo@example.com').textContent()).toContain('Partner');
    await checkScreen(page, 'invitations');

    const before = smtp.to('bo@example.com').length;
    await row('bo@example.com').getByRole('button', { name: 'Resend the invitation to bo@example.com' }).click();
    await page.getByText('The invitation to bo@example.com was sent again with a new link.').waitFor();
    await waitUntil(() => smtp.to('bo@example.com').length === before + 1, 10_000, 'the resent invitation to bo');
    const [first, second] = smtp.to('bo@example.com').slice(-2);
    const link = (text: string) => /\/invitations\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link(second!.text)).toBeDefined();
    expect(link(second!.text)).not.toBe(link(first!.text));
    expect((await invitationOf('bo@example.com')).sendCount).toBe(2);
    await row('bo@example.com').getByText('(2×)').waitFor();
    expectNoBrowserErrors(page);
  });

  it('Revoke asks first; Cancel keeps the invitation, Revoke ends its link', async () => {
    const table = page.getByRole('table', { name: 'Invitations' });
    const row = table.getByRole('row', { name: /^bo@example\.com/ });
    const dialog = page.getByRole('alertdialog');
    await row.getByRole('button', { name: 'Revoke the invitation to bo@example.com' }).click();
    await dialog.getByRole('heading', { name: 'Revoke the invitation to bo@example.com?' }).waitFor();
    await checkScreen(page, 'invitations-revoke-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await invitationOf('bo@example.com')).status).toBe('pending');

    await row.getByRole('button', { name: 'Revoke the invitation to bo@example.com' }).click();
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('The invitation to bo@example.com was revoked; its link no longer works.').waitFor();
    await row.getByText('Revoked').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect((await invitationOf('bo@example.com')).status).toBe('revoked');
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(smtp.to('bo@example.com').at(-1)!.text)![1];
    expect((await world.server.client().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expectNoBrowserErrors(page);
  });

  it('a bounced invitation shows the mail server\'s reason, under the Bounced filter too (seed 004)', async () => {
    const bad = 'bounce-ivo@example.com';
    expect((await owner.client.post(`${org()}/invitations`, { emails: bad, role: 'member' })).status).toBe(201);
    await waitUntil(async () => (await invitationOf(bad))?.status === 'bounced', 10_000, 'the invitation marked bounced');
    const reason = (await invitationOf(bad)).bounceReason as string;
    expect(reason).toMatch(/^550 5\.1\.1 .*User unknown/);

    await page.reload();
    await page.getByLabel('Status').selectOption({ label: 'Bounced' });
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect.poll(async () => table.locator('tbody tr').count()).toBe(1);
    const row = table.getByRole('row', { name: /^bounce-ivo@example\.com/ });
    await row.getByText('Bounced').waitFor();
    await row.getByText(reason).waitFor();
    // A bounced invitation can be sent again (seed 004) or revoked.
    await row.getByRole('button', { name: `Resend the invitation to ${bad}` }).waitFor();
    await checkScreen(page, 'invitations-bounced');

    await page.getByLabel('Status').selectOption({ label: 'Revoked' });
    await table.getByRole('row', { name: /^bo@example\.com/ }).waitFor();
    expect(await table.getByRole('row', { name: /^bounce-ivo/ }).count()).toBe(0);
    expectNoBrowserErrors(page);
  });

  it('an invitation whose link ran out is listed as Expired and can be sent again (seed 004)', async () => {
    // A week's wait, skipped: the stored expiry is moved into the past.
    const ana = await invitationOf('ana@example.com');
    await world.server.database.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', ana.id).execute();
    expect((await invitationOf('ana@example.com')).status).toBe('expired');

    await page.getByLabel('Status').selectOption({ label: 'Expired' });
    const table = page.getByRole('table', { name: 'Invitations' });
    const row = table.getByRole('row', { name: /^ana@example\.com/ });
    await row.getByText('Expired').waitFor();
    await expect.poll(async () => table.locator('tbody tr').count()).toBe(1);
    await row.getByRole('button', { name: 'Resend the invitation to ana@example.com' }).click();
    await page.getByText('The invitation to ana@example.com was sent again with a new link.').waitFor();
    await table.waitFor({ state: 'detached' });
    await page.getByText('No invitations with this status.').waitFor();
    expect(await invitationOf('ana@example.com')).toMatchObject({ status: 'pending', sendCount: 3 });
    expectNoBrowserErrors(page);
  });

  it('the Invite Users form works at phone width (390×844)', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'invitia');
    await phone.goto(`/organizations/${owner.organization.id}/invitations/new`);
    await phone.getByRole('heading', { name: 'Invite Users', level: 1 }).waitFor();
    await phone.getByLabel('Role').selectOption({ label: 'Partner' });
    await phone.getByRole('button', { name: 'Select Partner' }).click();
    await phone.getByRole('radio', { name: 'Acme Freight' }).check();
    await phone.getByLabel('Email addresses').fill('cyd@example.com');
    // Nothing sticks out sideways at phone width.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(phone, 'invite-users-phone');
    await phone.getByRole('button', { name: 'Invite', exact: true }).click();
    await phone.getByRole('region', { name: 'Results' }).getByText('Invited').waitFor();
    expect(await invitationOf('cyd@example.com')).toMatchObject({ role: 'partner', resources: { partner: ['p1'] } });

    // The Invitations list keeps address, role, status and actions on a phone.
    await phone.getByRole('link', { name: 'Invitations' }).first().click();
    const row = phone.getByRole('table', { name: 'Invitations' }).getByRole('row', { name: /^cyd@example\.com/ });
    await row.getByRole('button', { name: 'Revoke the invitation to cyd@example.com' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(phone, 'invitations-phone');
    expectNoBrowserErrors(phone);
  });
});
