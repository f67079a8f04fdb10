/**
 * Seed 000's procedure, step by step through the API as the console drives it: add a user, update
 * them, deactivate them and activate them again, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { createRole, signIn, signUp, startRoster, type TestServer } from '../support/server.js';

describe.each(DIALECTS)('seed 000 on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  it('an administrator adds, updates, deactivates and reactivates a user, and the username never changes (seed 000)', async () => {
    const admin = await signUp(server, 'influx-admin', 'Influx');
    const users = `/api/v1/organizations/${admin.organization.id}/members`;
    await createRole(admin, 'agent', ['members.read']);
    await createRole(admin, 'provider', ['members.read', 'members.update']);
    const listed = async (status: 'active' | 'inactive') =>
      (await admin.client.get(`${users}?status=${status}`)).body.items.map((m: { username: string; role: string }) => [m.username, m.role]);

    // "Enter the users full name, email, display and user name, password and role. Click Save."
    const added = await admin.client.post(users, {
      firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', displayName: 'Grace H.',
      username: 'ghopper', password: 'cobol was my idea 1959', role: 'agent',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', displayName: 'Grace H.', username: 'ghopper', role: 'agent', status: 'active',
    });
    const user = `${users}/${added.body.userId}`;
    expect(await listed('active')).toEqual([['ghopper', 'agent'], ['influx-admin', 'owner']]);

    // "All user information can be updated by administrators with the exception of the user name."
    const update = {
      firstName: 'Grace B.', lastName: 'Hopper-Murray', email: 'admiral@example.com', displayName: 'Admiral Hopper',
      alias: 'Amazing Grace', signature: 'Ships are safe in harbor', password: 'a ship in port is safe 1906', role: 'provider',
    };
    const updated = await admin.client.patch(user, update);
    expect(updated.status).toBe(200);
    const { password: _password, ...visible } = update;
    expect(updated.body).toMatchObject({ ...visible, username: 'ghopper', communicationName: 'Amazing Grace' });
    // "Once the username is set, it cannot be changed."
    const renamed = await admin.client.patch(user, { username: 'grace' });
    expect(renamed.status).toBe(400);
    expect(renamed.body).toMatchObject({ code: 'user.username_immutable', field: 'body.username' });
    expect((await admin.client.get(user)).body).toMatchObject({ ...visible, username: 'ghopper' });
    await signIn(server, 'admiral@example.com', 'a ship in port is safe 1906');

    // "Click deactivate. The user will appear in the Inactive section."
    const deactivated = await admin.client.post(`${user}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ status: 'inactive', role: 'provider' });
    expect(await listed('active')).toEqual([['influx-admin', 'owner']]);
    expect(await listed('inactive')).toEqual([['ghopper', 'provider']]);

    // "To reactivate hover over the inactive user and select activate."
    const activated = await admin.client.post(`${user}/activate`);
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'active', role: 'provider', username: 'ghopper' });
    expect(await listed('active')).toEqual([['ghopper', 'provider'], ['influx-admin', 'owner']]);
    expect(await listed('inactive')).toEqual([]);
  });
});
