/**
 * @module One browser test file's world: a real Roster server on a fresh SQLite database serving
 * the built console (test/support/server.ts), Chromium, and pages at desktop (1280×800) or phone
 * (390×844) size. Gravatar is answered 404 inside the browser, as it would be offline, so pages show
 * the initials and nothing leaves the machine. Each page records browser errors (CSP refusals
 * included) for `expectNoBrowserErrors`.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Env } from '../../../src/config.js';
import { PASSWORD, signUp, startRoster, type SignedUp, type TestServer } from '../../support/server.js';
import { launchChromium } from './browser.js';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface ConsoleWorld {
  server: TestServer;
  browser: Browser;
  /** Every Gravatar image the pages asked for (answered 404). */
  gravatarRequests: string[];
  /** A new browser context (its own cookies) with one page. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

const errorsOf = new WeakMap<Page, string[]>();

/** A port nobody listens on now, so PUBLIC_URL (whose origin the server accepts writes from) can name it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `env` configures the server beyond the tests' defaults, e.g. `SMTP_URL` for a real mail server. */
export async function startConsole(env: Env = {}): Promise<ConsoleWorld> {
  const server = await startRoster('sqlite', { ...env, PORT: String(await freePort()) });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const gravatarRequests: string[] = [];
  return {
    server, browser, gravatarRequests,
    async open(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, baseURL: server.url, reducedMotion: 'reduce' });
      contexts.push(context);
      await context.route('https://www.gravatar.com/**', (route) => {
        gravatarRequests.push(route.request().url());
        return route.fulfill({ status: 404, body: '' });
      });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors: string[] = [];
      errorsOf.set(page, errors);
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // The browser logs every 4xx answer (401 from /me when signed out, a refused save, Gravatar's
        // 404 above): those are the API speaking, shown by the console. Anything else is an error.
        if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
          errors.push(message.text());
        }
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/** No uncaught exception and no console error (a CSP refusal is one) happened on the page. */
export function expectNoBrowserErrors(page: Page): void {
  expect(errorsOf.get(page) ?? []).toEqual([]);
}

/** Signs in through the sign-in page, as a person would, and waits for the Users page. */
export async function signInThroughConsole(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username or email').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
}

/** An owner (signed up through the API) signed in to the console. */
export async function ownerInConsole(world: ConsoleWorld, name: string, viewport = DESKTOP): Promise<{ owner: SignedUp; page: Page }> {
  const owner = await signUp(world.server, name, `${name[0]!.toUpperCase()}${name.slice(1)} Ventures`);
  const page = await world.open(viewport);
  await signInThroughConsole(page, name);
  return { owner, page };
}
