/**
 * Malformed input on every route that takes a body, a query or path parameters, read from the
 * server's OpenAPI document, sent by a signed-in owner. Whatever arrives: never a 5xx; every refusal
 * is problem+json with a code from the catalogue; a schema violation names the field at fault; an
 * unknown field is `request.unknown_field`; and a refused request leaves every stored row as it was.
 * Whether a request is valid is decided by the same schemas, read back from the document.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { TEMPLATES } from '../../src/domain/templates.js';
import { DIALECTS } from '../support/databases.js';
import {
  exampleOf, fetchOpenApi, fillPath, queryString, realPathValues, SchemaOracle, storedRows, UNDESCRIBED_BODIES, unique,
  type Hints, type JsonSchema, type Operation,
} from '../support/openapi.js';
import { ROUTE_DOCUMENT, ROUTES } from '../support/routes.js';
import { addMember, PASSWORD, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const DOC = ROUTE_DOCUMENT;
const OPERATIONS = ROUTES;
const WITH_INPUT = OPERATIONS.filter((op) => op.body !== undefined || op.queryParams.length > 0 || op.pathParams.length > 0);
const WITH_BODY = WITH_INPUT.filter((op) => op.body !== undefined);
const byId = new Map(OPERATIONS.map((op) => [op.id, op]));

const LONG = 'x'.repeat(10_000);

/**
 * Bad values for a field, by the types it takes: one of a type it does not take, null where null is
 * not allowed, and values of its own type that break a limit or the text rule. `nth` alternates the
 * unstorable character between fields, so both are tried without doubling the requests.
 */
function badValuesFor(oracle: SchemaOracle, schema: JsonSchema, nth: number): Array<[string, unknown]> {
  const types = new Set(shapesOf(oracle, schema).map((sh) => sh.type));
  const out: Array<[string, unknown]> = [['null', null]];
  if (!types.has('number') && !types.has('integer')) out.push(['a number', 12345]);
  else out.push(['a numeric string', '42'], ['a fraction', 1.5], ['a negative number', -1], ['a huge number', 1e308]);
  if (types.has('boolean')) out.push(['a boolean as a string', 'true']);
  else out.push(['true', true]);
  if (types.has('array')) out.push(['an object', { nested: 'x' }], ['10,001 items', Array.from({ length: 10_001 }, () => 'x')]);
  else out.push(['an array', ['x']]);
  if (types.has('object')) out.push(['a word', 'not-a-valid-value']);
  if (types.has('string')) out.push(['an empty string', ''], ['10,000 characters', LONG], nth % 2 === 0 ? ['a NUL character', 'a\u0000b'] : ['a lone surrogate', 'a\ud800b']);
  return out;
}

/** Text that is valid for many string fields but hostile or odd: it must be refused cleanly or stored exactly. */
const ODD_TEXT: string[] = [
  '\' OR 1=1 --', '"; DROP TABLE users; --', '<script>alert(1)</script>', '${7*7}{{7*7}}', '../../etc/passwd',
  '\u202eevil\u202c', 'a\u200b\u200c\u200d\u2060b', '\u05e9\u05dc\u05d5\u05dd Roster', '👩‍💻🏳️‍🌈', 'Z̸̢͎a̷l̵g̶o̴', 'a\r\nSet-Cookie: x=y', '   ', '\u0000', '\ud800', '\udfff',
];

/** Text for every string field at once: blanks, and everything hostile together. */
const HOSTILE_TEXT: Array<[string, string]> = [
  ['blanks', '   '],
  ['injection, markup, right-to-left, zero-width and emoji', '\' OR 1=1 -- <script>alert(1)</script> \u202eevil\u202c a\u200bb 👩‍💻'],
];

/** Files for routes that take a CSV file. */
const HOSTILE_FILES: Array<[string, string]> = [
  ['an empty file', ''],
  ['a header only', 'email\n'],
  ['an unterminated quote', 'email,firstName\nx@example.com,"never closed\n'],
  ['a NUL in a cell', 'email\na\u0000b@example.com\n'],
  ['a lone surrogate in a cell', 'email,firstName\nlone@example.com,a\ud800b\n'],
  ['a spreadsheet formula in a cell', 'email,firstName\nformula@example.com,=HYPERLINK("http://evil.example")\n'],
  ['unknown columns', 'email,isAdmin,superAdmin\nextra@example.com,true,true\n'],
  ['a row with more cells than the header', 'email\nwide@example.com,1,2,3\n'],
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(fc.constantFrom(...ODD_TEXT), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: codeUnit, maxLength: 20 }));

