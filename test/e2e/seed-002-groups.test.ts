/**
 * Seed 002's Group Manager and user specific permissions in a browser. The Group Manager has the
 * User Manager's two panes (a list and the details); a group is created, renamed, given module
 * permissions with the "–Show–" list, given members and deleted after a confirmation. Then, on the
 * User Details pane, "Display Permissions: Show/edit user specific permissions": per module Allow,
 * Deny or Inherit over what the user's groups give, each checked through the API's authorization
 * check, and the user's groups changed from the same pane.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signUp, type SignedUp } from '../support/server.js';
import { checkScreen } from './support/checks.js';
import { expectNoBrowserErrors, PHONE, signInThroughConsole, startConsole, type ConsoleWorld } from './support/console.js';

describe('seed 002: the Group Manager and user specific permissions in the console', () => {
  let world: ConsoleWorld;
  let owner: SignedUp;
  let page: Page;
  let org: string;
  let gina: { userId: string };
  let hugo: { userId: string };
  let groupId: string;

  beforeAll(async () => {
    world = await startConsole();
    owner = await signUp(world.server, 'ivy', 'Ivy Sales');
    org = `/api/v1/organizations/${owner.organization.id}`;
    for (const name of ['leads', 'contacts']) expect((await owner.client.post(`${org}/modules`, { name })).status).toBe(201);
    gina = await addUser(owner, { username: 'gina', firstName: 'Gina', lastName: 'Gale' });
    hugo = await addUser(owner, { username: 'hugo', firstName: 'Hugo', lastName: 'Hale' });
    page = await world.open();
    await signInThroughConsole(page, 'ivy');
  });
  afterAll(async () => world?.close());

  const list = () => page.getByRole('region', { name: /^Group List/ });
  const details = () => page.getByRole('region', { name: /^Group Details/ });
  const decision = async (userId: string, permission: string) =>
    (await owner.client.post(`${org}/authz/check`, { userId, permission })).body as { allowed: boolean; reason: string };

  it('the Group Manager starts empty; Add New gives a blank group that is saved with its module permissions', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Groups' }).click();
    await list().getByText('No groups yet.').waitFor();
    await checkScreen(page, 'groups-empty');

    await list().getByRole('link', { name: 'Add New' }).click();
    const form = details();
    await form.getByLabel('Group Name', { exact: true }).fill('Sales');
    await form.getByLabel('Description', { exact: true }).fill('Works the leads');
    await form.getByRole('button', { name: '–Show– leads' }).click();
    await form.getByRole('checkbox', { name: 'Read leads' }).check();
    await form.getByRole('checkbox', { name: 'Update leads' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await list().getByText('The group Sales was created.').waitFor();

    const groups = (await owner.client.get(`${org}/groups`)).body.items;
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ name: 'Sales', description: 'Works the leads', memberCount: 0 });
    expect([...groups[0].permissions].sort()).toEqual(['module:leads.read', 'module:leads.update']);
    groupId = groups[0].id;
    expect(new URL(page.url()).pathname).toBe(`/organizations/${owner.organization.id}/groups/${groupId}`);
    expectNoBrowserErrors(page);
  });

  it('members are added by searching and removed one by one, and hold the group\'s permissions meanwhile', async () => {
    const members = page.getByRole('region', { name: 'Members of Sales' });
    await members.getByText('No members yet.').waitFor();
    for (const name of ['gina', 'hugo']) {
      await members.getByLabel('Add member').fill(name.slice(0, 3));
      await members.getByRole('button', { name: `Add ${name}` }).click();
      await page.getByText(`${name} was added to Sales.`).waitFor();
    }
    await members.getByRole('button', { name: 'Remove hugo' }).waitFor();
    await details().getByRole('heading', { name: 'Group permissions' }).scrollIntoViewIfNeeded();
    const inGroup = async () => ((await owner.client.get(`${org}/groups/${groupId}/members`)).body.items as Array<{ username: string }>).map((m) => m.username);
    expect(await inGroup()).toEqual(['gina', 'hugo']);
    expect(await decision(gina.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'group:Sales' });
    await checkScreen(page, 'groups-details');

    await members.getByRole('button', { name: 'Remove hugo' }).click();
    await page.getByText('hugo was removed from Sales.').waitFor();
    expect(await inGroup()).toEqual(['gina']);
    expect(await decision(hugo.userId, 'module:leads.read')).toEqual({ allowed: false, reason: 'not_granted' });
    await list().getByRole('row').filter({ hasText: 'Sales' }).getByText('1', { exact: true }).waitFor();
    expectNoBrowserErrors(page);
  });

  it('a group is renamed, and a taken name is refused under the name field', async () => {
    expect((await owner.client.post(`${org}/groups`, { name: 'Support' })).status).toBe(201);
    await page.reload();
    const form = details();
    const name = form.getByLabel('Group Name', { exact: true });
    await name.fill('support');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('A group with that name exists').waitFor();
    await name.fill('Sales team');
    await form.getByRole('button', { name: 'Save' }).click();
    await list().getByText('The group Sales team was saved.').waitFor();
    await list().getByRole('link', { name: 'Sales team' }).waitFor();
    expect((await owner.client.get(`${org}/groups/${groupId}`)).body.name).toBe('Sales team');
    expect(await decision(gina.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'group:Sales team' });
  });

  it('Display Permissions shows the modules with –Show–; Deny, Allow and Inherit override what the group gives (seed 002 user specific permissions)', async () => {
    await page.goto(`/organizations/${owner.organization.id}/members/${gina.userId}`);
    const user = page.getByRole('region', { name: 'User Permissions' });
    await user.getByRole('button', { name: 'Display Permissions' }).click();
    const matrix = user.getByRole('table', { name: 'Module permissions of gina' });
    await matrix.getByRole('button', { name: '–Show– leads' }).click();
    const read = matrix.getByRole('combobox', { name: 'Read leads' });
    expect(await read.inputValue()).toBe('inherit');
    expect(await read.locator('xpath=..').getAttribute('class')).toContain('matrix-control');
    expect(await matrix.getByRole('row').filter({ hasText: 'leads' }).getByTitle('Holds it: group Sales team').count()).toBe(2);

    await read.selectOption('deny');
    await matrix.getByRole('combobox', { name: 'Create leads' }).selectOption('allow');
    await user.getByRole('button', { name: 'Save permissions' }).click();
    await user.getByText('The permissions of gina were saved.').waitFor();
    expect(await decision(gina.userId, 'module:leads.read')).toEqual({ allowed: false, reason: 'user:deny' });
    expect(await decision(gina.userId, 'module:leads.create')).toEqual({ allowed: true, reason: 'user:allow' });
    expect(await decision(gina.userId, 'module:leads.update')).toEqual({ allowed: true, reason: 'group:Sales team' });
    expect((await owner.client.get(`${org}/members/${gina.userId}/permissions`)).body.permissions)
      .toEqual({ 'module:leads.read': 'deny', 'module:leads.create': 'allow' });
    // What she holds now is shown beside each action once the answer is back.
    await matrix.getByRole('row').filter({ hasText: 'leads' }).getByTitle('Holds it: allowed here').waitFor();
    await user.getByRole('heading', { name: 'User Permissions' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'user-permissions');

    await matrix.getByRole('combobox', { name: 'Read leads' }).selectOption('inherit');
    await user.getByRole('button', { name: 'Save permissions' }).click();
    await expect.poll(() => decision(gina.userId, 'module:leads.read')).toEqual({ allowed: true, reason: 'group:Sales team' });
    expect((await owner.client.get(`${org}/members/${gina.userId}/permissions`)).body.permissions).toEqual({ 'module:leads.create': 'allow' });
    expectNoBrowserErrors(page);
  });

  it('the user\'s groups are changed on the same pane, and what the group gave goes with it', async () => {
    const form = page.getByRole('region', { name: /^User Details/ });
    const box = form.getByRole('group', { name: 'User Groups' }).getByRole('checkbox', { name: 'Sales team' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await form.getByRole('checkbox', { name: 'Support' }).check();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('gina was saved.').waitFor();
    const member = (await owner.client.get(`${org}/members/${gina.userId}`)).body;
    expect(member.groups.map((g: { name: string }) => g.name)).toEqual(['Support']);
    expect(await decision(gina.userId, 'module:leads.update')).toEqual({ allowed: false, reason: 'not_granted' });
    expectNoBrowserErrors(page);
  });

  it('a group manager can not put into a group a permission they do not hold, and is told why beside the permissions', async () => {
    expect((await owner.client.post(`${org}/roles`, { key: 'group-keeper', name: 'Group keeper', permissions: ['groups.manage', 'members.read', 'module:leads.read'] })).status).toBe(201);
    await addUser(owner, { username: 'gus', role: 'group-keeper' });
    const gus = await world.open();
    await signInThroughConsole(gus, 'gus');
    await gus.goto(`/organizations/${owner.organization.id}/groups/new`);
    const form = gus.getByRole('region', { name: /^Group Details/ });
    await form.getByLabel('Group Name', { exact: true }).fill('Auditors');
    // Roster's own permissions are folded on a group, which is mostly about modules.
    await form.getByText('Roster permissions').click();
    await form.getByRole('checkbox', { name: 'Read the audit trail' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.permission-editor').getByRole('alert').getByText('You can not grant permissions you do not hold: audit.read').waitFor();
    expect(((await owner.client.get(`${org}/groups`)).body.items as Array<{ name: string }>).map((g) => g.name)).not.toContain('Auditors');
    expectNoBrowserErrors(gus);
  });

  it('a group is deleted only after confirming', async () => {
    await page.goto(`/organizations/${owner.organization.id}/groups/${groupId}`);
    await details().getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await owner.client.get(`${org}/groups/${groupId}`)).status).toBe(200);
    await details().getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete group' }).click();
    await list().getByText('The group Sales team was deleted.').waitFor();
    expect((await owner.client.get(`${org}/groups/${groupId}`)).status).toBe(404);
    expect(await list().getByRole('link', { name: 'Sales team' }).count()).toBe(0);
    expectNoBrowserErrors(page);
  });

  it('at phone width a group\'s details replace the list', async () => {
    const phone = await world.open(PHONE);
    await signInThroughConsole(phone, 'ivy');
    await phone.goto(`/organizations/${owner.organization.id}/groups`);
    await phone.getByRole('region', { name: /^Group List/ }).getByRole('link', { name: 'Support' }).click();
    await phone.getByRole('region', { name: /^Group Details/ }).getByRole('link', { name: 'Back to Group List' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkScreen(phone, 'groups-details-phone');
    expectNoBrowserErrors(phone);
  });
});
