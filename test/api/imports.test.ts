/**
 * CSV import of invitees (seed 004 "add users in bulk") and the members export, over HTTP, on every
 * database: the documented columns, a dry run that reports every row's problem and changes nothing,
 * the skip_invalid and all_or_nothing modes, the invitations and emails an import creates, its
 * progress, and an export that defuses formulas and imports back.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { storedRows } from '../support/openapi.js';
import { addMember, addUser, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const orgPath = (who: SignedUp) => `/api/v1/organizations/${who.organization.id}`;
const CSV = { 'content-type': 'text/csv' };

describe.each(DIALECTS)('CSV imports and exports on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let org: string;
  let sales: string;
  let support: string;

  const importCsv = (csv: string, query = 'mode=skip_invalid', who: SignedUp = owner) => who.client.post(`${orgPath(who)}/imports?${query}`, csv, CSV);
  const invitationsTo = (emailKeys: string[]) => server.database.db.selectFrom('invitations').selectAll()
    .where('organization_id', '=', owner.organization.id).where('email_key', 'in', emailKeys).orderBy('email_key').execute();
  const mailsTo = (addresses: string[]) => server.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'invitation').where('to_address', 'in', addresses).execute();

  beforeAll(async () => {
    server = await startRoster(dialect);
    owner = await signUp(server, 'imp-owner', 'Import Org');
    org = orgPath(owner);
    // Seed 003's partner network: Partner (exactly one partner), Normal, and the three role-limited permissions.
    expect((await owner.client.post(`${org}/templates/partner-network`)).status).toBe(200);
    expect((await owner.client.put(`${org}/resource-types/partner/resources`, { items: [{ id: 'acme', name: 'Acme' }, { id: 'globex', name: 'Globex' }] })).status).toBe(200);
    sales = (await owner.client.post(`${org}/groups`, { name: 'Sales', permissions: ['members.read'] })).body.id;
    support = (await owner.client.post(`${org}/groups`, { name: 'Support' })).body.id;
    await addUser(owner, { username: 'imp-existing', email: 'existing@example.com' });
  });
  afterAll(async () => { await server?.close(); });

  it('a dry run reports every problem of every row with its row number and column, and changes nothing', async () => {
    const csv = [
      'email,firstName,lastName,role,groups,permissions,resources,note',
      'ok1@example.com,Ok,One,member,Sales,,,Welcome',
      'not-an-email,Bad,Address,member,,,,',
      'OK1@example.com,Dup,Licate,member,,,,',
      'existing@example.com,Ex,Isting,member,,,,',
      'r6@example.com,No,Role,nosuch,,,,',
      'r7@example.com,No,Group,member,Sales;Nope,,,',
      'r8@example.com,No,Permission,member,,no.such,,',
      'r9@example.com,No,Partner,partner,,,,',
      'r10@example.com,Unknown,Partner,normal,,,partner:nowhere,',
      'r11@example.com,Would,Own,owner,,,,',
      ',No,Email,member,,,,',
      'r13@example.com,Partner,Extra,partner,,integrations.access,partner:acme,',
      'r14@example.com,Too,Many,member,,,,,surplus',
    ].join('\n');
    const before = await storedRows(server.database);
    const res = await importCsv(csv, 'mode=skip_invalid&dryRun=true');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, totalRows: 13, validRows: 1, invalidRows: 12 });
    expect(res.body.problems.map((p: { row: number; field: string | null }) => [p.row, p.field])).toEqual([
      [3, 'email'], [4, 'email'], [5, 'email'], [6, 'role'], [7, 'groups'], [8, 'permissions'], [9, 'resources'],
      [10, 'resources'], [11, 'role'], [12, 'email'], [13, 'permissions'], [14, null],
    ]);
    const message = (row: number) => res.body.problems.find((p: { row: number }) => p.row === row).message;
    expect(message(4)).toContain('row 2');
    expect(message(5)).toContain('member of this organization already');
    expect(message(7)).toContain('Nope');
    expect(message(9)).toContain('exactly one partner');
    expect(message(13)).toContain('can not be given to the partner role');
    expect(await storedRows(server.database)).toEqual(before);
  });

  it('skip_invalid invites the valid rows and reports the others with their rows', async () => {
    const res = await importCsv([
      'email,firstName,lastName',
      'skip-a@example.com,Skip,A',
      'skip-bad,Skip,Bad',
      'skip-b@example.com,Skip,B',
    ].join('\n'), 'mode=skip_invalid');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ mode: 'skip_invalid', status: 'finished', totalRows: 3, processedRows: 3, invitedRows: 2, skippedRows: 1 });
    expect(res.body.problems).toEqual([{ row: 3, field: 'email', message: '"skip-bad" is not an email address' }]);
    expect((await invitationsTo(['skip-a@example.com', 'skip-b@example.com'])).map((i) => [i.email, i.first_name, i.last_name, i.import_id]))
      .toEqual([['skip-a@example.com', 'Skip', 'A', res.body.id], ['skip-b@example.com', 'Skip', 'B', res.body.id]]);
    expect(await invitationsTo(['skip-bad'])).toEqual([]);
  });

  it('all_or_nothing imports nothing when one row is bad, answering 422 with every problem', async () => {
    const before = await storedRows(server.database);
    const res = await importCsv(['email,role', 'aon-a@example.com,member', 'aon-b@example.com,nosuch', 'aon-c', 'aon-d@example.com,normal'].join('\n'), 'mode=all_or_nothing');
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('import.rows_invalid');
    expect(res.body.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([[3, 'role'], [4, 'email']]);
    expect(await storedRows(server.database)).toEqual(before);
  });

  it('all_or_nothing imports every row when all are good', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `aon-ok${i}@example.com,Aon,${i}`);
    const res = await importCsv(['email,firstName,lastName', ...rows].join('\n'), 'mode=all_or_nothing');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ mode: 'all_or_nothing', status: 'finished', totalRows: 30, processedRows: 30, invitedRows: 30, skippedRows: 0, problems: [] });
    expect(await invitationsTo(rows.map((r) => r.split(',')[0]!))).toHaveLength(30);
  });

  it('each invitation carries the role, groups, permissions, resources and note of its row, and its invitee gets an email (seeds 003, 004)', async () => {
    const res = await importCsv([
      'Email,Role,Groups,Permissions,Resources,Note',
      'grant-normal@example.com,normal,Sales; support,integrations.access;messages.reprocess,partner:acme;partner:globex,See you on Monday',
      'grant-partner@example.com,partner,,issue_comments.access,partner:globex,',
      'grant-member@example.com,,,,,',
    ].join('\r\n'), 'mode=all_or_nothing');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [member, normal, partner] = await invitationsTo(['grant-member@example.com', 'grant-normal@example.com', 'grant-partner@example.com']);
    expect(normal).toMatchObject({ role: 'normal', note: 'See you on Monday', status: 'pending', import_id: res.body.id });
    expect(JSON.parse(normal!.groups).sort()).toEqual([sales, support].sort());
    expect(JSON.parse(normal!.permissions)).toEqual(['integrations.access', 'messages.reprocess']);
    expect(JSON.parse(normal!.resources)).toEqual({ partner: ['acme', 'globex'] });
    expect(partner).toMatchObject({ role: 'partner', note: null });
    expect(JSON.parse(partner!.permissions)).toEqual(['issue_comments.access']);
    expect(JSON.parse(partner!.resources)).toEqual({ partner: ['globex'] });
    expect(member).toMatchObject({ role: 'member', groups: '[]', permissions: '[]', resources: '{}' });
    const mails = await mailsTo(['grant-member@example.com', 'grant-normal@example.com', 'grant-partner@example.com']);
    expect(mails).toHaveLength(3);
    expect(mails.find((m) => m.to_address === 'grant-normal@example.com')!.text).toContain('See you on Monday');

    // The invitation works like one sent from the invitation page: listed, and accepted with the row's grants.
    const listed = await owner.client.get(`${org}/invitations?limit=200`);
    expect(listed.body.items.map((i: { email: string }) => i.email)).toContain('grant-partner@example.com');
  });

  it('an import sent again to a pending invitation refreshes it with the new row rather than inviting twice', async () => {
    await importCsv('email,role\nagain@example.com,member\n');
    const res = await importCsv('email,role\nagain@example.com,normal\n');
    expect(res.status).toBe(201);
    const invitations = await invitationsTo(['again@example.com']);
    expect(invitations.map((i) => [i.status, i.role, i.send_count])).toEqual([['pending', 'normal', 2]]);
  });

  it('shows its progress while it runs: invalid rows counted at once, then the counts after every 1,000 invitations, visible to a concurrent GET', async () => {
    const total = 4500;
    const rows = Array.from({ length: total }, (_, i) => (i % 10 === 9 ? `progress-bad-${i}` : `progress${i}@example.com`));
    const seen: Array<{ status: string; processedRows: number; invitedRows: number; skippedRows: number }> = [];
    const started = importCsv(['email', ...rows].join('\n'));
    let done = false;
    void started.finally(() => { done = true; });
    while (!done) {
      const list = await owner.client.get(`${org}/imports?limit=1`);
      const latest = list.body.items[0];
      if (latest?.totalRows === total) {
        const one = await owner.client.get(`${org}/imports/${latest.id}`);
        seen.push(one.body);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await started;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'finished', totalRows: total, processedRows: total, invitedRows: 4050, skippedRows: 450 });
    expect(res.body.problems).toHaveLength(450);
    const running = seen.filter((s) => s.status === 'running');
    expect(running.length, 'a running import was seen at least once').toBeGreaterThan(0);
    for (const s of running) {
      // Counts move a whole chunk at a time, and the last chunk finishes the import in the same commit.
      expect(s.skippedRows).toBe(450);
      expect(s.invitedRows % 1000).toBe(0);
      expect(s.invitedRows + s.skippedRows).toBe(s.processedRows);
      expect(s.processedRows).toBeLessThan(total);
    }
    const fetched = await owner.client.get(`${org}/imports/${res.body.id}`);
    expect(fetched.body).toEqual(res.body);
  }, 60_000);

  it('refuses a header with an unknown column, naming it, and a file without an email column', async () => {
    const unknown = await importCsv('email,firstName,shoeSize\na@example.com,A,42\n', 'dryRun=true');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('import.invalid_csv');
    expect(unknown.body.detail).toContain('"shoeSize"');
    const noEmail = await importCsv('firstName,lastName\nA,B\n');
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.detail).toContain('email');
    const broken = await importCsv('email,note\na@example.com,"never closed\n');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('import.invalid_csv');
    const json = await owner.client.post(`${org}/imports?mode=skip_invalid`, { email: 'a@example.com' });
    expect(json.status).toBe(415);
  });

  it('imports and lists imports only with members.invite', async () => {
    const plain = await addMember(server, owner, 'member', 'imp-plain');
    const res = await importCsv('email\nplain-try@example.com\n', 'mode=skip_invalid', plain);
    expect(res.status).toBe(403);
    expect((await plain.client.get(`${org}/imports`)).status).toBe(403);
    expect(await invitationsTo(['plain-try@example.com'])).toEqual([]);
  });

  it('nobody imports a grant beyond their own: a role, group or permission they do not hold is a row problem', async () => {
    const inviter = await signUp(server, 'imp-inviter-owner', 'Inviter Org');
    const ownOrg = orgPath(inviter);
    expect((await inviter.client.post(`${ownOrg}/roles`, { key: 'recruiter', name: 'Recruiter', permissions: ['members.invite', 'members.read'] })).status).toBe(201);
    expect((await inviter.client.post(`${ownOrg}/groups`, { name: 'Auditors', permissions: ['audit.read'] })).status).toBe(201);
    const recruiter = await addMember(server, inviter, 'recruiter', 'imp-recruiter');
    const res = await recruiter.client.post(`${ownOrg}/imports?dryRun=true`, [
      'email,role,groups,permissions',
      'fine@example.com,member,,members.read',
      'admin@example.com,admin,,',
      'group@example.com,member,Auditors,',
      'perm@example.com,member,,audit.read',
    ].join('\n'), CSV);
    expect(res.status).toBe(200);
    expect(res.body.problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([[3, 'role'], [4, 'groups'], [5, 'permissions']]);
  });

  it('exports members as CSV, with formula-like cells defused by a leading apostrophe', async () => {
    const boss = await signUp(server, 'exp-owner', 'Export Org');
    await addUser(boss, { username: 'exp-formula', firstName: '=HYPERLINK("http://evil.example","click")', lastName: '@SUM(A1)', title: '-2+3', phone: '+1 555 0100' });
    const res = await boss.client.get(`${orgPath(boss)}/members/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="members-all\.csv"/);
    const [header, ...rows] = parse(res.body as string) as string[][];
    expect(header).toEqual(['username', 'email', 'firstName', 'lastName', 'displayName', 'alias', 'title', 'phone', 'role', 'status', 'groups', 'lastLoginAt', 'joinedAt']);
    const row = rows.find((r) => r[0] === 'exp-formula')!;
    expect(row.slice(2, 4)).toEqual(['\'=HYPERLINK("http://evil.example","click")', '\'@SUM(A1)']);
    expect(row[6]).toBe('\'-2+3');
    expect(row[7]).toBe('\'+1 555 0100');
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r[0]).sort()).toEqual(['exp-formula', 'exp-owner']);
  });

  it('exports only the status asked for, and only with members.read', async () => {
    const boss = await signUp(server, 'exps-owner', 'Export Status Org');
    const gone = await addUser(boss, { username: 'exps-gone' });
    await addUser(boss, { username: 'exps-here' });
    expect((await boss.client.post(`${orgPath(boss)}/members/${gone.userId}/deactivate`)).status).toBe(200);
    const usernames = async (query: string) => (parse((await boss.client.get(`${orgPath(boss)}/members/export${query}`)).body as string) as string[][]).slice(1).map((r) => r[0]).sort();
    expect(await usernames('?status=inactive')).toEqual(['exps-gone']);
    expect(await usernames('?status=active')).toEqual(['exps-here', 'exps-owner']);
    expect(await usernames('')).toEqual(['exps-gone', 'exps-here', 'exps-owner']);
    const outsider = await signUp(server, 'exps-outsider');
    expect((await outsider.client.get(`${orgPath(boss)}/members/export`)).status).toBe(404);
    expect((await boss.client.post(`${orgPath(boss)}/roles`, { key: 'blind', name: 'Blind', permissions: [] })).status).toBe(201);
    const blind = await addMember(server, boss, 'blind', 'exps-blind');
    expect((await blind.client.get(`${orgPath(boss)}/members/export`)).status).toBe(403);
  });

  it('an export imports back as it is: the same people invited with the same roles and groups, formulas restored', async () => {
    const a = await signUp(server, 'rt-owner-a', 'Round Trip A');
    const b = await signUp(server, 'rt-owner-b', 'Round Trip B');
    for (const who of [a, b]) {
      expect((await who.client.post(`${orgPath(who)}/groups`, { name: 'Field Team' })).status).toBe(201);
      expect((await who.client.post(`${orgPath(who)}/roles`, { key: 'dispatcher', name: 'Dispatcher', permissions: ['members.read'] })).status).toBe(201);
    }
    const groupOfA = (await a.client.get(`${orgPath(a)}/groups`)).body.items[0].id;
    const groupOfB = (await b.client.get(`${orgPath(b)}/groups`)).body.items[0].id;
    const ann = await addUser(a, { username: 'rt-ann', firstName: '=Ann', role: 'dispatcher' });
    await addUser(a, { username: 'rt-bob', firstName: 'Bob' });
    expect((await a.client.patch(`${orgPath(a)}/members/${ann.userId}`, { groups: [groupOfA] })).status).toBe(200);

    const exported = await a.client.get(`${orgPath(a)}/members/export`);
    expect(exported.status).toBe(200);
    const res = await b.client.post(`${orgPath(b)}/imports?mode=skip_invalid`, exported.body, CSV);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // A's owner is the one row left out: the owner role moves only by transfer.
    expect(res.body).toMatchObject({ totalRows: 3, invitedRows: 2, skippedRows: 1 });
    expect(res.body.problems).toEqual([expect.objectContaining({ field: 'role', message: expect.stringContaining('owner') })]);
    const invited = await server.database.db.selectFrom('invitations').selectAll().where('organization_id', '=', b.organization.id).orderBy('email_key').execute();
    expect(invited.map((i) => [i.email, i.role, JSON.parse(i.groups), i.first_name])).toEqual([
      ['rt-ann@example.com', 'dispatcher', [groupOfB], '=Ann'],
      ['rt-bob@example.com', 'member', [], 'Bob'],
    ]);
  });
});
