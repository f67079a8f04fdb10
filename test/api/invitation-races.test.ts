/**
 * The same address invited at the same moment, many times, through two Roster processes on one
 * PostgreSQL database: there is never more than one pending invitation per address and organization
 * (docs/api.md), no request fails with a 5xx, every email queued is one an answer announced, and only
 * the newest link works. PostgreSQL only: this is about processes sharing it (SQLite is one process,
 * whose transactions run one at a time). And on both databases, the unique index behind it is
 * turned into a domain error wherever a write still meets it (a CSV import racing an invitation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterError } from '../../src/domain/errors.js';
import { insertInvitations } from '../../src/db/queries/invitations.js';
import { inTransaction } from '../../src/db/transaction.js';
import type { InvitationRow } from '../../src/db/schema.js';
import { Client } from '../support/client.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { startInstance, type Instance } from '../support/instances.js';
import { PASSWORD, signUp, startRoster } from '../support/server.js';

const PER_PROCESS = 12;

describe('concurrent invitations of one address on two processes sharing PostgreSQL', () => {
  let testDb: TestDatabase;
  let one: Instance;
  let two: Instance;
  let owners: Client[];
  let organizationId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    one = await startInstance(testDb.url);
    two = await startInstance(testDb.url);
    const onOne = new Client(one.url);
    const signup = await onOne.post('/api/v1/signup', {
      username: 'raceowner', email: 'raceowner@example.com', password: PASSWORD, firstName: 'Race', lastName: 'Owner', organizationName: 'Races',
    });
    expect(signup.status).toBe(201);
    organizationId = signup.body.organization.id;
    const onTwo = new Client(two.url);
    expect((await onTwo.post('/api/v1/session', { login: 'raceowner', password: PASSWORD })).status).toBe(200);
    owners = [onOne, onTwo];
  });
  afterAll(async () => {
    for (const instance of [one, two]) await instance?.close();
    await testDb?.drop();
  });

  const invitationsPath = () => `/api/v1/organizations/${organizationId}/invitations`;

  /** Every request at once: PER_PROCESS on each process, alternating, none awaited before the last is sent. */
  async function inviteAtOnce(body: Record<string, unknown>) {
    return Promise.all(Array.from({ length: PER_PROCESS * 2 }, (_, i) => owners[i % 2]!.post(invitationsPath(), { role: 'member', ...body })));
  }

  /** The tokens of the invitation emails queued to an address; delivered or not, each stays an outbox row. */
  async function queuedInvitationMails(address: string): Promise<string[]> {
    const rows = await one.database.db.selectFrom('outbox').select(['text']).where('organization_id', '=', organizationId)
      .where('kind', '=', 'invitation').where('to_address', '=', address).execute();
    return rows.map((r) => /\/invitations\/([A-Za-z0-9_-]+)/.exec(r.text)![1]!);
  }

  it('a new address: one pending invitation, one "invited", the rest told it is being invited; one email per answer that sent one', async () => {
    for (let round = 0; round < 3; round++) {
      const address = `race${round}@example.com`;
      const answers = await inviteAtOnce({ emails: address });
      for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(201);
      const outcomes = answers.map((a) => a.body.results[0].status as string);
      expect(outcomes.filter((o) => o === 'invited'), outcomes.join(' ')).toHaveLength(1);
      for (const o of outcomes) expect(['invited', 'refreshed', 'duplicate']).toContain(o);

      const pending = (await owners[0]!.get(`${invitationsPath()}?status=pending&limit=200`)).body.items.filter((i: { email: string }) => i.email === address);
      expect(pending).toHaveLength(1);
      // Every answer says whether it sent an email; exactly those emails are queued, and the
      // invitation counts them.
      const sent = outcomes.filter((o) => o !== 'duplicate').length;
      const tokens = await queuedInvitationMails(address);
      expect(tokens).toHaveLength(sent);
      expect(pending[0].sendCount).toBe(sent);
      // Each refresh makes the earlier links dead: exactly one link in the queued emails works.
      const live = [];
      for (const token of tokens) if ((await owners[0]!.get(`/api/v1/invitations/${token}`)).status === 200) live.push(token);
      expect(live).toHaveLength(1);
    }
  });

  it('an address with a pending invitation, invited again by many at once: still one pending invitation and one live link', async () => {
    const address = 'race-pending@example.com';
    expect((await owners[0]!.post(invitationsPath(), { role: 'member', emails: address })).status).toBe(201);
    const answers = await inviteAtOnce({ emails: `${address}, other-${Date.now()}@example.com` });
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(201);
    const pending = (await owners[1]!.get(`${invitationsPath()}?status=pending&limit=200`)).body.items.filter((i: { email: string }) => i.email === address);
    expect(pending).toHaveLength(1);
    const tokens = await queuedInvitationMails(address);
    expect(pending[0].sendCount).toBe(tokens.length);
    const statuses = await Promise.all(tokens.map(async (t) => (await owners[0]!.get(`/api/v1/invitations/${t}`)).status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  });
});

describe.each(DIALECTS)('a second pending invitation to one address on %s', (dialect) => {
  it('is refused by the database and answered as 409 invitation.already_pending, not a 500', async () => {
    const server = await startRoster(dialect);
    try {
      const owner = await signUp(server, 'dup-owner');
      const invited = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/invitations`, { emails: 'twice@example.com', role: 'member' });
      expect(invited.status).toBe(201);
      const db = server.database.db;
      const row = await db.selectFrom('invitations').selectAll().where('organization_id', '=', owner.organization.id).executeTakeFirstOrThrow();
      const again: InvitationRow = { ...row, id: `${row.id.slice(0, -4)}beef`, token_hash: 'f'.repeat(64) };
      const error = await inTransaction(db, (trx) => insertInvitations(trx, [again])).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RosterError);
      expect(error).toMatchObject({ code: 'invitation.already_pending', status: 409 });
    } finally {
      await server.close();
    }
  });
});
