/**
 * The Roles page in a browser: built-in and custom roles, a role's permissions as seed 002's module
 * list ("–Show–" to the right of each module name), creating a custom role and giving it to a user,
 * deleting one after a confirmation, the privilege rule ("nobody grants a permission they do not
 * hold") refused with the API's message beside the permissions, and seed 003's Partner / Normal /
 * Admin table after applying the partner-network template, at desktop and phone width.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('the Roles page in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;
  let org: string;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'rolf', 'Rolf Logistics');
    org = `/api/v1/organizations/${owner.organization.id}`;
    for (const name of ['leads', 'tickets']) expect((await owner.client.post(`${org}/modules`, { name })).status).toBe(201);
    await addUser(owner, { username: 'lena', firstName: 'Lena', lastName: 'Lind' });
    page = await world.open();
    await signInThroughConsole(page, 'rolf');
  });
  afterAll(async () => world?.close());

  const rolesPath = () => `/organizations/${owner.organization.id}/roles`;
  const list = () => page.getByRole('region', { name: /^Role List/ });
  const details = () => page.getByRole('region', { name: /^Role Details/ });
  const roleRow = (name: string) => list().getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('lists the built-in roles, reached from the sidebar', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
    for (const name of ['Owner', 'Admin', 'Member']) await roleRow(name).getByText('Built-in').waitFor();
    await checkScreen(page, 'roles-list');
    expectNoBrowserErrors(page);
  });

  it('shows permissions per module with a –Show– link to the right of the module name that expands and folds that module (seed 002)', async () => {
    await list().getByRole('link', { name: 'Add New' }).click();
    const matrix = details().getByRole('table', { name: 'Module permissions of the new role' });
    // allTextContents does not wait: on a busy machine the table is still empty when first read.
    await matrix.getByRole('button', { name: '–Show– leads' }).waitFor();
    const rows = await matrix.getByRole('row').allTextContents();
    expect(rows[0]).toContain('Module');
    for (const action of ['Read', 'Create', 'Update', 'Delete']) expect(rows[0]).toContain(action);
    const showLeads = matrix.getByRole('button', { name: '–Show– leads' });
    expect(await showLeads.getAttribute('aria-expanded')).toBe('false');
    expect(await matrix.getByRole('checkbox').count()).toBe(0);

    await showLeads.click();
    const hideLeads = matrix.getByRole('button', { name: '–Hide– leads' });
    expect(await hideLeads.getAttribute('aria-expanded')).toBe('true');
    for (const action of ['Read', 'Create', 'Update', 'Delete']) await matrix.getByRole('checkbox', { name: `${action} leads` }).waitFor();
    // Only that module opens; tickets stays folded.
    expect(await matrix.getByRole('checkbox', { name: 'Read tickets' }).count()).toBe(0);
    await checkScreen(page, 'roles-matrix-open');

    await hideLeads.click();
    expect(await matrix.getByRole('checkbox').count()).toBe(0);
    await matrix.getByRole('button', { name: '–Show– leads' }).click();
    expectNoBrowserErrors(page);
  });

  it('creates a custom role with module and Roster permissions, and a user is given it on the Users page', async () => {
    const form = details();
    await form.getByLabel('Key', { exact: true }).fill('sales');
    await form.getByLabel('Name', { exact: true }).fill('Sales');
    await form.getByLabel('Description', { exact: true }).fill('Works the leads');
    await form.getByRole('checkbox', { name: 'Read leads' }).check();
    await form.getByRole('checkbox', { name: 'Update leads' }).check();
    await form.getByRole('checkbox', { name: 'See the organization\'s members' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await list().getByText('The Sales role was created.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`${rolesPath()}/sales`);
    await roleRow('Sales').getByText('Custom').waitFor();

    const saved = await owner.client.get(`${org}/roles/sales`);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Sales', description: 'Works the leads', builtin: false });
    expect([...saved.body.permissions].sort()).toEqual(['members.read', 'module:leads.read', 'module:leads.update']);
    // Folded again after the save, the row still shows what the role holds.
    const leads = details().getByRole('table', { name: 'Module permissions of Sales' }).getByRole('row').filter({ hasText: 'leads' });
    expect(await leads.getByRole('cell').allTextContents()).toEqual(['✓granted', '·not granted', '✓granted', '·not granted']);
    await checkScreen(page, 'roles-details');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('region', { name: /^User List/ }).getByRole('link', { name: 'lena', exact: true }).click();
    const user = page.getByRole('region', { name: /^User Details/ });
    await user.getByLabel('Role', { exact: true }).selectOption('sales');
    await user.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('lena was saved.').waitFor();
    const lena = (await owner.client.get(`${org}/members?q=lena`)).body.items[0];
    expect(lena.role).toBe('sales');
    const check = await owner.client.post(`${org}/authz/check`, { userId: lena.userId, permission: 'module:leads.update' });
    expect(check.body).toEqual({ allowed: true, reason: 'role:sales' });
    expectNoBrowserErrors(page);
  });

  it('a role someone holds is not deleted; another is deleted after confirming, and Cancel deletes nothing', async () => {
    await page.goto(`${rolesPath()}/sales`);
    await details().getByRole('button', { name: 'Delete role' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete role' }).click();
    await details().getByRole('alert').getByText('1 member(s) hold this role').waitFor();
    expect((await owner.client.get(`${org}/roles/sales`)).status).toBe(200);

    expect((await owner.client.post(`${org}/roles`, { key: 'temp', name: 'Temporary', permissions: [] })).status).toBe(201);
    await page.reload();
    await roleRow('Temporary').getByRole('link').click();
    await details().getByRole('button', { name: 'Delete role' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await owner.client.get(`${org}/roles/temp`)).status).toBe(200);
    await details().getByRole('button', { name: 'Delete role' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete role' }).click();
    await list().getByText('The Temporary role was deleted.').waitFor();
    expect((await owner.client.get(`${org}/roles/temp`)).status).toBe(404);
    // The list is read again after the delete; the row goes when that answer arrives.
    await roleRow('Temporary').waitFor({ state: 'detached' });
    expectNoBrowserErrors(page);
  });

  it('refuses a role with a permission its creator does not hold, and shows why next to the permissions (nobody grants what they do not hold)', async () => {
    expect((await owner.client.post(`${org}/roles`, { key: 'role-keeper', name: 'Role keeper', permissions: ['roles.manage', 'members.read', 'module:leads.read'] })).status).toBe(201);
    await addUser(owner, { username: 'rita', firstName: 'Rita', lastName: 'Keeper', role: 'role-keeper' });
    const rita = await world.open();
    await signInThroughConsole(rita, 'rita');
    await rita.goto(`/organizations/${owner.organization.id}/roles/_new`);
    const form = rita.getByRole('region', { name: /^Role Details/ });
    await form.getByLabel('Key', { exact: true }).fill('auditor');
    await form.getByLabel('Name', { exact: true }).fill('Auditor');
    await form.getByRole('checkbox', { name: 'Read the audit trail' }).check();
    await form.getByRole('button', { name: '–Show– leads' }).click();
    await form.getByRole('checkbox', { name: 'Read leads' }).check();
    await form.getByRole('button', { name: 'Save' }).click();

    const alert = form.locator('.permission-editor').getByRole('alert');
    await alert.getByText('You can not grant permissions you do not hold: audit.read').waitFor();
    // The message is tied to the permission groups it is about.
    const errorId = await alert.getAttribute('id');
    expect(await form.getByRole('group', { name: 'Roster permissions' }).getAttribute('aria-describedby')).toBe(errorId);
    // It takes the focus, so it is in view and read out.
    expect(await rita.evaluate(() => document.activeElement?.id)).toBe(errorId);
    expect((await owner.client.get(`${org}/roles/auditor`)).status).toBe(404);
    await checkScreen(rita, 'roles-privilege-error');

    // Without the permission it does not hold, the same role is created.
    await form.getByRole('checkbox', { name: 'Read the audit trail' }).uncheck();
    await form.getByRole('button', { name: 'Save' }).click();
    await rita.getByText('The Auditor role was created.').waitFor();
    expect((await owner.client.get(`${org}/roles/auditor`)).body.permissions).toEqual(['module:leads.read']);
    expectNoBrowserErrors(rita);
  });

  it('applying seed 003\'s partner-network template gives the Partner / Normal / Admin table, each with its partners', async () => {
    await page.goto(rolesPath());
    const offer = list().locator('.template-offer');
    await offer.getByText('Partner network: Partner, Normal and Admin roles').waitFor();
    await checkScreen(page, 'roles-template-offer');
    await offer.getByRole('button', { name: 'Apply template' }).click();
    await list().getByText(/^Template applied: .*role partner, role normal/).waitFor();
    expect(await offer.count()).toBe(0);

    const headers = await list().getByRole('columnheader').allTextContents();
    expect(headers).toContain('Partner');
    const partnerColumn = headers.indexOf('Partner');
    const seen: Record<string, string> = {};
    for (const name of ['Partner', 'Normal', 'Admin']) seen[name] = (await roleRow(name).getByRole('cell').allTextContents())[partnerColumn]!;
    // Seed 003: Partner "access to only one partner", Normal "as many partners as necessary", Admin "all partner data".
    expect(seen).toEqual({ Partner: 'Exactly one', Normal: 'Granted one by one', Admin: 'All' });
    const roles = (await owner.client.get(`${org}/roles`)).body.items as Array<{ key: string; resourceScopes: Record<string, string> }>;
    expect(roles.find((r) => r.key === 'partner')?.resourceScopes).toEqual({ partner: 'one' });
    expect(roles.find((r) => r.key === 'normal')?.resourceScopes).toEqual({ partner: 'granted' });
    await checkScreen(page, 'roles-partner-network');

    // Seed 003: "Partner users can only be granted Access to Issue Comments".
    await roleRow('Partner').getByRole('link').click();
    const form = details();
    expect(await form.getByLabel('Partner', { exact: true }).inputValue()).toBe('one');
    expect(await form.getByRole('checkbox', { name: 'Access to Integrations: work with integrations' }).isDisabled()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /^Access to Issue Comments/ }).isDisabled()).toBe(false);
    expectNoBrowserErrors(page);
  });

  it('sets a role\'s resource scope', async () => {
    await page.goto(`${rolesPath()}/normal`);
    const form = details();
    await form.getByLabel('Partner', { exact: true }).selectOption('all');
    await form.getByRole('checkbox', { name: 'Access to Integrations: work with integrations' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await list().getByText('The Normal role was saved.').waitFor();
    const normal = (await owner.client.get(`${org}/roles/normal`)).body;
    expect(normal.resourceScopes).toEqual({ partner: 'all' });
    expect(normal.permissions).toEqual(['integrations.access']);
    expect((await roleRow('Normal').getByRole('cell').allTextContents())).toContain('All');
    expectNoBrowserErrors(page);
  });

  it('at phone width the role list fills the screen, and an open role replaces it with a way back', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'rolf');
    await phone.goto(rolesPath());
    await phone.getByRole('region', { name: /^Role List/ }).getByRole('link', { name: 'Partner', exact: true }).waitFor();
    await checkScreen(phone, 'roles-phone');
    await phone.getByRole('region', { name: /^Role List/ }).getByRole('link', { name: 'Sales', exact: true }).click();
    const form = phone.getByRole('region', { name: /^Role Details/ });
    await form.getByRole('button', { name: '–Show– leads' }).click();
    await form.getByRole('checkbox', { name: 'Read leads' }).waitFor();
    expect(await phone.getByRole('region', { name: /^Role List/ }).isVisible()).toBe(false);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(phone, 'roles-details-phone');
    await form.getByRole('link', { name: 'Back to Role List' }).click();
    await phone.getByRole('region', { name: /^Role List/ }).waitFor();
    expectNoBrowserErrors(phone);
  });
});
