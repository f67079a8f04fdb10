/**
 * Invitations and their email, end to end on every database: a real SMTP server started here
 * accepts some recipients and refuses others, and what it receives is parsed and followed (seeds 003,
 * 004). Also the dev mailbox, where mail stays readable when no SMTP server is configured.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { DIALECTS } from '../support/databases.js';
import { addMember, addUser, PASSWORD, signIn, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';
import { startSmtpServer, waitUntil, type ReceivedMail, type TestSmtp } from '../support/smtp.js';

const PUBLIC_URL = 'https://roster.example.test';
const org = (o: SignedUp) => `/api/v1/organizations/${o.organization.id}`;
const invitations = (o: SignedUp) => `${org(o)}/invitations`;

/** The token of the invitation link in an email; the link must point at this Roster. */
function tokenIn(mail: ReceivedMail | { text: string }): string {
  const match = /(https:\/\/roster\.example\.test\/invitations\/([A-Za-z0-9_-]+))/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in:\n${mail.text}`);
  return match[2]!;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${randomBytes(2).toString('hex')}`;

describe.each(DIALECTS)('invitations and email over SMTP on %s', (dialect) => {
  let smtp: TestSmtp;
  let server: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer({ reject: /^(bounce|nobody)/i });
    server = await startRoster(dialect, { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_POLL_MS: '50' });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  /** An owner whose emails are signed with an alias and a signature (seed 000). */
  async function inviter(name = unique('owner')): Promise<SignedUp> {
    const owner = await signUp(server, name, `${name} Industries`);
    const res = await owner.client.patch('/api/v1/me', { alias: `Agent ${name}`, signature: `Cheers,\n${name} from support` });
    expect(res.status).toBe(200);
    return owner;
  }

  async function invite(owner: SignedUp, body: Record<string, unknown>): Promise<Array<{ email: string; status: string; invitationId?: string }>> {
    const res = await owner.client.post(invitations(owner), { role: 'member', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.results;
  }

  const mailTo = (address: string, what = `mail to ${address}`) => smtp.waitFor((m) => m.to.includes(address.toLowerCase()), 10_000, what);
  const allMailTo = (address: string) => smtp.to(address);

  async function invitationsOf(owner: SignedUp, query = ''): Promise<any[]> {
    const res = await owner.client.get(`${invitations(owner)}${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('invites a comma-separated list (seed 003): each address gets its own outcome, and the valid ones are invited', async () => {
    const owner = await inviter();
    const a = `${unique('ann')}@example.com`;
    const b = `${unique('bob')}@Example.com`;
    const results = await invite(owner, { emails: `${a}, not-an-email ,${a.toUpperCase()}; ${owner.user.email},\n${b}`, note: 'Glad to have you.' });
    expect(results.map((r) => [r.email, r.status])).toEqual([
      [a, 'invited'], ['not-an-email', 'invalid'], [a.toUpperCase(), 'duplicate'], [owner.user.email, 'already_member'], [b, 'invited'],
    ]);
    const listed = await invitationsOf(owner);
    expect(listed.map((i) => i.email).sort()).toEqual([a, b].sort());
    expect(listed.every((i) => i.status === 'pending' && i.sendCount === 1 && i.role === 'member' && i.note === 'Glad to have you.')).toBe(true);
    await mailTo(a);
    await mailTo(b);
  });

  it('delivers the invitation over SMTP: recipient, subject with the organization, the note, the inviter\'s alias and signature, a link (seeds 000, 003)', async () => {
    const name = unique('sig');
    const owner = await inviter(name);
    const address = `${unique('carl')}@example.com`;
    const [result] = await invite(owner, { emails: address, note: 'Your note <b>matters</b>.\nSecond line.' });
    const mail = await mailTo(address);
    expect(mail.to).toEqual([address]);
    expect(mail.subject).toBe(`Agent ${name} invited you to ${name} Industries on Roster`);
    expect(mail.text).toContain('Your note <b>matters</b>.\nSecond line.');
    expect(mail.text).toContain(`Agent ${name}\nCheers,\n${name} from support`);
    // The alias replaces the real name towards the invitee (seed 000).
    expect(mail.text).not.toContain(`${name} Tester`);
    expect(mail.html).toContain('Your note &lt;b&gt;matters&lt;/b&gt;.<br>Second line.');
    expect(mail.html).toContain(`${PUBLIC_URL}/invitations/${tokenIn(mail)}`);
    expect(mail.replyTo).toBe(owner.user.email);
    // The outbox id is the Message-ID, so a receiver can tell a repeat.
    const row = await server.database.db.selectFrom('outbox').select(['id', 'status']).where('related_id', '=', result!.invitationId!).executeTakeFirstOrThrow();
    expect(mail.messageId).toBe(`<${row.id}@roster.example.test>`);
    await waitUntil(async () => (await server.database.db.selectFrom('outbox').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status === 'sent', 5000, 'the outbox row marked sent');
    // Only the hash of the token is stored.
    const stored = await server.database.db.selectFrom('invitations').select('token_hash').where('id', '=', result!.invitationId!).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tokenIn(mail));
    expect(Buffer.from(tokenIn(mail), 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('the link works: a new invitee previews it, picks username, names and password, and is a signed-in member with the invited role, permissions, groups and resources', async () => {
    const owner = await inviter();
    const role = await owner.client.post(`${org(owner)}/roles`, { key: 'agent', name: 'Agent', permissions: ['members.read'] });
    expect(role.status).toBe(201);
    expect((await owner.client.post(`${org(owner)}/permissions`, { key: 'issue_comments.access', description: 'Access to Issue Comments' })).status).toBe(201);
    const group = await owner.client.post(`${org(owner)}/groups`, { name: 'Support', permissions: ['audit.read'] });
    expect(group.status).toBe(201);
    expect((await owner.client.post(`${org(owner)}/resource-types`, { key: 'partner', name: 'Partner' })).status).toBe(201);
    expect((await owner.client.put(`${org(owner)}/resource-types/partner/resources`, { items: [{ id: 'acme', name: 'Acme' }, { id: 'beta', name: 'Beta' }] })).status).toBe(200);

    const address = `${unique('dora')}@example.com`;
    const [result] = await invite(owner, {
      emails: address, role: 'agent', permissions: ['issue_comments.access'], groups: [group.body.id], resources: { partner: ['acme'] }, note: 'See you inside',
    });
    const token = tokenIn(await mailTo(address));

    const invitee = server.client();
    const preview = await invitee.get(`/api/v1/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      organization: { id: owner.organization.id, name: owner.organization.name }, role: { key: 'agent', name: 'Agent' },
      email: address, note: 'See you inside', existingAccount: false,
    });

    const username = unique('dora');
    const accepted = await invitee.post(`/api/v1/invitations/${token}/accept`, { username, password: PASSWORD, firstName: 'Dora', lastName: 'Explorer' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ organizationId: owner.organization.id, created: true, user: { username, email: address, firstName: 'Dora' } });
    // Signed in at once, as a member of the organization with the invited role.
    const mine = await invitee.get('/api/v1/me/organizations');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ organization: owner.organization, role: 'agent', status: 'active' })]);

    const userId = accepted.body.user.id as string;
    const member = await owner.client.get(`${org(owner)}/members/${userId}`);
    expect(member.body).toMatchObject({ role: 'agent', status: 'active', groups: [{ id: group.body.id, name: 'Support' }] });
    const access = await owner.client.get(`${org(owner)}/members/${userId}/access`);
    expect(access.status).toBe(200);
    expect(access.body.permissions).toEqual(expect.arrayContaining([
      { permission: 'members.read', reason: 'role:agent' },
      { permission: 'audit.read', reason: 'group:Support' },
      { permission: 'issue_comments.access', reason: 'user:allow' },
    ]));
    expect(access.body.resources.partner.ids).toEqual(['acme']);

    const listed = (await invitationsOf(owner)).find((i) => i.id === result!.invitationId);
    expect(listed).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
    // Single use: the same link a second time finds nothing.
    const again = await server.client().post(`/api/v1/invitations/${token}/accept`, { username: unique('x'), password: PASSWORD, firstName: 'X', lastName: 'Y' });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('invitation.not_found');
    expect((await server.client().get(`/api/v1/invitations/${token}`)).body.code).toBe('invitation.not_found');
  });

  it('a second invitation to a pending address refreshes it: still one invitation, the old link dead, the new one working', async () => {
    const owner = await inviter();
    const address = `${unique('eve')}@example.com`;
    const [first] = await invite(owner, { emails: address });
    const oldToken = tokenIn(await mailTo(address));
    const [second] = await invite(owner, { emails: address, role: 'admin' });
    expect(second).toMatchObject({ status: 'refreshed', invitationId: first!.invitationId });
    await waitUntil(() => allMailTo(address).length === 2, 10_000, 'the second invitation email');
    const newToken = tokenIn(allMailTo(address)[1]!);
    expect(newToken).not.toBe(oldToken);
    const listed = (await invitationsOf(owner)).filter((i) => i.email === address);
    expect(listed).toEqual([expect.objectContaining({ id: first!.invitationId, status: 'pending', role: 'admin', sendCount: 2 })]);
    expect((await server.client().get(`/api/v1/invitations/${oldToken}`)).status).toBe(404);
    const preview = await server.client().get(`/api/v1/invitations/${newToken}`);
    expect(preview.status).toBe(200);
    expect(preview.body.role.key).toBe('admin');
  });

  it('an existing user signs in first and joins with their one password (seed 004); another signed-in user can not take the invitation', async () => {
    const owner = await inviter();
    const existing = await signUp(server, unique('fay'));
    const [result] = await invite(owner, { emails: existing.user.email, role: 'member' });
    const token = tokenIn(await mailTo(existing.user.email));

    expect((await server.client().get(`/api/v1/invitations/${token}`)).body.existingAccount).toBe(true);
    const anonymous = await server.client().post(`/api/v1/invitations/${token}/accept`, { username: unique('imposter'), password: PASSWORD, firstName: 'I', lastName: 'P' });
    expect(anonymous.status).toBe(409);
    expect(anonymous.body.code).toBe('invitation.sign_in_required');

    const stranger = await signUp(server, unique('gus'));
    const wrong = await stranger.client.post(`/api/v1/invitations/${token}/accept`, {});
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('invitation.wrong_account');
    expect((await stranger.client.get('/api/v1/me/organizations')).body.items).toHaveLength(1);

    const joined = await existing.client.post(`/api/v1/invitations/${token}/accept`, {});
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toMatchObject({ created: false, organizationId: owner.organization.id, user: { id: existing.user.id } });
    const orgs = await existing.client.get('/api/v1/me/organizations');
    expect(orgs.body.items.map((i: any) => i.organization.id).sort()).toEqual([existing.organization.id, owner.organization.id].sort());
    // One password for every organization: the old one still works, in both.
    const again = await signIn(server, existing.user.username, PASSWORD);
    expect((await again.get(`${org(owner)}`)).status).toBe(200);
    expect((await invitationsOf(owner)).find((i) => i.id === result!.invitationId).status).toBe('accepted');
  });

  it('an expired link answers 410, a forged or edited one 404', async () => {
    const owner = await inviter();
    const address = `${unique('hal')}@example.com`;
    const [result] = await invite(owner, { emails: address });
    const token = tokenIn(await mailTo(address));
    await server.database.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', result!.invitationId!).execute();
    const preview = await server.client().get(`/api/v1/invitations/${token}`);
    expect(preview.status).toBe(410);
    expect(preview.body.code).toBe('invitation.expired');
    const accept = await server.client().post(`/api/v1/invitations/${token}/accept`, { username: unique('hal'), password: PASSWORD, firstName: 'H', lastName: 'L' });
    expect(accept.status).toBe(410);
    expect((await invitationsOf(owner)).find((i) => i.id === result!.invitationId).status).toBe('expired');

    // Resending gives a new link and a new expiry (the organization's invitationLifetimeDays).
    expect((await owner.client.patch(org(owner), { settings: { invitationLifetimeDays: 2 } })).status).toBe(200);
    const resent = await owner.client.post(`${invitations(owner)}/${result!.invitationId}/resend`);
    expect(resent.status).toBe(200);
    const days = (Date.parse(resent.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(2);
    await waitUntil(() => allMailTo(address).length === 2, 10_000, 'the resent invitation');
    const fresh = tokenIn(allMailTo(address)[1]!);
    expect((await server.client().get(`/api/v1/invitations/${fresh}`)).status).toBe(200);

    const edited = fresh.slice(0, -1) + (fresh.endsWith('A') ? 'B' : 'A');
    for (const forged of [randomBytes(32).toString('base64url'), edited, 'short', 'x'.repeat(200)]) {
      const res = await server.client().get(`/api/v1/invitations/${forged}`);
      expect(res.status, forged).toBe(404);
      expect(res.body.code).toBe('invitation.not_found');
      expect((await server.client().post(`/api/v1/invitations/${forged}/accept`, {})).status, forged).toBe(404);
    }
  });

  it('another organization\'s invitation can not be listed, resent or revoked by id, and its link joins only its own organization', async () => {
    const alpha = await inviter();
    const bravo = await inviter();
    const address = `${unique('ivy')}@example.com`;
    const [result] = await invite(alpha, { emails: address });
    const token = tokenIn(await mailTo(address));
    const id = result!.invitationId!;
    expect((await invitationsOf(bravo)).map((i) => i.id)).not.toContain(id);
    for (const res of [await bravo.client.post(`${invitations(bravo)}/${id}/resend`), await bravo.client.delete(`${invitations(bravo)}/${id}`)]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('invitation.not_found');
    }
    expect((await bravo.client.post(`${invitations(alpha)}/${id}/resend`)).body.code).toBe('organization.not_found');
    expect(allMailTo(address)).toHaveLength(1);
    const invitee = server.client();
    const accepted = await invitee.post(`/api/v1/invitations/${token}/accept`, { username: unique('ivy'), password: PASSWORD, firstName: 'Ivy', lastName: 'Green' });
    expect(accepted.body.organizationId).toBe(alpha.organization.id);
    const mine = await invitee.get('/api/v1/me/organizations');
    expect(mine.body.items.map((i: any) => i.organization.id)).toEqual([alpha.organization.id]);
    expect((await invitee.get(org(bravo))).status).toBe(404);
  });

  it('a refused address marks the invitation bounced with the server\'s reason, and the inviter is told by email (seed 004)', async () => {
    const owner = await inviter();
    const bad = `${unique('bounce')}@example.com`;
    const good = `${unique('jay')}@example.com`;
    const results = await invite(owner, { emails: `${bad}, ${good}` });
    const badId = results[0]!.invitationId!;
    await mailTo(good);
    const notice = await mailTo(owner.user.email, 'the bounce notice');
    expect(notice.subject).toBe(`We could not deliver your invitation to ${bad}`);
    expect(notice.text).toContain(bad);
    expect(notice.text).toContain('550 5.1.1');
    expect(smtp.refused).toContain(bad.toLowerCase());
    expect(allMailTo(bad)).toHaveLength(0);

    let bounced: any;
    await waitUntil(async () => (bounced = (await invitationsOf(owner, '?status=bounced')).find((i) => i.id === badId)) !== undefined, 5000, 'the bounced invitation');
    expect(bounced.bounceReason).toMatch(/^550 5\.1\.1 .*User unknown/);
    const all = await invitationsOf(owner);
    expect(all.find((i) => i.email === good).status).toBe('pending');

    // Resending a bounced invitation tries again, and it bounces again.
    const resent = await owner.client.post(`${invitations(owner)}/${badId}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', bounceReason: null, sendCount: 2 });
    await waitUntil(() => smtp.refused.filter((r) => r === bad.toLowerCase()).length === 2, 10_000, 'the second refusal');
    await waitUntil(() => allMailTo(owner.user.email).length === 2, 10_000, 'the second bounce notice');
    await waitUntil(async () => (await invitationsOf(owner, '?status=bounced')).some((i) => i.id === badId), 5000, 'bounced again');
  });

  it('resend sends a pending invitation again with a new link; an accepted one is refused, and revoking kills the link', async () => {
    const owner = await inviter();
    const address = `${unique('kim')}@example.com`;
    const [result] = await invite(owner, { emails: address });
    const id = result!.invitationId!;
    const first = tokenIn(await mailTo(address));
    const resent = await owner.client.post(`${invitations(owner)}/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id, status: 'pending', sendCount: 2 });
    await waitUntil(() => allMailTo(address).length === 2, 10_000, 'the resent email');
    const second = tokenIn(allMailTo(address)[1]!);
    expect((await server.client().get(`/api/v1/invitations/${first}`)).status).toBe(404);
    expect((await server.client().get(`/api/v1/invitations/${second}`)).status).toBe(200);

    expect((await owner.client.delete(`${invitations(owner)}/${id}`)).status).toBe(204);
    const dead = await server.client().get(`/api/v1/invitations/${second}`);
    expect(dead.status).toBe(404);
    expect((await server.client().post(`/api/v1/invitations/${second}/accept`, { username: unique('kim'), password: PASSWORD, firstName: 'K', lastName: 'M' })).status).toBe(404);
    const revokedResend = await owner.client.post(`${invitations(owner)}/${id}/resend`);
    expect(revokedResend.status).toBe(409);
    expect(revokedResend.body.code).toBe('invitation.not_pending');

    const other = `${unique('lee')}@example.com`;
    const [accepted] = await invite(owner, { emails: other });
    const token = tokenIn(await mailTo(other));
    expect((await server.client().post(`/api/v1/invitations/${token}/accept`, { username: unique('lee'), password: PASSWORD, firstName: 'L', lastName: 'E' })).status).toBe(200);
    const refused = await owner.client.post(`${invitations(owner)}/${accepted!.invitationId}/resend`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invitation.not_pending');
    expect(allMailTo(other)).toHaveLength(1);
  });

  it('a member added directly is sent an email invitation (seed 004), sent again while they never logged in and refused once they have', async () => {
    const name = unique('adder');
    const owner = await inviter(name);
    const username = unique('mia');
    const member = await addUser(owner, { username });
    const mail = await mailTo(`${username}@example.com`);
    expect(mail.subject).toBe(`Agent ${name} added you to ${name} Industries on Roster`);
    expect(mail.text).toContain(`username ${username}`);
    expect(mail.text).toContain(`Agent ${name}\nCheers,\n${name} from support`);
    expect(mail.text).not.toContain(PASSWORD);
    const link = /(https:\/\/roster\.example\.test\/sign-in\?\S+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    const params = new URL(link!).searchParams;
    expect(params.get('organization')).toBe(owner.organization.id);
    expect(params.get('login')).toBe(username);

    const resend = `${org(owner)}/members/${member.userId}/resend-invitation`;
    const again = await owner.client.post(resend);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ userId: member.userId, lastLoginAt: null });
    await waitUntil(() => allMailTo(`${username}@example.com`).length === 2, 10_000, 'the resent welcome email');

    // The link's login and the password the admin chose sign them in; after that, no more resends.
    const signedIn = await signIn(server, params.get('login')!, PASSWORD);
    expect((await signedIn.get(org(owner))).status).toBe(200);
    const refused = await owner.client.post(resend);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invitation.resend_not_allowed');
    expect(allMailTo(`${username}@example.com`)).toHaveLength(2);

    // It needs members.invite, and a member of another organization is not found.
    const plain = await addMember(server, owner, 'member', unique('plain'));
    const other = await addUser(owner, { username: unique('nolog') });
    expect((await plain.client.post(`${org(owner)}/members/${other.userId}/resend-invitation`)).status).toBe(403);
    const stranger = await inviter();
    const notHere = await stranger.client.post(`${org(stranger)}/members/${other.userId}/resend-invitation`);
    expect(notHere.status).toBe(404);
    expect(notHere.body.code).toBe('member.not_found');
  });

  it('when the address of a member added directly is refused, the admin who added them gets an email saying so (seed 004)', async () => {
    const owner = await inviter();
    const username = unique('nobody');
    await addUser(owner, { username });
    const notice = await mailTo(owner.user.email, 'the bounce notice');
    expect(notice.subject).toBe(`We could not deliver your invitation to ${username}@example.com`);
    expect(notice.text).toContain('550 5.1.1');
    const events = await owner.client.get(`${org(owner)}/audit-events?action=member.invitation_bounced`);
    expect(events.status).toBe(200);
    expect(events.body.items).toHaveLength(1);
  });

  it('the dev mailbox is closed while mail really goes out', async () => {
    const owner = await inviter();
    const res = await owner.client.get(`${org(owner)}/mailbox`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('mailbox.smtp_configured');
  });
});

