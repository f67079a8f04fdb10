/**
 * Tenant isolation over the whole route list, not a sample: "every organization's data is invisible
 * to every other organization" (DESIGN.md §1). The routes come from the server's own OpenAPI
 * document, so a route added later is checked without editing this file, and a route this file can
 * not call (a body it can not derive, a path parameter it can not fill with a real value) fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Response } from '../support/client.js';
import { TEMPLATES } from '../../src/domain/templates.js';
import { DIALECTS } from '../support/databases.js';
import {
  exampleOf, fetchOpenApi, fillPath, queryString, realPathValues, SchemaOracle, storedRows, unique,
  type Hints, type OpenApiDocument, type Operation,
} from '../support/openapi.js';
import { ROUTE_DOCUMENT, ROUTES } from '../support/routes.js';
import { addMember, PASSWORD, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const DOC = ROUTE_DOCUMENT;
const OPERATIONS = ROUTES;
const byId = new Map(OPERATIONS.map((op) => [op.id, op]));
const ORG_OPERATIONS = OPERATIONS.filter((op) => op.path.includes('{organizationId}'));
const ORG_WRITES = ORG_OPERATIONS.filter((op) => op.method !== 'GET');
const DOC_SCHEMAS = new SchemaOracle(DOC);

/**
 * Routes anyone may call: these, and those the document marks `security: []` (the invitee's side).
 * The document and its viewer (/api/v1/openapi.json, /api/v1/docs) are not in the document.
 */
const PUBLIC = ['GET /healthz', 'GET /readyz', 'POST /api/v1/signup', 'POST /api/v1/session', 'DELETE /api/v1/session'];
const SIGNED_IN_ONLY = OPERATIONS.filter((op) => !op.public && !PUBLIC.includes(op.id));

const ids = (ops: Operation[]) => ops.map((op) => op.id);
const op = (id: string): Operation => byId.get(id)!;

function expectProblem(res: Response, status: number, code: string, label: string): void {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
  expect(res.body, label).toMatchObject({ status, code });
}

describe('the route list', () => {
  it('is read from the OpenAPI document and holds enough organization routes that no check passes vacuously', () => {
    expect(ORG_OPERATIONS.length).toBeGreaterThanOrEqual(15);
    expect(ORG_WRITES.length).toBeGreaterThanOrEqual(8);
    expect(SIGNED_IN_ONLY.length).toBeGreaterThanOrEqual(ORG_OPERATIONS.length + 4);
    for (const id of PUBLIC) expect(byId.has(id), `${id} is still a route`).toBe(true);
  });
});

describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let server: TestServer;
  let oracle: SchemaOracle;
  /** Organization A: its owner and an admin, neither a member of B. */
  let alpha: SignedUp;
  let alphaAdmin: SignedUp;
  /** Organization B: its owner, a plain `member`, and another member the requests aim at. */
  let bravo: SignedUp;
  let bravoMember: SignedUp;
  let bravoTarget: SignedUp;
  const bravoRole = 'bravo-only';
  /** Strings only B's own people may ever see in an answer. */
  let secrets: string[];

  beforeAll(async () => {
    server = await startRoster(dialect);
    const live: OpenApiDocument = await fetchOpenApi(server.client());
    oracle = new SchemaOracle(live);
    alpha = await signUp(server, 'alpha-owner', 'Alpha Org');
    alphaAdmin = await addMember(server, alpha, 'admin', 'alpha-admin');
    bravo = await signUp(server, 'bravo-owner', 'Bravo Confidential Org');
    bravoMember = await addMember(server, bravo, 'member', 'bravo-member');
    bravoTarget = await addMember(server, bravo, 'member', 'bravo-target');
    const role = await bravo.client.post(`/api/v1/organizations/${bravo.organization.id}/roles`, {
      key: bravoRole, name: 'Bravo Secret Role', description: 'Bravo internal', permissions: ['members.read'],
    });
    expect(role.status).toBe(201);
    // Deletion allowed in A, so deleting B's member through A's routes can only fail by not finding it.
    const settings = await alpha.client.patch(`/api/v1/organizations/${alpha.organization.id}`, { settings: { allowMemberDeletion: true } });
    expect(settings.status).toBe(200);
    secrets = ['Bravo Confidential Org', 'Bravo Secret Role', 'Bravo internal', 'bravo-owner', 'bravo-target', 'bravo-member'];
  });
  afterAll(async () => { await server?.close(); });

  const stored = () => storedRows(server.database);
  const expectNothingStoredChangedSince = async (before: Awaited<ReturnType<typeof stored>>) => expect(await stored()).toEqual(before);

  /** Field names whose values should be real things of `org`, so a request is plausible, not junk. */
  function hintsFor(organizationId: string, userId: string, roleKey: string): Hints {
    return {
      organizationId: () => organizationId,
      userId: () => userId,
      userIds: () => [userId],
      actor: () => userId,
      target: () => userId,
      role: () => roleKey,
      roleKey: () => roleKey,
      key: () => `k${unique()}`,
      username: () => `u${unique()}`,
      email: () => `e${unique()}@example.com`,
      emails: () => `e${unique()}@example.com`,
      password: () => PASSWORD,
      permission: () => 'members.read',
      permissions: () => ['members.read'],
    };
  }

  const realValues = (operation: Operation, known: Record<string, string>, client: Client, hints: Hints, fresh = false) =>
    realPathValues(operation, OPERATIONS, oracle, known, client, hints, { fresh });

  /**
   * A plausible, schema-valid request for the operation, aimed at the given values; `naming` adds
   * the optional fields a hint fills (bulk's `userIds`, a member's `role`), so the request names
   * the organization's things wherever it can.
   */
  function requestFor(operation: Operation, values: Record<string, string>, hints: Hints, naming = true): { path: string; body: unknown } {
    const query: Record<string, string> = {};
    for (const p of operation.queryParams) {
      const hinted = hints[p.name]?.();
      if (typeof hinted === 'string' && oracle.validParams([p], { [p.name]: hinted })) query[p.name] = hinted;
      else if (p.required) query[p.name] = String(exampleOf(oracle, p.schema, `${operation.id} ?${p.name}`, { hints }));
    }
    const minimal = operation.body ? exampleOf(oracle, operation.body, operation.id, { hints, atLeastOneField: true }) : undefined;
    const body = operation.body && naming ? withHintedFields(operation, minimal, hints) : minimal;
    return { path: fillPath(operation.path, values) + queryString(query), body };
  }

  /** Adds the optional body fields a hint can fill. */
  function withHintedFields(operation: Operation, body: unknown, hints: Hints): unknown {
    const schema = oracle.resolve(operation.body!);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
    const out: Record<string, unknown> = { ...body };
    for (const [name, prop] of Object.entries<any>(schema.properties ?? {})) {
      if (name in out || !hints[name]) continue;
      const value = hints[name]!();
      if (oracle.validBody(prop, value)) out[name] = value;
    }
    return oracle.validBody(operation.body!, out) ? out : body;
  }

  // Template names are not listed by any route nor in the route's schema, so they come from the code.
  const bravoValues = () => ({ organizationId: bravo.organization.id, userId: bravoTarget.user.id, roleKey: bravoRole, template: Object.keys(TEMPLATES)[0]! });
  const bravoHints = () => hintsFor(bravo.organization.id, bravoTarget.user.id, bravoRole);

  function expectNoSecrets(res: Response, label: string): void {
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    for (const secret of secrets) expect(text, `${label} shows "${secret}"`).not.toContain(secret);
  }

  it.each(ids(ORG_OPERATIONS))('an owner or admin of organization A gets 404 organization.not_found from %s on organization B', async (id) => {
    const operation = op(id);
    const values = await realValues(operation, bravoValues(), bravo.client, bravoHints());
    const before = await stored();
    const { path, body } = requestFor(operation, values, bravoHints());
    const nowhere = requestFor(operation, { ...values, organizationId: `no-such-org-${unique()}` }, bravoHints());
    for (const [who, actor] of [['A owner', alpha], ['A admin', alphaAdmin]] as const) {
      const label = `${who}: ${operation.method} ${path}`;
      const res = await actor.client.request(operation.method, path, body);
      expectProblem(res, 404, 'organization.not_found', label);
      expectNoSecrets(res, label);
      // Indistinguishable from an organization that does not exist at all.
      const none = await actor.client.request(operation.method, nowhere.path, nowhere.body);
      expect({ status: none.status, code: none.body.code, detail: none.body.detail }, label)
        .toEqual({ status: res.status, code: res.body.code, detail: res.body.detail });
      if (operation.method === 'GET') expect((await actor.client.request('HEAD', path)).status, `HEAD ${path}`).toBe(404);
    }
    await expectNothingStoredChangedSince(before);
  });

  /** Names of query and body fields that point at a member or role; the next check fills them with B's. */
  const REFERENCES = ['userId', 'userIds', 'role', 'roleKey', 'actor', 'target'];
  /** A path parameter names a thing of its organization when the document lists a collection of such things. */
  // Templates are listed per organization but are the instance's (code), the same in every organization.
  const namesAThing = (o: Operation, name: string) => name !== 'organizationId' && name !== 'template' && byId.has(`GET ${o.path.slice(0, o.path.indexOf(`/{${name}}`))}`);
  const referencesOfB = ORG_OPERATIONS.filter((o) => o.pathParams.some((p) => namesAThing(o, p.name))
    || o.queryParams.some((p) => REFERENCES.includes(p.name))
    || Object.keys(o.body ? DOC_SCHEMAS.resolve(o.body).properties ?? {} : {}).some((k) => REFERENCES.includes(k)));

  /** An answer as text with the ids it may echo replaced, to compare two answers that differ only in the ids they name. */
  const normalized = (value: unknown, from: string[]): string => from.reduce((text, v) => text.split(v).join('<ref>'), JSON.stringify(value ?? null));

  it.each(ids(referencesOfB))('%s in organization A, naming B\'s things, answers as if they did not exist', async (id) => {
    const operation = op(id);
    const bValues = await realValues(operation, bravoValues(), bravo.client, bravoHints(), true);
    const before = await stored();
    const own = operation.pathParams.filter((p) => namesAThing(operation, p.name)).map((p) => p.name);
    const real = requestFor(operation, { ...bValues, organizationId: alpha.organization.id }, hintsFor(alpha.organization.id, bravoTarget.user.id, bravoRole));
    const bRefs = [...own.map((name) => bValues[name]!), bravoTarget.user.id, bravoRole];
    const label = `A owner: ${operation.method} ${real.path} ${JSON.stringify(real.body ?? null)}`;
    expect(bRefs.some((v) => real.path.includes(v) || JSON.stringify(real.body ?? null).includes(v)), `${label} names none of B's things`).toBe(true);

    // The same request naming things that exist nowhere.
    const fakes = Object.fromEntries(own.map((name) => [name, `nosuch${unique()}`]));
    const fakeUser = `nosuch${unique()}`;
    const fakeRole = `nosuch${unique()}`;
    const fake = requestFor(operation, { ...bValues, ...fakes, organizationId: alpha.organization.id }, hintsFor(alpha.organization.id, fakeUser, fakeRole));

    const res = await alpha.client.request(operation.method, real.path, real.body);
    const none = await alpha.client.request(operation.method, fake.path, fake.body);
    expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    expectNoSecrets(res, label);
    expect({ status: res.status, body: normalized(res.body, bRefs) }, label)
      .toEqual({ status: none.status, body: normalized(none.body, [...Object.values(fakes), fakeUser, fakeRole]) });
    await expectNothingStoredChangedSince(before);
  });

  it('A\'s routes name B\'s things in enough requests for the check above to mean something', () => {
    const naming = referencesOfB.filter((o) => o.pathParams.some((p) => p.name === 'userId' || p.name === 'roleKey'));
    expect(naming.length).toBeGreaterThanOrEqual(8);
  });

  it.each(ids(SIGNED_IN_ONLY))('%s answers a caller without a session, or with an unknown one, with 401 auth.required', async (id) => {
    const operation = op(id);
    const values = operation.pathParams.length > 0 ? await realValues(operation, bravoValues(), bravo.client, bravoHints()) : {};
    const before = await stored();
    // The least request: optional fields added together may break a rule across fields (terms are
    // named by id or by version and organization), and that answers 400 before anyone is asked who they are.
    const { path, body } = requestFor(operation, values, bravoHints(), false);
    const anonymous = await server.client().request(operation.method, path, body);
    expectProblem(anonymous, 401, 'auth.required', `${operation.method} ${path} without a session`);
    expectNoSecrets(anonymous, path);
    const forged = await server.client().request(operation.method, path, body, { cookie: `roster_session=${Buffer.alloc(32, 7).toString('base64url')}` });
    expectProblem(forged, 401, 'auth.required', `${operation.method} ${path} with an unknown session`);
    await expectNothingStoredChangedSince(before);
  });

  it('the public routes, the OpenAPI document and its viewer answer without a session', async () => {
    const anonymous = server.client();
    expect((await anonymous.get('/healthz')).status).toBe(200);
    expect((await anonymous.get('/readyz')).status).toBe(200);
    expect((await anonymous.get('/api/v1/openapi.json')).status).toBe(200);
    expect([200, 301, 302]).toContain((await anonymous.get('/api/v1/docs')).status);
    expect((await anonymous.delete('/api/v1/session')).status).toBe(204);
  });

  it('B\'s plain member is really an active member who can read what members read', async () => {
    const res = await bravoMember.client.get(`/api/v1/organizations/${bravo.organization.id}/members`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { username: string }) => m.username)).toContain('bravo-target');
  });

  it.each(ids(ORG_WRITES))('a plain member of B gets 403, not 404, from %s, which needs a permission the member role lacks', async (id) => {
    const operation = op(id);
    const values = await realValues(operation, bravoValues(), bravo.client, bravoHints());
    const before = await stored();
    const { path, body } = requestFor(operation, values, bravoHints());
    const label = `B member: ${operation.method} ${path} ${JSON.stringify(body ?? null)}`;
    const res = await bravoMember.client.request(operation.method, path, body);
    expectProblem(res, 403, 'auth.forbidden', label);
    await expectNothingStoredChangedSince(before);
  });
});
