/**
 * The invitee's side in a browser: an invitation created through the API reaches its address over
 * real SMTP, the link is taken from the email's body and followed in Chromium. A new address creates
 * its account there (the organization's password rules listed one by one under the field); an
 * address that already has an account, in another organization, joins with its one password (seed
 * 004). Used, revoked and expired links get a page that says so. The accept page is checked at
 * phone width too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD, signIn, signUp, type SignedUp } from '../support/server.js';
import { startSmtpServer, type TestSmtp } from '../support/smtp.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, startConsole, type ConsoleWorld } from './support/console.js';

const NEW_PASSWORD = 'Correct Horse Battery 7!';

describe('accepting an invitation from its email (seeds 003, 004)', () => {
  let smtp: TestSmtp;
  let world: ConsoleWorld;
  let owner: SignedUp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    world = await startConsole({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50' });
    owner = await signUp(world.server, 'astrid', 'Acme Rockets');
    // Seed 004: "you can define the password complexity for the users' passwords".
    const policy = await owner.client.patch(`/api/v1/organizations/${owner.organization.id}`, {
      settings: { passwordPolicy: { requireUpper: true, requireDigit: true, requireSymbol: true } },
    });
    expect(policy.status).toBe(200);
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  async function invite(email: string, note: string | null = null): Promise<string> {
    const res = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/invitations`, { emails: email, role: 'member', note });
    expect(res.status).toBe(201);
    expect(res.body.results).toMatchObject([{ email, status: 'invited' }]);
    return res.body.results[0].invitationId;
  }

  /** The link in the text body of the latest invitation email to `email`, as the invitee would click it. */
  async function linkFromEmail(email: string, count = 1): Promise<string> {
    const invitations = () => smtp.to(email).filter((m) => m.subject.includes('invited you'));
    await smtp.waitUntil(() => invitations().length >= count, 10_000, `invitation email ${count} to ${email}`);
    const mail = invitations().at(-1)!;
    expect(mail.subject).toBe('astrid Tester invited you to Acme Rockets on Roster');
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();
    expect(mail.html).toContain(link);
    return link!;
  }

  const members = async () => (await owner.client.get(`/api/v1/organizations/${owner.organization.id}/members?limit=100`)).body.items as Array<Record<string, unknown>>;

  async function expectInOrganization(page: Page): Promise<void> {
    await page.waitForURL(`**/organizations/${owner.organization.id}/members`);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    // The organization's name is in the top bar, which leaves it out at phone width.
    if ((page.viewportSize()?.width ?? 0) > PHONE.width) await page.getByRole('banner').getByText('Acme Rockets').waitFor();
  }

  it('a new address: the email\'s link shows organization, inviter, role and note; the account is created there, every unmet password rule listed', async () => {
    await invite('nina@example.com', 'Welcome aboard!\nWe launch on Friday.');
    const link = await linkFromEmail('nina@example.com');
    const page = await world.open();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Acme Rockets', level: 1 }).waitFor();
    const facts = page.locator('dl.invitation-facts');
    expect(await facts.innerText()).toMatch(/Organization\s+Acme Rockets\s+Invited by\s+astrid Tester\s+Role\s+Member/);
    await page.getByText('We launch on Friday.').waitFor();
    await page.getByText('nina@example.com', { exact: true }).waitFor();
    await checkScreen(page, 'invitation-accept-new');

    await page.getByLabel('First Name').fill('Nina');
    await page.getByLabel('Last Name').fill('Nakamura');
    await page.getByLabel('User Name').fill('nina');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account and accept' }).click();
    // Seed 004's complexity: length, upper case, digit and symbol, each its own line under the field.
    const rules = page.locator('.field-invalid .field-error-list li');
    await expect.poll(() => rules.count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    const listed = (await rules.allInnerTexts()).join('\n');
    for (const rule of [/at least 12 characters/i, /upper/i, /digit/i, /neither a letter nor a digit|symbol/i]) expect(listed).toMatch(rule);
    await checkScreen(page, 'invitation-accept-password-rules');
    expect((await members()).some((m) => m.username === 'nina')).toBe(false);

    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create account and accept' }).click();
    await expectInOrganization(page);
    expect((await members()).find((m) => m.username === 'nina')).toMatchObject({ email: 'nina@example.com', firstName: 'Nina', lastName: 'Nakamura', role: 'member', status: 'active' });
    expectNoBrowserErrors(page);

    // The link works once: the next visitor gets a page saying so, not a form.
    const again = await world.open();
    await again.goto(link);
    await again.getByRole('heading', { name: 'This invitation link is not valid', level: 1 }).waitFor();
    await checkScreen(again, 'invitation-used');
    expect(await again.getByLabel('Password').count()).toBe(0);
    expectNoBrowserErrors(again);
  });

  it('an existing user, member of another organization, signs in on the link\'s page with their one password and joins (seed 004), at phone width', async () => {
    const other = await signUp(world.server, 'boris', 'Beta Boats');
    await addUser(other, { username: 'dana', firstName: 'Dana', lastName: 'Doe' });
    await signIn(world.server, 'dana');
    await invite('dana@example.com', 'Join our launch team.');
    const link = await linkFromEmail('dana@example.com');

    const page = await world.open(PHONE);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Acme Rockets', level: 1 }).waitFor();
    await page.getByText('You already have a Roster account with this address').waitFor();
    expect(await page.getByLabel('User Name').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(page, 'invitation-accept-existing-phone');

    await page.getByLabel('Password').fill('not her password');
    await page.getByRole('button', { name: 'Sign in and accept' }).click();
    await page.getByRole('alert').waitFor();
    expect((await members()).some((m) => m.username === 'dana')).toBe(false);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in and accept' }).click();
    await expectInOrganization(page);
    expect((await members()).find((m) => m.username === 'dana')).toMatchObject({ email: 'dana@example.com', role: 'member', status: 'active' });
    // Still a member of Beta Boats, with one password for both: Acme's stricter rules now apply to it,
    // so her next sign-in asks her to change it (seed 004 "one password for all accounts").
    const inBeta = await other.client.get(`/api/v1/organizations/${other.organization.id}/members?q=dana`);
    expect(inBeta.body.items).toMatchObject([{ username: 'dana', status: 'active' }]);
    const again = await world.server.client().post('/api/v1/session', { login: 'dana', password: PASSWORD });
    expect(again.body.requiredActions).toEqual(['change_password']);
    expectNoBrowserErrors(page);
  });

  it('a user already signed in with the invited address accepts with one click; signed in as someone else, they are told and can sign out', async () => {
    const other = await signUp(world.server, 'carla', 'Carla Cars');
    await invite('carla@example.com');
    const link = await linkFromEmail('carla@example.com');
    const page = await world.open();
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill('nina');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    await page.goto(link);
    await page.getByRole('alert').getByText('You are signed in as nina (nina@example.com), but this invitation is for carla@example.com.').waitFor();
    await checkScreen(page, 'invitation-wrong-account');
    await page.getByRole('button', { name: 'Sign out and continue' }).click();
    // Signed out, the same link offers carla's own sign-in; she signs in first, then accepts with one click.
    await page.getByRole('button', { name: 'Sign in and accept' }).waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill('carla');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.goto(link);
    await page.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await checkScreen(page, 'invitation-accept-signed-in');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await expectInOrganization(page);
    expect((await members()).find((m) => m.username === 'carla')).toMatchObject({ role: 'member', status: 'active' });
    expect(other.organization.name).toBe('Carla Cars');
    expectNoBrowserErrors(page);
  });

  it('revoked and expired links get a page that says what happened and what to do', async () => {
    const revokedId = await invite('rita@example.com');
    const revokedLink = await linkFromEmail('rita@example.com');
    expect((await owner.client.delete(`/api/v1/organizations/${owner.organization.id}/invitations/${revokedId}`)).status).toBe(204);
    const page = await world.open();
    await page.goto(revokedLink);
    await page.getByRole('heading', { name: 'This invitation link is not valid', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();

    const expiredId = await invite('evan@example.com');
    const expiredLink = await linkFromEmail('evan@example.com');
    // Lifetimes are days long; the row's expiry is moved into the past rather than waited for.
    await world.server.database.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', expiredId).execute();
    await page.goto(expiredLink);
    await page.getByRole('heading', { name: 'This invitation has expired', level: 1 }).waitFor();
    await page.getByText('Ask the person who invited you to send the invitation again.').waitFor();
    await checkScreen(page, 'invitation-expired');
    expectNoBrowserErrors(page);
  });
});
