/**
 * Seed 004's "add users in bulk" in the console: Import CSV from the Invitations page, choose a file,
 * see the dry run's preview row by row (problems by row and column, nothing imported yet), run the
 * import and watch its progress, then the outcome. Checked through the API afterwards: the import,
 * the invitations, and an invitee who accepts becomes a member with the row's role.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type SignedUp } from '../support/server.js';
import { waitUntil } from '../support/smtp.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, ownerInConsole, startConsole, type ConsoleWorld } from './support/console.js';

// More rows than one chunk of a skip_invalid import (1,000), so the progress moves while it runs.
const VALID_ROWS = 5000;
const count = (n: number) => n.toLocaleString('en');

function importFile(): string {
  const lines = ['email,firstName,lastName,role'];
  for (let i = 0; i < VALID_ROWS; i++) lines.push(`bulk${String(i).padStart(4, '0')}@example.com,Bulk,Person${i},${i === 0 ? 'admin' : 'member'}`);
  // Then a row with no address, one with a role the organization does not have, and a member's.
  lines.push(',No,Address,member', 'wrongrole@example.com,Wrong,Role,captain', 'nell@example.com,Nell,Member,member');
  return `${lines.join('\n')}\n`;
}

describe('seed 004: importing users from a CSV file in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;
  const org = () => `/api/v1/organizations/${owner.organization.id}`;

  beforeAll(async () => {
    // No SMTP server: the mail stays in the dev mailbox, where the test reads an invitation link.
    world = await startConsole({ MAIL_POLL_MS: '50' });
    ({ owner, page } = await ownerInConsole(world, 'importa'));
    await addUser(owner, { username: 'nell' });
  });
  afterAll(async () => world?.close());

  const preview = () => page.getByRole('region', { name: /^Preview of/ });

  it('shows a dry run\'s preview row by row, with each problem by row and column, and imports nothing yet', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import CSV', level: 1 }).waitFor();
    // A file whose header is wrong is refused as a whole, with the server's reason.
    await page.getByLabel('CSV file').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('mail,name\nx@example.com,X\n') });
    await page.getByRole('alert').getByText('Unknown column "mail"; the columns are email, firstName, lastName, role, groups, permissions, resources, note').waitFor();

    await page.getByLabel('CSV file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(importFile()) });

    await preview().getByText('A dry run: nothing has been imported yet.').waitFor();
    await preview().getByText(`${count(VALID_ROWS + 3)} rows: ${count(VALID_ROWS)} will be invited, 3 have problems and will be skipped.`).waitFor();
    const table = preview().getByRole('table', { name: 'Preview of team.csv, row by row' });
    // The first rows, numbered as a spreadsheet numbers them (the header is row 1).
    const firstRow = table.getByRole('row', { name: /^2 bulk0000@example\.com/ });
    expect(await firstRow.textContent()).toContain('Admin');
    expect(await firstRow.textContent()).toContain('Will be invited');

    await preview().getByRole('checkbox', { name: 'Only rows with problems' }).check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const row = (n: number) => table.getByRole('row', { name: new RegExp(`^${n} `) });
    expect(await row(VALID_ROWS + 2).textContent()).toMatch(/email: An email address is required/);
    expect(await row(VALID_ROWS + 3).textContent()).toMatch(/wrongrole@example\.com.*role: No role "captain" in this organization/);
    expect(await row(VALID_ROWS + 4).textContent()).toMatch(/nell@example\.com.*email: nell@example\.com is a member of this organization already/);
    await checkScreen(page, 'import-preview');

    // A dry run changes nothing.
    expect((await owner.client.get(`${org()}/imports`)).body.items).toEqual([]);
    expect((await owner.client.get(`${org()}/invitations`)).body.items).toEqual([]);
    expectNoBrowserErrors(page);
  });

  it('imports the valid rows with its progress shown until done, then the outcome; the API has the invitations, and an invitee becomes a member', async () => {
    // Every progress line the page shows is noted, however briefly it shows: a locator's polling
    // could miss an import that takes a second.
    await page.evaluate(`(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        // The line sits beside the progress bar; a line without its bar would not count.
        const line = document.querySelector('.import-progress:has(progress[aria-label="Import progress"]) [role="status"]');
        if (line && window.progressSeen.at(-1) !== line.textContent) window.progressSeen.push(line.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await preview().getByRole('button', { name: `Import ${count(VALID_ROWS)} valid rows` }).click();

    const outcome = page.getByRole('region', { name: 'Import finished' });
    await outcome.waitFor({ timeout: 60_000 });
    await outcome.getByText(`${count(VALID_ROWS)} of ${count(VALID_ROWS + 3)} rows were invited; 3 skipped.`).waitFor();
    // The server's count showed while the import ran (it commits 1,000 rows at a time).
    const seen = await page.evaluate('window.progressSeen') as string[];
    const total = count(VALID_ROWS + 3);
    const midway = seen.map((line) => new RegExp(`^Importing… ([\\d,]+) of ${total} rows processed, [\\d,]+ invited$`).exec(line)?.[1])
      .filter((n): n is string => n !== undefined).map((n) => Number(n.replace(/,/g, '')));
    expect(midway.some((n) => n < VALID_ROWS + 3), `progress lines seen: ${seen.join(' | ')}`).toBe(true);
    const skipped = outcome.getByRole('table', { name: 'Skipped rows and their problems' });
    expect(await skipped.locator('tbody tr').count()).toBe(3);
    await checkScreen(page, 'import-finished');

    const imports = (await owner.client.get(`${org()}/imports`)).body.items;
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ status: 'finished', mode: 'skip_invalid', totalRows: VALID_ROWS + 3, processedRows: VALID_ROWS + 3, invitedRows: VALID_ROWS, skippedRows: 3 });
    let pending = 0;
    let cursor: string | null = null;
    do {
      const res: any = await owner.client.get(`${org()}/invitations?status=pending&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      pending += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pending).toBe(VALID_ROWS);

    // The first invitee accepts from the email's link and is a member with the row's role.
    let mail: any;
    await waitUntil(async () => {
      mail = (await owner.client.get(`${org()}/mailbox?to=bulk0000@example.com`)).body.items[0];
      return mail !== undefined;
    }, 10_000, 'the invitation of row 2 in the mailbox');
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const accepted = await world.server.client().post(`/api/v1/invitations/${token}/accept`, { username: 'bulkzero', password: 'a long enough passphrase 42', firstName: 'Bulk', lastName: 'Person0' });
    expect(accepted.status).toBe(200);
    const members = (await owner.client.get(`${org()}/members?q=bulkzero`)).body.items;
    expect(members).toEqual([expect.objectContaining({ username: 'bulkzero', email: 'bulk0000@example.com', role: 'admin', status: 'active' })]);

    await outcome.getByRole('link', { name: 'View invitations' }).click();
    await page.getByRole('table', { name: 'Invitations' }).getByRole('row', { name: /^bulk/ }).first().waitFor();
    expectNoBrowserErrors(page);
  });
});