/** Bad query values, as text, by the types and formats the parameter takes; every parameter also gets the ones at the end. */
function badQueryValuesFor(oracle: SchemaOracle, schema: JsonSchema): Array<[string, string | string[]]> {
  const shapes = shapesOf(oracle, schema);
  const types = new Set(shapes.map((sh) => sh.type));
  const out: Array<[string, string | string[]]> = [];
  if (types.has('integer') || types.has('number')) out.push(['a word', 'not-a-valid-value'], ['a fraction', '1.5'], ['zero', '0'], ['a huge number', '1e400']);
  if (types.has('boolean')) out.push(['a word', 'maybe']);
  if (shapes.some((sh) => sh.enum || 'const' in sh)) out.push(['a value not listed', 'not-a-valid-value']);
  if (shapes.some((sh) => sh.format === 'date-time')) out.push(['a leap second', '2016-12-31T23:59:60Z'], ['an hour-only offset', '2020-01-01T00:00:00+01'], ['a word', 'yesterday']);
  if (types.has('string')) out.push(['10,000 characters', LONG], ['a NUL character', 'a\u0000b'], ['SQL injection', '\' OR 1=1 --']);
  out.push(['an empty value', ''], ['the parameter twice', ['1', '2']]);
  return out;
}

/** Path values, as text: none names a real thing. */
const ODD_PATH: Array<[string, string]> = [
  ['an empty segment', ''], ['65 characters', 'x'.repeat(65)], ['10,000 characters', LONG], ['a NUL character', 'a\u0000b'],
  ['injection, markup and odd unicode', '\' OR 1=1 --<script>alert(1)</script>👩‍💻\u202eevil\u200b'],
];

/** JSON text that is not a usable body, sent as application/json unless it says otherwise. */
const BAD_BODIES: Array<{ label: string; text?: string; contentType?: string; status?: number[] }> = [
  { label: 'invalid JSON', text: '{"a":' },
  { label: 'an empty body', text: '' },
  { label: 'no body and no content type', contentType: '' },
  { label: 'a JSON array', text: '[{}]' },
  { label: 'JSON null', text: 'null' },
  { label: 'a prototype-polluting body', text: '{"__proto__": {"superAdmin": true}}' },
  { label: 'deeply nested arrays', text: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { label: 'text/plain', text: '{}', contentType: 'text/plain' },
  { label: 'a form', text: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', status: [415] },
  { label: 'more than 1 MiB', text: JSON.stringify({ padding: 'x'.repeat(1_100_000) }), status: [413] },
];

type Path = Array<string | number>;

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else {
    copy[head!] = setAt(copy[head!] ?? (typeof rest[0] === 'number' ? [] : {}), rest, replacement, remove);
  }
  return copy;
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<any>((v, k) => (v === null || v === undefined ? undefined : v[k]), value);
}

/** Text Roster promises to refuse: a NUL or an unpaired surrogate anywhere in it. */
function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') {
    try {
      encodeURIComponent(value);
    } catch {
      return true;
    }
    return value.includes('\u0000');
  }
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsUnstorableText);
  return false;
}

/** A schema and its `anyOf`/`oneOf` branches, resolved: where a value's shape may come from. */
function shapesOf(oracle: SchemaOracle, schema: JsonSchema): JsonSchema[] {
  const s = oracle.resolve(schema);
  return [s, ...([...(s.anyOf ?? []), ...(s.oneOf ?? [])] as JsonSchema[]).map((b) => oracle.resolve(b))];
}

interface Field { path: Path; schema: JsonSchema; required: boolean }

/** Every place in a body schema a value can go: each property, nested objects' properties, the first array item. */
function fieldsOf(oracle: SchemaOracle, schema: JsonSchema, path: Path = [], depth = 0): Field[] {
  const out: Field[] = [];
  if (depth > 4) return out;
  for (const shape of shapesOf(oracle, schema)) {
    for (const [name, prop] of Object.entries<JsonSchema>(shape.properties ?? {})) {
      out.push({ path: [...path, name], schema: prop, required: (shape.required ?? []).includes(name) }, ...fieldsOf(oracle, prop, [...path, name], depth + 1));
    }
    if (shape.type === 'array' && shape.items) out.push({ path: [...path, 0], schema: shape.items, required: false }, ...fieldsOf(oracle, shape.items, [...path, 0], depth + 1));
  }
  return out;
}

