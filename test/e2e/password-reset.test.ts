/**
 * "Forgot password?" in a browser, end to end over real SMTP: the request from the sign-in page (the
 * same answer for a login that is no account), the link from the email's body, the new password with
 * every unmet rule listed, signing in with it; every older session has ended, the old password is
 * refused, and the same link is refused the second time.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signUp, type SignedUp } from '../support/server.js';
import { startSmtpServer, type TestSmtp } from '../support/smtp.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

const NEW_PASSWORD = 'a brand new passphrase 2026';

describe('password reset from "Forgot password?"', () => {
  let smtp: TestSmtp;
  let world: ConsoleWorld;
  let owner: SignedUp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    world = await startConsole({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50' });
    owner = await signUp(world.server, 'petra', 'Petra Pumps');
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  async function askForReset(page: Page, login: string): Promise<string> {
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill(login);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    expect(await page.getByLabel('Username or email').inputValue()).toBe(login);
    await checkScreen(page, 'forgot-password');
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor();
    return (await page.getByRole('status').innerText()).replace(login, '<login>');
  }

  it('asks for a link from the sign-in page, sets a new password from the email, signs in with it; older sessions end and the link works once', async () => {
    // Sessions from before the reset: a program's (API) and another browser's.
    const otherBrowser = await world.open();
    await signInThroughConsole(otherBrowser, 'petra');
    expect((await owner.client.get('/api/v1/me')).status).toBe(200);

    const page = await world.open();
    await page.goto('/sign-in');
    await checkScreen(page, 'sign-in-forgot-link');
    const answer = await askForReset(page, 'petra');
    await checkScreen(page, 'forgot-password-sent');

    const mail = await smtp.waitFor((m) => m.to.includes('petra@example.com') && m.subject === 'Reset your Roster password', 10_000, 'the reset email');
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();
    expect(mail.html).toContain(link);

    await page.goto(link!);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await page.getByText(/This link works until/).waitFor();
    await checkScreen(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill('password');
    await page.getByLabel('Confirm new password').fill('password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    // The default policy: 12 characters at least, and not a common password; each rule its own line.
    const rules = page.locator('.field-invalid .field-error-list li');
    await expect.poll(() => rules.count()).toBe(2);
    expect((await rules.allInnerTexts()).join('\n')).toMatch(/12 characters[\s\S]*common/i);
    expect(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'reset-password-rules');

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('The two passwords are not the same').waitFor();
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'Password changed', level: 1 }).waitFor();
    await checkScreen(page, 'reset-password-done');

    // Every older session ended: the program's, and the other browser's at its next page.
    expect((await owner.client.get('/api/v1/me')).status).toBe(401);
    await otherBrowser.reload();
    await otherBrowser.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    expect((await world.server.client().post('/api/v1/session', { login: 'petra', password: PASSWORD })).status).toBe(401);

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Username or email').fill('petra');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${owner.organization.id}/members`);
    expectNoBrowserErrors(page);

    // The same link, the second time: refused as the page opens, no form, with the way to a new one.
    const again = await world.open();
    await again.goto(link!);
    await again.getByRole('heading', { name: 'This reset link can not be used', level: 1 }).waitFor();
    await again.getByText('It was used already').waitFor();
    expect(await again.getByLabel('New password', { exact: true }).count()).toBe(0);
    await checkScreen(again, 'reset-password-used');
    expect((await world.server.client().post('/api/v1/session', { login: 'petra', password: NEW_PASSWORD })).status).toBe(200);
    await again.getByRole('link', { name: 'Ask for a new link' }).click();
    await again.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    expectNoBrowserErrors(again);

    // A login that is no account gets the very same answer, and no email goes anywhere.
    const sent = smtp.received.length;
    const stranger = await world.open(PHONE);
    expect(await askForReset(stranger, 'nobody-at-all')).toBe(answer);
    await checkScreen(stranger, 'forgot-password-sent-phone');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.length).toBe(sent);
    expectNoBrowserErrors(stranger);
  });
});
