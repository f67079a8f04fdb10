/**
 * The Mailbox in a browser. With no SMTP server configured Roster keeps the organization's email:
 * the page lists it (to, subject, time), opens a message with its links clickable, and those links
 * are the real ones — an invitation accepted and a password reset used through them. With SMTP
 * configured the page says mail is delivered, and it is: the test's SMTP server receives it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, PASSWORD, type SignedUp } from '../support/server.js';
import { startSmtpServer, type TestSmtp } from '../support/smtp.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, ownerInConsole, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

/** The first address in a message's text that goes to `path` on the server, and its token. */
async function linkTo(page: Page, baseUrl: string, path: string): Promise<{ href: string; token: string }> {
  const link = page.getByRole('article').getByRole('link', { name: new RegExp(`/${path}/`) });
  const href = (await link.getAttribute('href'))!;
  const match = new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${path}/([A-Za-z0-9_-]+)$`).exec(href);
  expect(match, href).not.toBeNull();
  return { href, token: match![1]! };
}

describe('Mailbox, with no SMTP server configured', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;

  beforeAll(async () => {
    world = await startConsole();
    ({ owner, page } = await ownerInConsole(world, 'mona'));
  });
  afterAll(async () => world?.close());

  const messages = () => page.getByRole('table', { name: 'Messages, newest first' });
  const org = () => `/api/v1/organizations/${owner.organization.id}`;

  it('is empty until the organization sends email, and says why mail is kept here', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Mailbox' }).click();
    await page.getByRole('heading', { name: 'Mailbox', level: 1 }).waitFor();
    await page.getByText('No email yet.').waitFor();
    await page.getByText('No SMTP server is configured').waitFor();
    await checkScreen(page, 'mailbox-empty');
    expectNoBrowserErrors(page);
  });

  it('lists an invitation Roster sent (to, subject, time) and opens it; its link is the invitation\'s and works', async () => {
    const invited = await owner.client.post(`${org()}/invitations`, { emails: 'ivan@example.com', role: 'member', note: 'Welcome to the team' });
    expect(invited.body.results[0].status).toBe('invited');

    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = messages().getByRole('row').filter({ hasText: 'ivan@example.com' });
    await row.getByRole('link', { name: 'mona Tester invited you to Mona Ventures on Roster' }).waitFor();
    expect(await row.locator('time').count()).toBe(1);
    await row.getByRole('link').click();
    await page.waitForURL(/\/mailbox\/[^/]+$/);
    const message = page.getByRole('article');
    await message.getByRole('heading', { name: 'mona Tester invited you to Mona Ventures on Roster' }).waitFor();
    await message.getByText('Welcome to the team').waitFor();
    await checkScreen(page, 'mailbox-message');

    const { token } = await linkTo(page, world.server.url, 'invitations');
    // The link is the invitation's own: the invitee's side of the API knows it, and accepting through it joins.
    const invitation = await world.server.client().get(`/api/v1/invitations/${token}`);
    expect(invitation.status).toBe(200);
    expect(invitation.body).toMatchObject({ email: 'ivan@example.com', organization: { name: 'Mona Ventures' }, note: 'Welcome to the team' });
    const accepted = await world.server.client().post(`/api/v1/invitations/${token}/accept`, { username: 'ivan', password: PASSWORD, firstName: 'Ivan', lastName: 'Invitee' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.created).toBe(true);
    expectNoBrowserErrors(page);
  });

  it('shows a password reset email with a link that resets the password, and filters by recipient', async () => {
    const ivan = (await owner.client.get(`${org()}/members?q=ivan`)).body.items[0];
    expect((await owner.client.post(`${org()}/members/${ivan.userId}/password-reset`)).status).toBe(202);
    await owner.client.post(`${org()}/invitations`, { emails: 'zoe@example.com', role: 'member' });

    await page.goto(`/organizations/${owner.organization.id}/mailbox`);
    await messages().getByText('zoe@example.com').waitFor();
    await page.getByLabel('Recipient').fill('IVAN@example.com');
    await expect.poll(() => messages().locator('tbody tr').count()).toBe(2);
    expect(await messages().getByText('zoe@example.com').count()).toBe(0);
    // Newest first: the reset, then the invitation.
    const subjects = await messages().locator('tbody a').allTextContents();
    expect(subjects[1]).toMatch(/invited you/);
    await messages().locator('tbody a').first().click();
    await page.getByRole('article').getByRole('heading', { name: subjects[0] }).waitFor();

    const { token } = await linkTo(page, world.server.url, 'reset-password');
    const reset = await world.server.client().post(`/api/v1/password-resets/${token}`, { newPassword: 'a brand new passphrase 9' });
    expect(reset.status).toBe(204);
    expect((await world.server.client().post('/api/v1/session', { login: 'ivan', password: 'a brand new passphrase 9' })).status).toBe(200);
    expectNoBrowserErrors(page);
  });

  it('on a phone the open message replaces the list, with a way back', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'mona');
    await phone.goto(`/organizations/${owner.organization.id}/mailbox`);
    const table = phone.getByRole('table', { name: 'Messages, newest first' });
    await table.getByText('zoe@example.com').waitFor();
    await checkScreen(phone, 'mailbox-phone');
    // Ivan's newest message is the password reset.
    await table.getByRole('row').filter({ hasText: 'ivan@example.com' }).first().getByRole('link').click();
    await phone.getByRole('article').getByRole('link', { name: /\/reset-password\// }).waitFor();
    expect(await table.isVisible()).toBe(false);
    await checkScreen(phone, 'mailbox-message-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await phone.getByRole('link', { name: 'Back to Mailbox' }).click();
    await table.waitFor();
    expectNoBrowserErrors(phone);
  });

  it('is for members who manage settings: a plain member is told so, as the API answers', async () => {
    await addMember(world.server, owner, 'member', 'milo');
    const memberPage = await world.open();
    await signInThroughConsole(memberPage, 'milo');
    await memberPage.goto(`/organizations/${owner.organization.id}/mailbox`);
    await memberPage.getByRole('alert').waitFor();
    const answer = await memberPage.evaluate(`fetch('/api/v1/organizations/${owner.organization.id}/mailbox').then((r) => r.json())`) as { status: number; detail: string };
    expect(answer.status).toBe(403);
    expect(await memberPage.getByRole('alert').textContent()).toContain(answer.detail);
    expect(await memberPage.getByRole('table').count()).toBe(0);
  });
});

describe('Mailbox, with an SMTP server configured', () => {
  let smtp: TestSmtp;
  let world: ConsoleWorld;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    world = await startConsole({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50' });
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  it('says mail is delivered and the mailbox is not used; the API closes it, and the email reaches the SMTP server', async () => {
    const { owner, page } = await ownerInConsole(world, 'sam');
    const invited = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/invitations`, { emails: 'rita@example.com', role: 'member' });
    expect(invited.body.results[0].status).toBe('invited');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Mailbox' }).click();
    await page.getByRole('heading', { name: 'Mail is delivered' }).waitFor();
    await page.getByText(/The mailbox, which keeps the email when no SMTP server is configured, is not used/).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await checkScreen(page, 'mailbox-smtp');

    const answer = await owner.client.get(`/api/v1/organizations/${owner.organization.id}/mailbox`);
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('mailbox.smtp_configured');
    const received = await smtp.waitFor((m) => m.to.includes('rita@example.com'));
    expect(received.subject).toBe('sam Tester invited you to Sam Ventures on Roster');
    expectNoBrowserErrors(page);
  });
});
