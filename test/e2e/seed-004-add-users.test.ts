/**
 * Seed 004's "Add Users" click by click in the console, with Roster sending mail to a real SMTP server
 * (test/support/smtp.ts): "going to the Users tab … and clicking on the New User button. Fill out the
 * user information and click Create" (the Users page's Add New, under the password complexity set in
 * Security); "Once added … a user will be sent an email invitation", whose link is taken from the
 * email's body and followed in the user's own browser; a refused address answered with "the
 * automatic email notification saying that the system didn't accept the email address", corrected and
 * sent again with "Resend Invite … to a user who never logged into his account … from the Users
 * section"; the invitation route beside it (Invite New Users, resent from Invitations: the first link
 * dead, the second working, the account set up there); and "If a user participates in a couple of
 * accounts, then he or she will use one password for all accounts". Every outcome is checked
 * through the API too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedUp } from '../support/server.js';
import { startSmtpServer, waitUntil, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { checkScreen } from './support/checks.js';
import { DESKTOP, expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

/** Fits the complexity the organization sets below: 12 characters, upper case, digit, symbol. */
const WALT_PASSWORD = 'Harbor Tablet 2026!';
const LENA_PASSWORD = 'Clipboard Signals 88#';

describe('seed 004: adding users in the console, with their invitation email over SMTP', () => {
  let smtp: TestSmtp;
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;
  let walt: { userId: string };
  const org = () => `/api/v1/organizations/${owner.organization.id}`;
  const memberNamed = async (admin: SignedUp, username: string) =>
    ((await admin.client.get(`/api/v1/organizations/${admin.organization.id}/members?q=${username}&limit=10`)).body.items as any[]).find((m) => m.username === username);

  beforeAll(async () => {
    smtp = await startSmtpServer({ reject: /^bounce/i });
    world = await startConsole({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50' });
    owner = await signUp(world.server, 'fiona', 'Fluix Field Ops');
    page = await world.open();
    await signInThroughConsole(page, 'fiona');
    // Seed 004: "you can define the password complexity for the users' passwords … in Configuration -> Security".
    // Set once fiona is signed in: her own password, from before, would be due for a change at her next sign-in.
    const policy = await owner.client.patch(org(), { settings: { passwordPolicy: { requireUpper: true, requireDigit: true, requireSymbol: true } } });
    expect(policy.status).toBe(200);
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  const details = () => page.getByRole('region', { name: /^User Details/ });
  const field = (label: string) => details().getByLabel(label, { exact: true });
  /** The latest message to `address` whose subject matches, once `count` of them arrived. */
  const mailTo = async (address: string, subject: RegExp, count = 1): Promise<ReceivedMail> => {
    const matching = () => smtp.to(address).filter((m) => subject.test(m.subject));
    await waitUntil(() => matching().length >= count, 10_000, `email ${count} to ${address} (${subject})`);
    return matching().at(-1)!;
  };
  /** The one link to the console in a message's text body, as the person would click it; the HTML button carries the same. */
  const linkIn = (mail: ReceivedMail, path: RegExp): string => {
    const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => path.test(new URL(url).pathname));
    expect(link, mail.text).toBeDefined();
    expect(mail.html).toContain(link!.replace(/&/g, '&amp;'));
    return link!;
  };

  it('Users → Add New, the user\'s information, Create: the organization\'s password complexity applies, then the user is added (seed 004 "How to Add a User")', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Add New' }).click();
    await details().getByText('New user').waitFor();
    await field('User Name').fill('walt');
    await field('First Name').fill('Walter');
    await field('Last Name').fill('Field');
    await field('Email').fill('walt@example.com');
    await field('Title').fill('Inspector');
    await field('New Password').fill('tablet');
    await details().getByRole('button', { name: 'Save' }).click();
    // Every rule of Security's complexity the password misses, under the field, which takes the focus.
    const rules = details().locator('.field-invalid .field-error-list li');
    await expect.poll(() => rules.count()).toBeGreaterThanOrEqual(4);
    expect(await field('New Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    expect(await memberNamed(owner, 'walt')).toBeUndefined();
    await checkScreen(page, 'seed-004-add-user-password-rules');

    await field('New Password').fill(WALT_PASSWORD);
    await details().getByRole('button', { name: 'Save' }).click();
    await page.getByText('walt was added.').waitFor();
    await page.waitForURL(/\/members\/[^/?]+$/);
    const added = await memberNamed(owner, 'walt');
    expect(added).toMatchObject({ email: 'walt@example.com', firstName: 'Walter', lastName: 'Field', title: 'Inspector', role: 'member', status: 'active', lastLoginAt: null });
    walt = added;
    // Never signed in yet: the details offer Resend Invite.
    await details().getByRole('button', { name: 'Resend Invite' }).waitFor();
    await checkScreen(page, 'seed-004-added-user');
    expectNoBrowserErrors(page);
  });

  it('the added user receives the invitation email over SMTP; its link, opened in their own browser, signs them in to the organization', async () => {
    const mail = await mailTo('walt@example.com', /added you to Fluix Field Ops/);
    expect(mail.subject).toBe('fiona Tester added you to Fluix Field Ops on Roster');
    expect(mail.text).toContain('Sign in with your username walt');
    expect(mail.text).toContain('You use the same password for every organization you belong to.');
    const link = linkIn(mail, /^\/sign-in$/);

    const own = await world.open();
    await own.goto(link);
    await own.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    // The link names the user: the login is filled in, the password is the one they were given.
    expect(await own.getByLabel('Username or email').inputValue()).toBe('walt');
    await checkScreen(own, 'seed-004-invitation-sign-in');
    await own.getByLabel('Password').fill(WALT_PASSWORD);
    await own.getByRole('button', { name: 'Sign in' }).click();
    await own.waitForURL(`**/organizations/${owner.organization.id}/members`);
    await own.getByRole('banner').getByText('Fluix Field Ops').waitFor();
    expect((await memberNamed(owner, 'walt')).lastLoginAt).not.toBeNull();
    expectNoBrowserErrors(own);

    // Having logged in, walt gets no more invitations: the button is gone and the API refuses.
    await page.reload();
    await field('Title').waitFor();
    expect(await details().getByRole('button', { name: 'Resend Invite' }).count()).toBe(0);
    const refused = await owner.client.post(`${org()}/members/${walt.userId}/resend-invitation`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invitation.resend_not_allowed');
  });

  it('an address the mail server refuses: the admin is emailed that it was not accepted, corrects it and uses Resend Invite on the Users page (seed 004)', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members/new`);
    await field('User Name').fill('kim');
    await field('First Name').fill('Kim');
    await field('Last Name').fill('Park');
    await field('Email').fill('bounce-kim@example.com');
    await field('New Password').fill(WALT_PASSWORD);
    await details().getByRole('button', { name: 'Save' }).click();
    await page.getByText('kim was added.').waitFor();

    // "you will receive the automatic email notification saying that the system didn't accept the email address"
    const notice = await mailTo('fiona@example.com', /could not deliver/);
    expect(notice.subject).toBe('We could not deliver your invitation to bounce-kim@example.com');
    expect(notice.text).toMatch(/550 5\.1\.1/);
    expect(smtp.refused).toContain('bounce-kim@example.com');
    const kim = await memberNamed(owner, 'kim');
    // The notice's link opens the user's details, where the address is double-checked.
    const link = linkIn(notice, new RegExp(`/members/${kim.userId}$`));
    await page.goto(link);
    await field('Email').fill('kim@example.com');
    await details().getByRole('button', { name: 'Save' }).click();
    await page.getByText('kim was saved.').waitFor();
    await details().getByText('kim has never signed in: Resend Invite emails the invitation again.').waitFor();
    await checkScreen(page, 'seed-004-resend-invite');
    await details().getByRole('button', { name: 'Resend Invite' }).click();
    await page.getByText('The invitation email was sent again to kim@example.com.').waitFor();

    const again = await mailTo('kim@example.com', /added you to Fluix Field Ops/);
    expect(again.text).toContain('Sign in with your username kim');
    expect(await memberNamed(owner, 'kim')).toMatchObject({ email: 'kim@example.com', lastLoginAt: null });
    const audit = await owner.client.get(`${org()}/audit-events?action=member.invitation_resent`);
    expect(audit.body.items).toMatchObject([{ action: 'member.invitation_resent', targetId: kim.userId, after: { email: 'kim@example.com' } }]);
    // Resent once more, a second email: each click is one email.
    await details().getByRole('button', { name: 'Resend Invite' }).click();
    await mailTo('kim@example.com', /added you to Fluix Field Ops/, 2);

    // On a phone the details replace the list, and Resend Invite is within reach without scrolling sideways.
    // (fiona's own session, narrowed: signing in again would ask her to change the password the new policy outdated.)
    await page.setViewportSize(PHONE);
    await details().getByRole('button', { name: 'Resend Invite' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'seed-004-resend-invite-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);

    // Kim signs in from the email; the link works and Kim is in.
    const own = await world.open();
    await own.goto(linkIn(again, /^\/sign-in$/));
    await own.getByLabel('Password').fill(WALT_PASSWORD);
    await own.getByRole('button', { name: 'Sign in' }).click();
    await own.waitForURL(`**/organizations/${owner.organization.id}/members`);
    expectNoBrowserErrors(own);
    expectNoBrowserErrors(page);
  });

  it('the invitation route beside Add New: Invite New Users, resent from Invitations; the first link is dead, the second sets up the account and signs in', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members`);
    await page.getByRole('link', { name: 'Invite New Users' }).click();
    const form = page.locator('form.invite-form');
    await form.getByLabel('Email addresses').fill('lena@example.com');
    await form.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByRole('region', { name: 'Results' }).getByText('Invited').waitFor();
    const first = linkIn(await mailTo('lena@example.com', /invited you to Fluix Field Ops/), /^\/invitations\//);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('button', { name: 'Resend the invitation to lena@example.com' }).click();
    await page.getByText('The invitation to lena@example.com was sent again with a new link.').waitFor();
    const second = linkIn(await mailTo('lena@example.com', /invited you to Fluix Field Ops/, 2), /^\/invitations\//);
    expect(second).not.toBe(first);

    const own = await world.open();
    await own.goto(first);
    await own.getByRole('heading', { name: 'This invitation link is not valid', level: 1 }).waitFor();
    expect(await own.getByLabel('Password').count()).toBe(0);
    await checkScreen(own, 'seed-004-first-link-dead');

    await own.goto(second);
    await own.getByRole('heading', { name: 'Join Fluix Field Ops', level: 1 }).waitFor();
    await own.getByLabel('First Name').fill('Lena');
    await own.getByLabel('Last Name').fill('Lund');
    await own.getByLabel('User Name').fill('lena');
    await own.getByLabel('Password').fill(LENA_PASSWORD);
    await checkScreen(own, 'seed-004-invitation-set-up');
    await own.getByRole('button', { name: 'Create account and accept' }).click();
    await own.waitForURL(`**/organizations/${owner.organization.id}/members`);
    await own.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(await memberNamed(owner, 'lena')).toMatchObject({ email: 'lena@example.com', firstName: 'Lena', role: 'member', status: 'active' });
    expect((await memberNamed(owner, 'lena')).lastLoginAt).not.toBeNull();
    const invitation = ((await owner.client.get(`${org()}/invitations?limit=50`)).body.items as any[]).find((i) => i.email === 'lena@example.com');
    expect(invitation).toMatchObject({ status: 'accepted', sendCount: 2 });
    expectNoBrowserErrors(own);
    expectNoBrowserErrors(page);
  });

  it('one user in two organizations uses one password for both (seed 004 "a couple of accounts")', async () => {
    const other = await signUp(world.server, 'otto', 'Otto Logistics');
    const otto = await world.open();
    await signInThroughConsole(otto, 'otto');
    // The address already has a Roster account: Add New would make a second identity, so it is refused under Email.
    await otto.getByRole('link', { name: 'Add New' }).click();
    const ottoDetails = otto.getByRole('region', { name: /^User Details/ });
    await ottoDetails.getByLabel('User Name', { exact: true }).fill('walter2');
    await ottoDetails.getByLabel('First Name', { exact: true }).fill('Walter');
    await ottoDetails.getByLabel('Last Name', { exact: true }).fill('Field');
    await ottoDetails.getByLabel('Email', { exact: true }).fill('walt@example.com');
    await ottoDetails.getByLabel('New Password', { exact: true }).fill('Another Password 99!');
    await ottoDetails.getByRole('button', { name: 'Save' }).click();
    await ottoDetails.getByText('A user with that email already exists; invite them to join instead').waitFor();
    expect(await ottoDetails.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkScreen(otto, 'seed-004-email-has-account');
    expect(await memberNamed(other, 'walter2')).toBeUndefined();

    // Invited instead: walt joins with the password he already has.
    await otto.getByRole('link', { name: 'Invite New Users' }).click();
    await otto.locator('form.invite-form').getByLabel('Email addresses').fill('walt@example.com');
    await otto.locator('form.invite-form').getByRole('button', { name: 'Invite', exact: true }).click();
    await otto.getByRole('region', { name: 'Results' }).getByText('Invited').waitFor();
    const link = linkIn(await mailTo('walt@example.com', /invited you to Otto Logistics/), /^\/invitations\//);

    const own = await world.open(PHONE);
    await own.goto(link);
    await own.getByText('You already have a Roster account with this address').waitFor();
    await own.getByLabel('Password').fill(WALT_PASSWORD);
    await own.getByRole('button', { name: 'Sign in and accept' }).click();
    await own.waitForURL(`**/organizations/${other.organization.id}/members`);
    expect(await memberNamed(other, 'walt')).toMatchObject({ userId: walt.userId, email: 'walt@example.com' });
    expectNoBrowserErrors(own);

    // The same password signs in to both: My Organizations lists them, and either opens.
    const later = await world.open();
    await signInThroughConsole(later, 'walt@example.com', WALT_PASSWORD);
    await later.goto('/my-organizations');
    const list = later.getByRole('list', { name: 'My Organizations' });
    await list.getByRole('listitem').filter({ hasText: 'Fluix Field Ops' }).waitFor();
    await list.getByRole('listitem').filter({ hasText: 'Otto Logistics' }).waitFor();
    await checkScreen(later, 'seed-004-two-organizations');
    await list.getByRole('button', { name: 'Open Otto Logistics' }).click();
    await later.waitForURL(`**/organizations/${other.organization.id}/members`);
    const mine = (await later.evaluate('fetch("/api/v1/me/organizations").then((r) => r.json())')) as { items: Array<{ organization: { name: string } }> };
    expect(mine.items.map((o) => o.organization.name).sort()).toEqual(['Fluix Field Ops', 'Otto Logistics']);
    // Otto's admin may not change the password the two organizations share.
    const shared = await other.client.patch(`/api/v1/organizations/${other.organization.id}/members/${walt.userId}`, { password: 'Otto Chose This 1!' });
    expect(shared.body.code).toMatch(/^user\.(shared_identity|password_set_by_user)$/);
    expectNoBrowserErrors(later);
    expectNoBrowserErrors(otto);
  });
});
