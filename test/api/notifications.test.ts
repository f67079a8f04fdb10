/**
 * Organization notices by email (seed 001: "you can now add your accounting team's email address so
 * they can receive Influx emails and payment notifications automatically"; "any user associated with
 * an account will receive an invoice email monthly"), over HTTP, on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, createRole, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const orgPath = (who: SignedUp) => `/api/v1/organizations/${who.organization.id}`;

describe.each(DIALECTS)('notices on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect); });
  afterAll(async () => { await server?.close(); });

  /** The notices queued in an organization, by recipient. */
  async function noticesIn(who: SignedUp): Promise<Array<{ to: string; subject: string; text: string }>> {
    const rows = await server.database.db.selectFrom('outbox').select(['to_address', 'subject', 'text'])
      .where('organization_id', '=', who.organization.id).where('kind', '=', 'notice').orderBy('to_address').execute();
    return rows.map((r) => ({ to: r.to_address, subject: r.subject, text: r.text }));
  }

  it('every active member receives the notice; a deactivated member does not (seed 001)', async () => {
    const owner = await signUp(server, 'ntc-owner', 'Influx');
    await addUser(owner, { username: 'ntc-ann' });
    await addUser(owner, { username: 'ntc-bob', role: 'admin' });
    const gone = await addUser(owner, { username: 'ntc-gone' });
    expect((await owner.client.post(`${orgPath(owner)}/members/${gone.userId}/deactivate`)).status).toBe(200);

    const res = await owner.client.post(`${orgPath(owner)}/notifications`, { subject: 'Your invoice for May', body: 'The invoice is attached.\n\nThank you!' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ queued: 3 });
    const notices = await noticesIn(owner);
    expect(notices.map((n) => n.to)).toEqual(['ntc-ann@example.com', 'ntc-bob@example.com', 'ntc-owner@example.com']);
    for (const n of notices) {
      expect(n.subject).toBe('[Influx] Your invoice for May');
      expect(n.text).toContain('The invoice is attached.');
    }
  });

  it('a billing contact whose role grants only billing.notices receives the billing notices; a plain member does not (seed 001)', async () => {
    const owner = await signUp(server, 'bill-owner', 'Billing Org');
    const org = orgPath(owner);
    const registered = await owner.client.post(`${org}/permissions`, { key: 'billing.notices', description: 'Invoices and payment notices' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    await createRole(owner, 'billing', ['billing.notices']);
    const accounting = await addUser(owner, { username: 'bill-accounting', role: 'billing' });
    await addUser(owner, { username: 'bill-plain' });
    // Held through a group counts as held; a user-specific deny takes it away again (seed 002).
    const group = await owner.client.post(`${org}/groups`, { name: 'Finance', permissions: ['billing.notices'] });
    const viaGroup = await addUser(owner, { username: 'bill-group' });
    expect((await owner.client.patch(`${org}/members/${viaGroup.userId}`, { groups: [group.body.id] })).status).toBe(200);
    const denied = await addUser(owner, { username: 'bill-denied', role: 'billing' });
    expect((await owner.client.patch(`${org}/members/${denied.userId}`, { permissions: { 'billing.notices': 'deny' } })).status).toBe(200);
    const inactive = await addUser(owner, { username: 'bill-inactive', role: 'billing' });
    expect((await owner.client.post(`${org}/members/${inactive.userId}/deactivate`)).status).toBe(200);

    const res = await owner.client.post(`${org}/notifications`, { subject: 'Payment received', body: 'Thank you for your payment.', permission: 'billing.notices' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    // The owner holds every permission, so the owner receives it as well.
    expect((await noticesIn(owner)).map((n) => n.to)).toEqual(['bill-accounting@example.com', 'bill-group@example.com', 'bill-owner@example.com']);
    expect(res.body).toEqual({ queued: 3 });
    expect(accounting.role).toBe('billing');

    const everyone = await owner.client.post(`${org}/notifications`, { subject: 'Monthly report', body: 'Here is the report.' });
    expect(everyone.body).toEqual({ queued: 5 });
  });

  it('sending a notice needs notifications.send', async () => {
    const owner = await signUp(server, 'perm-owner', 'Perm Org');
    const plain = await addMember(server, owner, 'member', 'perm-plain');
    const refused = await plain.client.post(`${orgPath(owner)}/notifications`, { subject: 'Hi', body: 'Hello' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    await createRole(owner, 'announcer', ['notifications.send']);
    const announcer = await addMember(server, owner, 'announcer', 'perm-announcer');
    const sent = await announcer.client.post(`${orgPath(owner)}/notifications`, { subject: 'Hi', body: 'Hello' });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ queued: 3 });
  });

  it('refuses a permission the catalogue does not know, and a blank subject or body, queuing nothing', async () => {
    const owner = await signUp(server, 'bad-ntc-owner', 'Bad Notice Org');
    const unknown = await owner.client.post(`${orgPath(owner)}/notifications`, { subject: 'Hi', body: 'Hello', permission: 'no.such' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'permission.unknown', field: 'body.permission' });
    const blank = await owner.client.post(`${orgPath(owner)}/notifications`, { subject: '   ', body: 'Hello' });
    expect(blank.status).toBe(400);
    expect(blank.body.field).toBe('body.subject');
    const twoLines = await owner.client.post(`${orgPath(owner)}/notifications`, { subject: 'Hi\r\nBcc: everyone@example.com', body: 'Hello' });
    expect(twoLines.status).toBe(400);
    expect(await noticesIn(owner)).toEqual([]);
  });

  it('a notice is recorded in the audit trail with its subject, permission and number of recipients', async () => {
    const owner = await signUp(server, 'aud-ntc-owner', 'Audit Notice Org');
    await addUser(owner, { username: 'aud-ntc-ann' });
    expect((await owner.client.post(`${orgPath(owner)}/notifications`, { subject: 'Outage tonight', body: 'From 22:00 to 23:00.', permission: 'members.read' })).status).toBe(202);
    const events = await owner.client.get(`${orgPath(owner)}/audit-events?action=notification.sent`);
    expect(events.status).toBe(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      action: 'notification.sent', actorUserId: owner.user.id, targetType: 'notification', targetDisplayName: 'Outage tonight',
      after: { subject: 'Outage tonight', permission: 'members.read', recipients: 2 },
    });
  });
});