/** The schema of the value at `path` in a body. */
function schemaAt(oracle: SchemaOracle, schema: JsonSchema, path: Path): JsonSchema {
  let current = schema;
  for (const step of path) {
    const shapes = shapesOf(oracle, current);
    const next = typeof step === 'number'
      ? shapes.find((sh) => sh.type === 'array' && sh.items)?.items
      : shapes.find((sh) => sh.properties?.[step])?.properties[step];
    if (!next) throw new Error(`no schema at ${path.join('.')}`);
    current = next;
  }
  return current;
}

/** Every object in a body schema that refuses unknown fields, by where it sits. */
function closedObjectsOf(oracle: SchemaOracle, schema: JsonSchema): Path[] {
  return [[] as Path, ...fieldsOf(oracle, schema).map((f) => f.path)]
    .filter((path) => shapesOf(oracle, schemaAt(oracle, schema, path)).some((sh) => sh.type === 'object' && sh.additionalProperties === false));
}

const fieldName = (part: string, path: Path) => [part, ...path].join('.');

describe('the OpenAPI document', () => {
  const oracle = new SchemaOracle(DOC);

  it('lists enough routes with input for this file to cover something', () => {
    expect(WITH_INPUT.length).toBeGreaterThanOrEqual(20);
    expect(WITH_BODY.length).toBeGreaterThanOrEqual(10);
  });

  it('describes every body this file can send: JSON, or one listed in UNDESCRIBED_BODIES', () => {
    const unknown = OPERATIONS.filter((op) => op.bodyTypes.length > 0 && !op.body && !UNDESCRIBED_BODIES[op.id]).map((op) => `${op.id}: ${op.bodyTypes.join(', ')}`);
    expect(unknown).toEqual([]);
  });

  it('describes every request object as closed: unknown fields are errors, at every depth', () => {
    const open: string[] = [];
    for (const op of WITH_BODY) {
      const visit = (schema: JsonSchema, where: string) => {
        const s = oracle.resolve(schema);
        // A map (`additionalProperties` holding a schema) names its keys on purpose; anything else must be closed.
        if ((s.type === 'object' || s.properties) && (s.additionalProperties === undefined || s.additionalProperties === true)) open.push(`${op.id} ${where}`);
        for (const [name, prop] of Object.entries<JsonSchema>(s.properties ?? {})) visit(prop, `${where}.${name}`);
        for (const b of [...((s.anyOf ?? []) as JsonSchema[]), ...((s.oneOf ?? []) as JsonSchema[])]) visit(b, where);
        if (s.items) visit(s.items, `${where}[]`);
      };
      visit(op.body!, 'body');
    }
    expect(open).toEqual([]);
  });
});