describe.each(DIALECTS)('the dev mailbox, with no SMTP server, on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => { server = await startRoster(dialect, { PUBLIC_URL, MAIL_POLL_MS: '50' }); });
  afterAll(async () => { await server?.close(); });

  const mailbox = (client: Client, o: SignedUp, query = '') => client.get(`${org(o)}/mailbox${query}`);

  it('keeps every email readable, newest first, with a link that works', async () => {
    const owner = await signUp(server, unique('mbox'));
    const address = `${unique('nia')}@example.com`;
    expect((await owner.client.post(invitations(owner), { emails: address, role: 'member', note: 'from the mailbox' })).status).toBe(201);
    const member = await addUser(owner, { username: unique('oli') });
    let items: any[] = [];
    await waitUntil(async () => {
      items = (await mailbox(owner.client, owner)).body.items;
      return items.length === 2 && items.every((m) => m.status === 'sent');
    }, 5000, 'both messages in the mailbox, delivered');
    expect(items.map((m) => m.to)).toEqual([member.email, address]);
    const invitation = items[1];
    expect(invitation).toMatchObject({ kind: 'invitation', subject: expect.stringContaining(owner.organization.name), lastError: null, sentAt: expect.any(String), createdAt: expect.any(String) });
    expect(invitation.text).toContain('from the mailbox');
    expect(invitation.html).toContain('from the mailbox');
    const preview = await server.client().get(`/api/v1/invitations/${tokenIn(invitation)}`);
    expect(preview.status).toBe(200);

    const first = await mailbox(owner.client, owner, '?limit=1');
    expect(first.body.items.map((m: any) => m.to)).toEqual([member.email]);
    const second = await mailbox(owner.client, owner, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ to: address })], nextCursor: null });
    const filtered = await mailbox(owner.client, owner, `?to=${encodeURIComponent(address.toUpperCase())}`);
    expect(filtered.body.items.map((m: any) => m.to)).toEqual([address]);
  });

  it('shows an organization only its own mail, and only to members with settings.manage', async () => {
    const alpha = await signUp(server, unique('alpha'));
    const bravo = await signUp(server, unique('bravo'));
    expect((await alpha.client.post(invitations(alpha), { emails: `${unique('pia')}@example.com`, role: 'member' })).status).toBe(201);
    expect((await mailbox(bravo.client, bravo)).body.items).toEqual([]);
    expect((await mailbox(bravo.client, alpha)).status).toBe(404);
    const plain = await addMember(server, alpha, 'member', unique('plain'));
    const refused = await mailbox(plain.client, alpha);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
  });

  it('invites 1,000 addresses in one request: all invited, 1,000 emails queued', async () => {
    const owner = await signUp(server, unique('bulk'));
    const tag = unique('k');
    const addresses = Array.from({ length: 1000 }, (_, i) => `${tag}-${i}@example.com`);
    const started = Date.now();
    const res = await owner.client.post(invitations(owner), { emails: addresses.join(', '), role: 'member' });
    expect(res.status).toBe(201);
    expect(res.body.results).toHaveLength(1000);
    expect(res.body.results.every((r: any) => r.status === 'invited')).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
    const queued = await server.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', owner.organization.id).where('kind', '=', 'invitation').executeTakeFirstOrThrow();
    expect(Number(queued.n)).toBe(1000);
    const tooMany = await owner.client.post(invitations(owner), { emails: [...addresses, `${tag}-x@example.com`].join(','), role: 'member' });
    expect(tooMany.status).toBe(400);
  });
});
