/**
 * @module Debian's Chromium driven by playwright-core (`npx playwright install` can not download
 * here). A missing browser fails the test rather than skipping it: CI installs it (.ci/run), and a
 * developer without it must see that the console went untested.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (the browser tests need it${process.env.CI ? '; CI must install it' : ''})`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
