/**
 * Fuzzing every route of the OpenAPI document (the same route list as the isolation and bad-input
 * tests, test/support/routes.ts) with requests fast-check builds from the route's own schemas and
 * then breaks: wrong types, nulls, fields left out or added, text far too long, odd unicode,
 * injection strings, huge and negative numbers, ids that name nothing, bad query values and
 * If-Match headers. Sent by the organization's owner, so authorization hides no validation.
 *
 * Whatever arrives: never a 5xx; a refusal is problem+json with a catalogued code of its status; a
 * request the schemas refuse is refused; and a refused request stores nothing: every stored row
 * (test/support/openapi.ts `storedRows`: members, roles, groups, invitations, settings, audit
 * events, outbox…) is compared before and after each run of refused requests. The seed is fixed, so
 * a failure replays; fast-check prints the request that broke the rule.
 */
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { TEMPLATES } from '../../src/domain/templates.js';
import { DIALECTS } from '../support/databases.js';
import {
  exampleOf, fillPath, queryString, realPathValues, SchemaOracle, storedRows, UNDESCRIBED_BODIES, unique, type Hints, type Operation, type Parameter,
} from '../support/openapi.js';
import { ROUTE_DOCUMENT, ROUTES } from '../support/routes.js';
import { hostileValue, INJECTIONS, mutate, mutation, ODD_UNICODE, shapedLike } from '../support/schema-arbitraries.js';
import { addMember, addUser, PASSWORD, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

/** Requests per route and database: about a second or two a route on two busy cores. */
const RUNS_PER_ROUTE = 30;
const SEED = 20_261_122;

/** Routes that end the session the requests ride on go last, so one that succeeds spoils no other route's run. */
const ENDS_SESSION = (op: Operation) => /^\/api\/v1\/(session|me\/sessions|me\/terms\/decline|me\/password)/.test(op.path);
const ORDERED = [...ROUTES.filter((op) => !ENDS_SESSION(op)), ...ROUTES.filter(ENDS_SESSION)];
const byId = new Map(ROUTES.map((op) => [op.id, op]));

/** A fixed seed per route, so each route draws its own requests and a failure names one that replays. */
const seedOf = (id: string) => SEED ^ createHash('sha256').update(id).digest().readInt32BE(0);

/** Path values that name nothing or are not ids at all (an empty one would name another route). */
const BAD_PATH_VALUES = [
  '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '0', '-1', '1e308', 'null', 'undefined', '..', '../../etc/passwd',
  ...INJECTIONS.filter((v) => v !== ''), ...ODD_UNICODE.filter((v) => v !== ''), 'x'.repeat(65), 'x'.repeat(5_000),
];

/** Header values a client may send: printable ASCII (fetch refuses anything else), tags, garbage, `*`. */
const headerValue = fc.oneof(
  fc.constantFrom('*', '"abc"', 'W/"abc"', '"a", "b"', '""', 'abc', '"unterminated', '*, "x"', ' ', INJECTIONS[0]!),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
);

interface FuzzRequest {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The JSON sent, or `undefined` for none. */
  body?: unknown;
}

describe('the fuzzed route list', () => {
  it('is every operation of the OpenAPI document, each with a test below', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ORDERED.map((op) => op.id)).size).toBe(ROUTES.length);
  });
});

