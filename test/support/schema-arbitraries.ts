/**
 * @module fast-check arbitraries read from OpenAPI schemas, for the fuzz test: values shaped like
 * what a schema asks for (without promising they are valid: lengths and patterns are only aimed
 * at), hostile values of every kind, and mutations that break a value at one or two places — a
 * wrong type, null, a field left out, an unknown field, text far too long, odd unicode, injection.
 */
import fc from 'fast-check';
import type { JsonSchema, SchemaOracle } from './openapi.js';

/** Text attackers and unlucky users send: injection, markup, paths, templates. */
export const INJECTIONS = [
  '\' OR 1=1 --', '\'; DROP TABLE members; --', '"; DROP TABLE users; --', '1; SELECT pg_sleep(5)', '\' UNION SELECT password_hash FROM users --',
  '${7*7}', '{{7*7}}', '#{7*7}', '../../../etc/passwd', '..\\..\\windows\\win.ini', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)', '=HYPERLINK("http://evil.example")', '%00', '%2e%2e%2f', '$where', '{"$gt": ""}', '\r\nSet-Cookie: x=y',
];

/** Unicode that breaks careless code: NUL, lone surrogates, right-to-left overrides, zero-width, emoji, combining marks, BOM. */
export const ODD_UNICODE = [
  'a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\u202eevil\u202c', 'a\u200b\u200c\u200d\u2060b', '\ufeffbom', '👩‍💻🏳️‍🌈🇺🇳', 'Z̸̢͎a̷l̵g̶o̴',
  '\u05e9\u05dc\u05d5\u05dd', 'ｆｕｌｌｗｉｄｔｈ', 'ǅ ß İ ı', '\u0085\u2028\u2029', ' ', '',
];

const NUMBERS = [0, -1, -0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE];

/** Any value a client could put in JSON where it should not. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...ODD_UNICODE),
  fc.constantFrom(...NUMBERS),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant('x'.repeat(70_000)),
  fc.array(fc.constantFrom('x', '', 'members.read'), { maxLength: 4 }),
  fc.constant({}),
);

/** Names of fields that do not exist, some of them tempting. */
const EXTRA_KEYS = fc.oneof(fc.constantFrom('superAdmin', 'isAdmin', 'organizationId', 'id', 'role', 'passwordHash', 'constructor', 'toString', ''), fc.string({ maxLength: 12 }));

function boundedString(s: JsonSchema): fc.Arbitrary<string> {
  const min: number = s.minLength ?? 0;
  const max: number = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  switch (s.format) {
    case 'email': return fc.emailAddress();
    case 'date-time': return fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date': return fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uuid': return fc.uuid();
    case 'uri': case 'url': return fc.webUrl();
    default: break;
  }
  if (typeof s.pattern === 'string') {
    // Clamped, not filtered: a filter that can not be met would never end, and a sample too long is one more bad input.
    return fc.stringMatching(new RegExp(s.pattern, 'u')).map((v) => v.slice(0, s.maxLength ?? v.length));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }) },
  );
}

/** A value shaped like `schema` asks: the right types and fields, lengths and patterns aimed at. */
export function shapedLike(oracle: SchemaOracle, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = oracle.resolve(schema);
  if (depth > 5) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const branches: JsonSchema[] | undefined = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => shapedLike(oracle, b, depth + 1)));
  if (Array.isArray(s.allOf)) return shapedLike(oracle, Object.assign({}, ...s.allOf.map((p: JsonSchema) => oracle.resolve(p))), depth + 1);
  const types: Array<string | undefined> = Array.isArray(s.type) ? s.type : [s.type ?? (s.properties || s.patternProperties ? 'object' : undefined)];
  return fc.oneof(...types.map((type) => shapedOfType(oracle, s, type, depth)));
}

function shapedOfType(oracle: SchemaOracle, s: JsonSchema, type: string | undefined, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object': {
      const properties: Record<string, JsonSchema> = s.properties ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, shapedLike(oracle, p, depth + 1)])),
        { requiredKeys: ((s.required ?? []) as string[]).filter((k) => k in properties) });
      // A map (TypeBox's Record): keys by its pattern, or any short text.
      const patterned = Object.entries<JsonSchema>(s.patternProperties ?? {})[0];
      const valueSchema = patterned?.[1] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (Object.keys(properties).length > 0 || !valueSchema) return record;
      const key = patterned ? fc.stringMatching(new RegExp(patterned[0], 'u')).map((k) => k.slice(0, 64)) : fc.string({ minLength: 1, maxLength: 20 });
      return fc.dictionary(key, shapedLike(oracle, valueSchema, depth + 1), { maxKeys: 3 });
    }
    case 'array': {
      const minLength: number = s.minItems ?? 0;
      return fc.array(shapedLike(oracle, s.items ?? {}, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case 'string':
      return boundedString(s);
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? Math.floor(s.exclusiveMinimum) + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? Math.ceil(s.exclusiveMaximum) - 1 : Math.max(min, 1000));
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(Math.max(min, max), Number.MAX_SAFE_INTEGER) });
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

type Step = string | number;

/** Every place in a JSON value: the root, each property, each item. */
function placesIn(value: unknown, at: Step[] = []): Step[][] {
  const out: Step[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...placesIn(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...placesIn(v, [...at, k]));
  return out;
}

function edit(value: unknown, at: Step[], change: (here: unknown, parent: any, key: Step | undefined) => unknown): unknown {
  if (at.length === 0) return change(value, undefined, undefined);
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = at;
  if (rest.length === 0) {
    const next = change(copy[head!], copy, head);
    if (next !== REMOVED) copy[head!] = next;
  } else {
    copy[head!] = edit(copy[head!], rest, change);
  }
  return copy;
}

const REMOVED = Symbol('removed');

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'overlong'; at: number; unit: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), at: fc.nat(), key: EXTRA_KEYS, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('overlong' as const), at: fc.nat(), unit: fc.constantFrom('x', 'é', '👩‍💻', '\u0301') }) },
);

/** Applies mutations to a value, each at a place chosen among those the value has by then. */
export function mutate(value: unknown, mutations: readonly Mutation[]): unknown {
  let out = value;
  for (const m of mutations) {
    const places = placesIn(out);
    const at = places[m.at % places.length]!;
    out = edit(out, at, (here, parent, key) => {
      switch (m.kind) {
        case 'replace': return m.value;
        case 'remove':
          if (parent && !Array.isArray(parent) && key !== undefined) { delete parent[key]; return REMOVED; }
          return null;
        case 'extra':
          if (here !== null && typeof here === 'object' && !Array.isArray(here)) {
            const copy: Record<string, unknown> = { ...here };
            // defineProperty: a key such as `constructor` must be an own field of the JSON, not a prototype's.
            Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
            return copy;
          }
          return m.value;
        case 'overlong':
          return typeof here === 'string' ? here + m.unit.repeat(5_000) : m.unit.repeat(5_000);
        default: return here;
      }
    });
  }
  return out;
}