describe.each(DIALECTS)('malformed input on %s', (dialect) => {
  let server: TestServer;
  let oracle: SchemaOracle;
  let owner: SignedUp;
  let cookie: string;
  let target: SignedUp;
  const roleKey = 'bad-input-role';

  beforeAll(async () => {
    server = await startRoster(dialect, { AUTH_RATE_LIMIT: '1000000' });
    oracle = new SchemaOracle(await fetchOpenApi(server.client()));
    owner = await signUp(server, 'bad-owner', 'Bad Input Org');
    target = await addMember(server, owner, 'member', 'bad-target');
    const role = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/roles`, { key: roleKey, name: 'Bad input role', permissions: [] });
    expect(role.status).toBe(201);
    // Every request below carries the owner's session but keeps any cookie it is answered with to
    // itself, so a sign-up that happens to succeed does not sign the owner out.
    const signIn = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bad-owner', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  });
  afterAll(async () => { await server?.close(); });

  const hints = (): Hints => ({
    organizationId: () => owner.organization.id,
    userId: () => target.user.id,
    userIds: () => [target.user.id],
    role: () => 'member',
    permission: () => 'members.read',
    permissions: () => ['members.read'],
    key: () => `k${unique()}`,
    username: () => `u${unique()}`,
    email: () => `e${unique()}@example.com`,
    emails: () => `e${unique()}@example.com`,
    password: () => PASSWORD,
    login: () => 'bad-owner',
  });

  interface Answer { status: number; contentType: string; body: any }

  /** Sends as the owner; a body goes as application/json unless `contentType` says otherwise ('' for none). */
  async function send(method: string, path: string, body?: string, contentType?: string): Promise<Answer> {
    const headers: Record<string, string> = { cookie };
    const type = contentType ?? (body !== undefined ? 'application/json' : '');
    if (type) headers['content-type'] = type;
    const res = await fetch(server.url + path, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    const answered = res.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (answered.includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, contentType: answered, body: parsed };
  }

  /**
   * What a case promises: `invalid` is a 400 naming `field` (or, for an over-long path, 414 or no route);
   * `refused` any 4xx, from `statuses` when given, a 400 naming `field` or a field inside it; `any`
   * anything but a 5xx; text at `echo` that is accepted is stored as sent (trimmed at most) and
   * still satisfies the schema it was accepted under (a name of spaces must not become no name).
   */
  type Expectation =
    | { kind: 'invalid'; field: string; unknownField?: boolean; uriTooLong?: boolean; orUnion?: string[] }
    | { kind: 'refused'; statuses?: number[]; field?: string }
    | { kind: 'any'; echo?: Array<{ path: Path; sent: string; schema: JsonSchema }> };

  /**
   * Checks answers and, in windows between accepted requests, that refused ones changed no stored
   * row: the rows are read again only before a request that may be accepted, and at the end.
   */
  function checker(operation: Operation) {
    let before: Awaited<ReturnType<typeof storedRows>> | undefined;
    let refusedSince: string[] = [];
    // A read changes nothing whether it is answered or refused, so its rows are compared once, at the end.
    const readOnly = operation.method === 'GET';

    async function settle(): Promise<void> {
      if (refusedSince.length === 0 || !before) return;
      expect(await storedRows(server.database), `stored rows changed after one of these refused requests:\n${refusedSince.join('\n')}`).toEqual(before);
      refusedSince = [];
    }

    return {
      settle,
      async run(label: string, method: string, path: string, body: string | undefined, contentType: string | undefined, expectation: Expectation): Promise<Answer> {
        if (expectation.kind === 'any' && !readOnly) await settle();
        before ??= await storedRows(server.database);
        const res = await send(method, path, body, contentType);
        const where = `${operation.id} with ${label}: ${method} ${path.slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.contentType, where).toMatch(/^application\/problem\+json/);
          expect(Object.keys(ERROR_CODES), where).toContain(res.body.code);
          expect(ERROR_CODES[res.body.code as keyof typeof ERROR_CODES], where).toBe(res.status);
          expect(res.body.status, where).toBe(res.status);
          expect(typeof res.body.detail, where).toBe('string');
          refusedSince.push(where);
        } else if (readOnly) {
          refusedSince.push(where);
        } else {
          before = await storedRows(server.database);
          refusedSince = [];
        }
        if (expectation.kind === 'invalid') {
          if (expectation.uriTooLong && (res.status === 414 || res.status === 404)) {
            // Past the router's limit on a path segment no route matches at all: the request is
            // refused as too long, or answered by the catch-all (the console) as no such route.
            expect(['request.uri_too_long', 'route.not_found'], where).toContain(res.body.code);
          } else {
            expect(res.status, where).toBe(400);
            // A wrong value can itself hold an unknown field (an object where a closed object goes).
            expect(expectation.unknownField ? ['request.unknown_field'] : ['request.invalid', 'request.unknown_field'], where).toContain(res.body.code);
            if (expectation.unknownField) expect(res.body.field, where).toBe(expectation.field);
            else {
              // Inside a union (a string or a list of them) the validator can only blame the union.
              const named = [expectation.field, ...(expectation.orUnion ?? [])].some((f) => `${res.body.field}.`.startsWith(`${f}.`));
              expect(named, `${where}: field should be ${expectation.field}`).toBe(true);
            }
          }
        } else if (expectation.kind === 'refused') {
          expect(res.status, where).toBeGreaterThanOrEqual(400);
          if (expectation.statuses) expect(expectation.statuses, where).toContain(res.status);
          if (res.status === 400 && expectation.field) expect(`${res.body.field}.`.startsWith(`${expectation.field}.`), `${where}: field should be ${expectation.field}`).toBe(true);
        } else if (expectation.echo && res.status < 300) {
          for (const echo of expectation.echo) {
            const stored = getAt(res.body, echo.path);
            if (typeof stored !== 'string') continue;
            const at = fieldName('body', echo.path);
            // Blank text may be stored as nothing and answered with a fallback (a display name from the real name).
            if (echo.sent.trim() !== '') expect([echo.sent, echo.sent.trim()], `${where}: ${at} stored as sent`).toContain(stored);
            expect(oracle.validBody(echo.schema, stored), `${where}: ${at} stored as ${JSON.stringify(stored)}, which its own schema refuses`).toBe(true);
          }
        }
        return res;
      },
    };
  }

  async function basics(operation: Operation) {
    // Template names are not listed by any route nor in the route's schema, so they come from the code.
    const known = { organizationId: owner.organization.id, userId: target.user.id, roleKey, template: Object.keys(TEMPLATES)[0]! };
    // An invitation token is secret, so its routes get a well-formed token that names nothing.
    const values = await realPathValues(operation, OPERATIONS, oracle, known, owner.client, hints(), { placeholder: true });
    const query: Record<string, string> = {};
    for (const p of operation.queryParams) if (p.required) query[p.name] = String(exampleOf(oracle, p.schema, `${operation.id} ?${p.name}`, { hints: hints() }));
    const body = () => (operation.body ? exampleOf(oracle, operation.body, operation.id, { hints: hints(), atLeastOneField: true }) : undefined);
    return { values, query, body };
  }

  /** Gives every object and array on the way to `path` a valid value, so a case has one fault only. */
  function withParents(operation: Operation, body: unknown, path: Path): unknown {
    let out = body;
    for (let i = 1; i < path.length; i++) {
      const prefix = path.slice(0, i);
      const here = getAt(out, prefix);
      if (here === undefined || here === null) out = setAt(out, prefix, exampleOf(oracle, schemaAt(oracle, operation.body!, prefix), `${operation.id} ${prefix.join('.')}`, { hints: hints() }));
    }
    return out;
  }

  /** The expectation for a body, by the schemas and the text rule. */
  function bodyExpectation(operation: Operation, body: unknown, at: Path, echo?: string): Expectation {
    if (!oracle.validBody(operation.body!, body) || holdsUnstorableText(getAt(body, at))) {
      const unions = at.map((_, i) => at.slice(0, i)).filter((p) => p.length > 0 && shapesOf(oracle, schemaAt(oracle, operation.body!, p)).length > 1);
      return { kind: 'invalid', field: fieldName('body', at), orUnion: unions.filter((p) => `${fieldName('body', p)}` !== 'body').map((p) => fieldName('body', p)) };
    }
    return { kind: 'any', ...(echo !== undefined ? { echo: [{ path: at, sent: echo, schema: schemaAt(oracle, operation.body!, at) }] } : {}) };
  }

  function paramsExpectation(part: 'query' | 'params', operation: Operation, values: Record<string, string | string[]>, name: string): Expectation {
    const params = part === 'query' ? operation.queryParams : operation.pathParams;
    const value = values[name];
    const own = Object.fromEntries(Object.entries(values).filter(([k]) => part === 'query' || params.some((p) => p.name === k)));
    // An empty path segment is no parameter at all: the path names another route, or none.
    if (part === 'params' && value === '') return operation.method === 'GET' ? { kind: 'any' } : { kind: 'refused' };
    if (!oracle.validParams(params, own) || holdsUnstorableText(value)) {
      return { kind: 'invalid', field: `${part}.${name}`, uriTooLong: part === 'params' && typeof value === 'string' && encodeURIComponent(value).length > 64 };
    }
    // No path value here names a real thing, so a write through it must be refused.
    return part === 'params' && operation.method !== 'GET' ? { kind: 'refused' } : { kind: 'any' };
  }

  it.each(WITH_INPUT.map((op) => op.id))('%s refuses malformed input cleanly and changes nothing', async (id) => {
    const operation = byId.get(id)!;
    const { values, query, body } = await basics(operation);
    const check = checker(operation);
    const path = (v = values, q: Record<string, string | string[]> = query) => fillPath(operation.path, v) + queryString(q);
    const json = (value: unknown) => JSON.stringify(value);
    /** A valid body, so that a path or query case has one fault only. */
    const validBody = () => (operation.body ? json(body()) : undefined);

    if (operation.body) {
      for (const at of closedObjectsOf(oracle, operation.body)) {
        const sent = setAt(withParents(operation, body(), [...at, 'unexpectedField']), [...at, 'unexpectedField'], 1);
        await check.run(`an unknown field at ${fieldName('body', at)}`, operation.method, path(), json(sent), undefined,
          { kind: 'invalid', field: fieldName('body', [...at, 'unexpectedField']), unknownField: true });
      }
      for (const [nth, field] of fieldsOf(oracle, operation.body).entries()) {
        if (field.required) {
          await check.run(`${fieldName('body', field.path)} left out`, operation.method, path(), json(setAt(withParents(operation, body(), field.path), field.path, undefined, true)), undefined,
            { kind: 'invalid', field: fieldName('body', field.path) });
        }
        for (const [label, value] of badValuesFor(oracle, field.schema, nth)) {
          const sent = setAt(withParents(operation, body(), field.path), field.path, value);
          const expectation = bodyExpectation(operation, sent, field.path);
          // Values the schema accepts are other tests' business, except text: that comes below.
          if (expectation.kind === 'any') continue;
          await check.run(`${label} in ${fieldName('body', field.path)}`, operation.method, path(), json(sent), undefined, expectation);
        }
      }
      for (const [label, text] of HOSTILE_TEXT) {
        // The text goes into every string field whose schema takes it, all in one request; a field a
        // rule refuses is named, put back and the rest sent again, until the text is accepted or
        // refused for a reason no field explains. Each field's text must then be stored as sent.
        let fields = fieldsOf(oracle, operation.body)
          .filter((f) => shapesOf(oracle, f.schema).some((sh) => sh.type === 'string'))
          .filter((f) => bodyExpectation(operation, setAt(withParents(operation, body(), f.path), f.path, text), f.path).kind === 'any');
        while (fields.length > 0) {
          const sent = fields.reduce((b, f) => setAt(withParents(operation, b, f.path), f.path, text), body());
          if (!oracle.validBody(operation.body, sent)) {
            fields = fields.slice(0, -1);
            continue;
          }
          const echo = fields.map((f) => ({ path: f.path, sent: text, schema: schemaAt(oracle, operation.body!, f.path) }));
          const res = await check.run(`${label} in ${fields.map((f) => fieldName('body', f.path)).join(', ')}`, operation.method, path(), json(sent), undefined, { kind: 'any', echo });
          if (res.status < 300) break;
          const blamed = fields.find((f) => `${res.body.field}.`.startsWith(`${fieldName('body', f.path)}.`));
          if (!blamed) break;
          fields = fields.filter((f) => f !== blamed);
        }
      }
      for (const bad of BAD_BODIES) {
        await check.run(bad.label, operation.method, path(), bad.text, bad.contentType ?? 'application/json', { kind: 'refused', statuses: bad.status, field: 'body' });
      }
    }

    if (UNDESCRIBED_BODIES[operation.id]) {
      // A body the document can not describe (a CSV file): the wrong kinds of body, and hostile files.
      const { contentType } = UNDESCRIBED_BODIES[operation.id]!();
      for (const bad of BAD_BODIES) {
        await check.run(bad.label, operation.method, path(), bad.text, bad.contentType ?? 'application/json', { kind: 'refused', statuses: bad.status, field: 'body' });
      }
      for (const [label, text] of HOSTILE_FILES) await check.run(label, operation.method, path(), text, contentType, { kind: 'any' });
    }

    if (operation.queryParams.length > 0) {
      await check.run('an unknown query parameter', operation.method, path(values, { ...query, unexpectedParam: '1' }), validBody(), undefined,
        { kind: 'invalid', field: 'query.unexpectedParam', unknownField: true });
      for (const p of operation.queryParams) {
        for (const [label, value] of badQueryValuesFor(oracle, p.schema)) {
          const q = { ...query, [p.name]: value };
          await check.run(`${label} in query.${p.name}`, operation.method, path(values, q), validBody(), undefined, paramsExpectation('query', operation, q, p.name));
        }
        // Not valid UTF-8 once percent-decoded.
        await check.run(`broken percent-encoding in query.${p.name}`, operation.method, `${path()}${Object.keys(query).length ? '&' : '?'}${p.name}=%ED%A0%80`, validBody(), undefined, { kind: 'any' });
      }
    }

    for (const p of operation.pathParams) {
      for (const [label, value] of ODD_PATH) {
        // An empty last segment names the collection, which may be a real route of the same method
        // (DELETE /me/sessions ends every other session): another route's business, not this one's.
        if (value === '' && operation.path.endsWith(`/{${p.name}}`) && byId.has(`${operation.method} ${operation.path.slice(0, -`/{${p.name}}`.length)}`)) continue;
        const v = { ...values, [p.name]: value };
        await check.run(`${label} in params.${p.name}`, operation.method, path(v), validBody(), undefined, paramsExpectation('params', operation, v, p.name));
      }
      const raw = fillPath(operation.path, { ...values, [p.name]: '%ED%A0%80' }, [p.name]) + queryString(query);
      await check.run(`broken percent-encoding in params.${p.name}`, operation.method, raw, validBody(), undefined, { kind: 'refused', statuses: [400], field: 'params' });
    }
    await check.settle();
  });

  it.each(WITH_BODY.map((op) => op.id))('%s: any schema-invalid value in any body field is refused with 400 naming that field (property)', async (id) => {
    const operation = byId.get(id)!;
    const { values, query, body } = await basics(operation);
    const check = checker(operation);
    const fields = fieldsOf(oracle, operation.body!);
    const url = fillPath(operation.path, values) + queryString(query);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }), async (field, value) => {
      const sent = setAt(withParents(operation, body(), field.path), field.path, value);
      fc.pre(!oracle.validBody(operation.body!, sent));
      // A `__proto__` or `constructor` key fails the whole body as poisoned JSON: the cases above send those.
      fc.pre(!/"(__proto__|constructor)":/.test(JSON.stringify(sent)));
      await check.run(`${JSON.stringify(value)?.slice(0, 80)} in ${fieldName('body', field.path)}`, operation.method, url, JSON.stringify(sent), undefined,
        bodyExpectation(operation, sent, field.path));
    }), { numRuns: 8 });
    await check.settle();
  });

  it.each(WITH_BODY.map((op) => op.id))('%s: any text in any string field is refused cleanly or stored exactly as sent (property)', async (id) => {
    const operation = byId.get(id)!;
    const { values, query, body } = await basics(operation);
    const check = checker(operation);
    const url = fillPath(operation.path, values) + queryString(query);
    const textFields = fieldsOf(oracle, operation.body!).filter((f) => {
      const s = oracle.resolve(f.schema);
      return s.type === 'string' || ((s.anyOf ?? []) as JsonSchema[]).some((b) => oracle.resolve(b).type === 'string');
    });
    if (textFields.length === 0) return;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...textFields), anyText, async (field, text) => {
      const sent = setAt(withParents(operation, body(), field.path), field.path, text);
      await check.run(`${JSON.stringify(text)} in ${fieldName('body', field.path)}`, operation.method, url, JSON.stringify(sent), undefined,
        bodyExpectation(operation, sent, field.path, text));
    }), { numRuns: 8 });
    await check.settle();
  });

  it.each(WITH_INPUT.filter((op) => op.queryParams.some((p) => p.name === 'cursor')).map((op) => op.id))(
    '%s answers any forged cursor with a page or 400 request.cursor_invalid, never a 5xx (property)', async (id) => {
      const operation = byId.get(id)!;
      const { values, query } = await basics(operation);
      const check = checker(operation);
      // Where the owner may not list at all (every organization: super admins only), the cursor is never read.
      const listed = (await send(operation.method, fillPath(operation.path, values) + queryString(query))).status < 400;
      const forged = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ unit: codeUnit, maxLength: 12 }), { maxLength: 4 }).map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
        fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')),
      );
      await fc.assert(fc.asyncProperty(forged, async (cursor) => {
        const res = await check.run(`cursor ${JSON.stringify(cursor)}`, operation.method, fillPath(operation.path, values) + queryString({ ...query, cursor }), undefined, undefined, { kind: 'any' });
        if (res.status >= 400 && listed) expect(['request.cursor_invalid', 'request.invalid']).toContain(res.body.code);
      }), { numRuns: 12 });
      await check.settle();
    },
  );
});