describe.each(DIALECTS)('fuzzing every route on %s', (dialect) => {
  let server: TestServer;
  let oracle: SchemaOracle;
  let owner: SignedUp;
  let cookie = '';
  let password = PASSWORD;

  beforeAll(async () => {
    server = await startRoster(dialect);
    oracle = new SchemaOracle(ROUTE_DOCUMENT);
    owner = await signUp(server, `fuzz-owner-${dialect}`, 'Fuzz Org');
    await addMember(server, owner, 'member', `fuzz-member-${dialect}`);
  });
  afterAll(async () => { await server?.close(); });

  /**
   * The owner's session for the requests. Each keeps any cookie it is answered with to itself, so a
   * sign-in that happens to succeed signs nobody out; a route that did end the session is followed
   * by a new sign-in, doing what it requires: accepting terms a fuzzed request published, or
   * changing a password a fuzzed policy no longer takes.
   */
  async function ensureSignedIn(): Promise<void> {
    // An organization route, not /me: a session held up by a required action may still read its own profile.
    const works = async () => (await fetch(`${server.url}/api/v1/organizations/${owner.organization.id}`, { headers: { cookie } })).status === 200;
    if (cookie && (await works())) return;
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: owner.user.username, password }),
    });
    expect(res.status, 'the owner signs in again').toBe(200);
    cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const { requiredActions } = (await res.json()) as { requiredActions: string[] };
    if (requiredActions.includes('change_password')) {
      const next = strongPassword();
      const changed = await fetch(`${server.url}/api/v1/me/password`, {
        method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: password, newPassword: next }),
      });
      expect(changed.status, await changed.text()).toBeLessThan(300);
      password = next;
    }
    if (requiredActions.includes('accept_terms')) {
      const mine = await (await fetch(`${server.url}/api/v1/me/terms`, { headers: { cookie } })).json() as { items: Array<{ id: string; accepted: boolean }> };
      for (const t of mine.items.filter((i) => !i.accepted)) {
        await fetch(`${server.url}/api/v1/me/terms/accept`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ termsId: t.id }) });
      }
    }
    expect(await works(), `the owner's new session works (${requiredActions.join(', ')})`).toBe(true);
  }

  /** A password any password policy a fuzzed request may have set takes: long, every kind of character, never common. */
  const strongPassword = () => `Aa1!${randomBytes(45).toString('base64url')}`;

  /** Field values that make the requests creating a route's things succeed. */
  const hints = (): Hints => ({
    organizationId: () => owner.organization.id, role: () => 'member', permissions: () => ['members.read'], key: () => `k${unique()}`,
    username: () => `u${unique()}`, email: () => `e${unique()}@example.com`, emails: () => `e${unique()}@example.com`, password: strongPassword,
  });

  /** Real values for the path (a fresh member, role, group… for this route alone), tokens that name nothing. */
  async function realValues(operation: Operation): Promise<Record<string, string>> {
    // Through the session the requests ride on: a fuzzed request may have ended any other.
    const client = server.client();
    const eq = cookie.indexOf('=');
    client.setCookie(cookie.slice(0, eq), cookie.slice(eq + 1));
    const known: Record<string, string> = { organizationId: owner.organization.id, template: Object.keys(TEMPLATES)[0]! };
    // A member of the route's own, which a group's member list can not create.
    if (operation.pathParams.some((p) => p.name === 'userId')) known.userId = (await addUser({ ...owner, client }, { username: `f${unique()}`, password: strongPassword() })).userId;
    return realPathValues(operation, ROUTES, oracle, known, client, hints(), { fresh: true, placeholder: true });
  }

  /**
   * Requests for the operation, shaped by its schemas, each with at most one part broken (the path,
   * the query, a header or the body, the body in one or two places), so a refusal has one cause and
   * requests that may well be accepted are drawn too.
   */
  function requests(operation: Operation, real: Record<string, string>): fc.Arbitrary<FuzzRequest> {
    const params = operation.pathParams.map((p) => p.name);
    const ownValues = Object.fromEntries(params.map((name) => [name, real[name]!]));
    const goodPath = fc.constant(ownValues);
    const badPath = params.length === 0 ? goodPath
      : fc.tuple(fc.constantFrom(...params), fc.constantFrom(...BAD_PATH_VALUES)).map(([name, value]) => ({ ...ownValues, [name]: value }));
    const goodQuery = fc.record(Object.fromEntries(operation.queryParams.map((p) => [p.name, shapedLike(oracle, p.schema).map(asQueryText)])),
      { requiredKeys: operation.queryParams.filter((p) => p.required).map((p) => p.name) }) as fc.Arbitrary<Record<string, string | string[]>>;
    const badQuery = fc.tuple(goodQuery, fc.oneof(fc.constantFrom(...params, ...operation.queryParams.map((p) => p.name), 'unexpected'), fc.string({ maxLength: 8 })),
      fc.oneof<fc.Arbitrary<string | string[]>[]>(fc.constantFrom(...INJECTIONS, ...ODD_UNICODE), fc.string(), fc.constant(['1', '2']), fc.constant(['', 'x'.repeat(5_000)])))
      .map(([q, name, value]) => ({ ...q, [name]: value }));
    const badHeaders = fc.record(Object.fromEntries(operation.headerParams.map((p) => [p.name, headerValue])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
    const shaped: fc.Arbitrary<unknown> = operation.body ? shapedLike(oracle, operation.body) : fc.constant(undefined);
    const badBody: fc.Arbitrary<unknown> = operation.body
      ? fc.tuple(shapedLike(oracle, operation.body), fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([value, mutations]) => mutate(value, mutations))
      // A body where none is expected must be ignored or refused, not trip anything.
      : operation.method === 'GET' ? fc.constant(undefined) : hostileValue;
    const faults: Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }> = [
      { weight: 2, arbitrary: fc.record({ path: goodPath, query: goodQuery, headers: fc.constant({}), body: shaped }) },
      { weight: 4, arbitrary: fc.record({ path: goodPath, query: goodQuery, headers: fc.constant({}), body: badBody }) },
      { weight: 1, arbitrary: fc.record({ path: goodPath, query: badQuery, headers: fc.constant({}), body: shaped }) },
    ];
    if (params.length > 0) faults.push({ weight: 2, arbitrary: fc.record({ path: badPath, query: goodQuery, headers: fc.constant({}), body: shaped }) });
    if (operation.headerParams.length > 0) faults.push({ weight: 1, arbitrary: fc.record({ path: goodPath, query: goodQuery, headers: badHeaders, body: shaped }) });
    return fc.oneof(...faults);
  }

  /** Whether the schemas accept the request as a whole: then anything but a 5xx may follow; else a refusal must. */
  function schemaValid(operation: Operation, r: FuzzRequest): boolean {
    const header = (p: Parameter) => r.headers[p.name] === undefined || oracle.validBody(p.schema, r.headers[p.name]!.trim());
    return oracle.validParams(operation.pathParams, r.path)
      && oracle.validParams(operation.queryParams, r.query)
      && operation.headerParams.every(header)
      && (operation.body ? r.body !== undefined && oracle.validBody(operation.body, r.body) : true);
  }

  it.each(ROUTES.filter((op) => op.queryParams.length === 0).map((op) => op.id))(
    '%s, which takes no query parameters, refuses one with 400 request.unknown_field naming it (found by fuzzing)', async (id) => {
      const operation = byId.get(id)!;
      // Requests are validated before anyone is asked who they are: well-formed ids that name nothing do.
      const values = Object.fromEntries(operation.pathParams.map((p) => [p.name, String(exampleOf(oracle, p.schema, `${id} {${p.name}}`))]));
      const upload = UNDESCRIBED_BODIES[id]?.();
      const body = upload?.text ?? (operation.body ? JSON.stringify(exampleOf(oracle, operation.body, id, { hints: hints() })) : undefined);
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': upload?.contentType ?? 'application/json' };
      const before = await storedRows(server.database);
      const res = await fetch(`${server.url}${fillPath(operation.path, values)}?probe=1`, { method: operation.method, headers, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'request.unknown_field', field: 'query.probe' });
      expect(await storedRows(server.database)).toEqual(before);
    },
  );

  it.each(ORDERED.map((op) => op.id))('%s: never a 5xx, refusals are problem+json, and a refused request stores nothing', async (id) => {
    const operation = byId.get(id)!;
    await ensureSignedIn();
    const real = await realValues(operation);
    // Reads change nothing, answered or not: their rows are compared once, at the end.
    const readOnly = operation.method === 'GET';
    let before: Awaited<ReturnType<typeof storedRows>> | undefined;
    let refusedSince: string[] = [];
    const settle = async () => {
      if (refusedSince.length > 0 && before) {
        expect(await storedRows(server.database), `stored rows changed after one of these refused requests:\n${refusedSince.join('\n')}`).toEqual(before);
      }
      refusedSince = [];
    };

    await fc.assert(fc.asyncProperty(requests(operation, real), async (r) => {
      const valid = schemaValid(operation, r);
      // A request that may be accepted may change rows: what was refused before it is checked first.
      if (valid && !readOnly) await settle();
      before ??= await storedRows(server.database);
      // Text a URL can not carry (a lone surrogate) goes as the bytes it would be, which are not UTF-8.
      const unencodable = Object.keys(r.path).filter((k) => !encodable(r.path[k]!));
      const url = fillPath(operation.path, { ...r.path, ...Object.fromEntries(unencodable.map((k) => [k, '%ED%A0%80'])) }, unencodable) + queryString(r.query);
      const headers: Record<string, string> = { cookie, ...r.headers };
      const text = r.body === undefined ? undefined : JSON.stringify(r.body);
      if (text !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(server.url + url, { method: operation.method, headers, body: text, redirect: 'manual' });
      const answer = await res.text();
      const where = `${operation.method} ${url.slice(0, 300)} ${JSON.stringify(r.headers)} ${text?.slice(0, 300) ?? ''} → ${res.status} ${answer.slice(0, 300)}`;
      expect(res.status, where).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
        const problem = JSON.parse(answer) as { code: string; status: number };
        expect(Object.keys(ERROR_CODES), where).toContain(problem.code);
        expect(ERROR_CODES[problem.code as keyof typeof ERROR_CODES], where).toBe(res.status);
        expect(problem.status, where).toBe(res.status);
        refusedSince.push(where);
      } else {
        expect(valid, `the schemas refuse this request, yet it was accepted: ${where}`).toBe(true);
        if (readOnly) refusedSince.push(where);
        else before = undefined;
      }
    }), { numRuns: RUNS_PER_ROUTE, seed: seedOf(id), endOnFailure: true });
    await settle();
  });
});

function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** A query value as a URL carries it: text, or repeated text for a list. */
function asQueryText(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}
