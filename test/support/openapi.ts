/**
 * @module The server's route list, read from its OpenAPI document, for tests that must cover every
 * route: the operations, a minimal valid request derived from each one's schemas, a local validator
 * that says whether a request is valid by those same schemas, and a snapshot of stored data to show
 * that a refused request changed nothing.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { Client } from './client.js';
import { startRoster } from './server.js';

export type JsonSchema = Record<string, any>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `POST /api/v1/organizations/{organizationId}/roles`: how tests name the operation. */
  id: string;
  method: string;
  /** The OpenAPI path template, with `{name}` parameters. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** Request headers the operation names (`If-Match` on conditional writes). */
  headerParams: Parameter[];
  /** The JSON body schema, when the operation takes a JSON body. */
  body?: JsonSchema;
  /** The media types of the body the document describes, JSON or not. */
  bodyTypes: string[];
  /** The operation says it needs no credentials (`security: []`). */
  public: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export async function fetchOpenApi(client: Client): Promise<OpenApiDocument> {
  const res = await client.get<OpenApiDocument>('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  return res.body;
}

/**
 * The document of a throwaway server, read while a test file is being collected, so the route list
 * can name one test per route before any per-dialect server exists.
 */
export async function openApiOfAFreshServer(): Promise<OpenApiDocument> {
  const server = await startRoster('sqlite');
  try {
    return await fetchOpenApi(server.client());
  } finally {
    await server.close();
  }
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared: any[] = item.parameters ?? [];
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params: Parameter[] = [...shared, ...(op.parameters ?? [])].map((p) => ({ name: p.name, in: p.in, required: p.required === true || p.in === 'path', schema: p.schema ?? {} }));
      const content = op.requestBody?.content as Record<string, { schema?: JsonSchema }> | undefined;
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        body: content?.['application/json']?.schema,
        bodyTypes: Object.keys(content ?? {}),
        public: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return operations;
}

/** Fills `{name}` in a path template; values are percent-encoded unless `raw` says they already are. */
export function fillPath(template: string, values: Record<string, string>, raw: readonly string[] = []): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return raw.includes(name) ? value : encodeURIComponent(value);
  });
}

export function queryString(values: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) for (const v of [value].flat()) search.append(name, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Validators for the schemas of one document, configured like the server's: bodies strictly,
 * query strings and path parameters coerced from text.
 */
export class SchemaOracle {
  private readonly strict: Ajv;
  private readonly text: Ajv;
  private readonly compiled = new WeakMap<object, ValidateFunction>();
  private readonly compiledText = new WeakMap<object, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    this.strict = SchemaOracle.ajv(false);
    this.text = SchemaOracle.ajv('array');
  }

  private static ajv(coerceTypes: false | 'array'): Ajv {
    const ajv = new Ajv({ strict: false, allErrors: false, coerceTypes });
    addFormats.default(ajv);
    return ajv;
  }

  /** Follows a `$ref` into the document's components. */
  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`$ref loop at ${schema.$ref}`);
      const name = (current.$ref as string).replace(/^#\/components\/schemas\//, '');
      const target = this.doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
      current = target;
    }
    return current;
  }

  private validator(schema: JsonSchema, asText: boolean): ValidateFunction {
    const cache = asText ? this.compiledText : this.compiled;
    let validate = cache.get(schema);
    if (!validate) {
      validate = (asText ? this.text : this.strict).compile({ ...schema, components: this.doc.components ?? {} });
      cache.set(schema, validate);
    }
    return validate;
  }

  /** Whether `value` is valid JSON for `schema` (a body or a part of one). */
  validBody(schema: JsonSchema, value: unknown): boolean {
    return this.validator(schema, false)(structuredClone(value));
  }

  /** Whether a set of query or path values, as text, is valid for the parameters (unknown names are not). */
  validParams(params: readonly Parameter[], values: Record<string, string | string[]>): boolean {
    return this.validator(paramsSchema(params), true)(structuredClone(values));
  }

  explain(schema: JsonSchema, value: unknown): string {
    const validate = this.validator(schema, false);
    validate(structuredClone(value));
    return this.strict.errorsText(validate.errors);
  }
}

/** The object schema a list of query or path parameters stands for; Roster refuses unknown names. */
const paramsSchemas = new WeakMap<readonly Parameter[], JsonSchema>();
function paramsSchema(params: readonly Parameter[]): JsonSchema {
  let schema = paramsSchemas.get(params);
  if (!schema) {
    schema = {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
      additionalProperties: false,
    };
    paramsSchemas.set(params, schema);
  }
  return schema;
}

/**
 * Bodies the document can not describe (a CSV file has no JSON schema), by operation id: how to
 * call those operations when a real thing must be created through them.
 */
export const UNDESCRIBED_BODIES: Record<string, () => { contentType: string; text: string }> = {
  'POST /api/v1/organizations/{organizationId}/imports': () => ({ contentType: 'text/csv', text: `email\nimported-${unique()}@example.com\n` }),
};

/** Values a test wants for fields of a given name (a real member's id for `userId`, …), tried first. */
export type Hints = Record<string, () => unknown>;

export interface ExampleOptions {
  hints?: Hints;
  /** Give an object with no required field its first optional one, so the request asks for a change. */
  atLeastOneField?: boolean;
  /** Give every array one item at least, so a request that creates things creates one. */
  nonEmptyArrays?: boolean;
}

let uniqueCounter = 0;
export const unique = (): string => `${Date.now().toString(36)}${(++uniqueCounter).toString(36)}`;

/**
 * A minimal value valid for `schema`: required fields only, the smallest lengths and numbers, hints
 * where they fit. Throws when it can not derive one, so a test over every route fails on a route it
 * does not know how to call instead of skipping it.
 */
export function exampleOf(oracle: SchemaOracle, schema: JsonSchema, where: string, options: ExampleOptions = {}): unknown {
  const hints = options.hints ?? {};

  function fromHint(s: JsonSchema, name: string | undefined): { value: unknown } | null {
    const hint = name === undefined ? undefined : hints[name];
    if (!hint) return null;
    const value = hint();
    return oracle.validBody(s, value) ? { value } : null;
  }

  function derive(raw: JsonSchema, name: string | undefined, depth: number): unknown {
    if (depth > 20) throw new Error(`${where}: schema nests too deep to derive an example`);
    const s = oracle.resolve(raw);
    const hinted = fromHint(s, name);
    if (hinted) return hinted.value;
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return s.enum[0];
    if ('default' in s && oracle.validBody(s, s.default)) return s.default;
    const branches: JsonSchema[] | undefined = s.anyOf ?? s.oneOf;
    if (branches) {
      const ordered = [...branches].sort((a, b) => Number(oracle.resolve(a).type === 'null') - Number(oracle.resolve(b).type === 'null'));
      for (const branch of ordered) {
        const value = derive(branch, name, depth + 1);
        if (oracle.validBody(s, value)) return value;
      }
      throw new Error(`${where}: no branch of ${name ?? 'the value'} yields a valid example`);
    }
    if (Array.isArray(s.allOf)) return derive(Object.assign({}, ...s.allOf.map((p: JsonSchema) => oracle.resolve(p))), name, depth + 1);
    const type: string | undefined = Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? 'null') : s.type ?? (s.properties ? 'object' : undefined);
    switch (type) {
      case 'object': {
        const properties: Record<string, JsonSchema> = s.properties ?? {};
        const out: Record<string, unknown> = {};
        for (const key of (s.required ?? []) as string[]) out[key] = derive(properties[key] ?? {}, key, depth + 1);
        const optional = Object.keys(properties).find((k) => !(k in out));
        if (options.atLeastOneField && depth === 0 && Object.keys(out).length === 0 && optional) {
          out[optional] = derive(properties[optional]!, optional, depth + 1);
        }
        return out;
      }
      case 'array': {
        const length = Math.max(s.minItems ?? 0, options.nonEmptyArrays && (s.maxItems ?? 1) >= 1 ? 1 : 0);
        const item = name?.endsWith('s') ? name.slice(0, -1) : undefined;
        return Array.from({ length }, () => derive(s.items ?? {}, item, depth + 1));
      }
      case 'string':
        return stringExample(s, where);
      case 'integer':
      case 'number': {
        const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? Math.floor(s.exclusiveMinimum) + 1 : undefined);
        const high = s.maximum ?? (s.exclusiveMaximum !== undefined ? Math.ceil(s.exclusiveMaximum) - 1 : undefined);
        return low ?? (high !== undefined ? Math.min(1, high) : 1);
      }
      case 'boolean':
        return false;
      case 'null':
        return null;
      case undefined:
        return 'sample';
      default:
        throw new Error(`${where}: can not derive an example of type ${String(type)}`);
    }
  }

  const value = derive(schema, undefined, 0);
  if (!oracle.validBody(schema, value)) {
    throw new Error(`${where}: the derived example ${JSON.stringify(value)} is not valid: ${oracle.explain(schema, value)}`);
  }
  return value;
}

const FORMAT_EXAMPLES: Record<string, () => string> = {
  email: () => `sample-${unique()}@example.com`,
  'date-time': () => new Date().toISOString(),
  date: () => new Date().toISOString().slice(0, 10),
  time: () => '12:00:00Z',
  uri: () => 'https://example.com/sample',
  url: () => 'https://example.com/sample',
  uuid: () => crypto.randomUUID(),
  hostname: () => 'example.com',
  ipv4: () => '192.0.2.1',
  ipv6: () => '2001:db8::1',
};

/** One sample string per pattern and length range: sampling a pattern is slow and the sample is fixed anyway. */
const patternSamples = new Map<string, string>();

function stringExample(s: JsonSchema, where: string): string {
  const min: number = s.minLength ?? 0;
  const max: number = s.maxLength ?? Math.max(min, 64);
  if (typeof s.format === 'string') {
    const make = FORMAT_EXAMPLES[s.format];
    if (!make) throw new Error(`${where}: no example for strings of format ${s.format}`);
    return make();
  }
  if (typeof s.pattern === 'string') {
    const fits = (v: string) => v.length >= min && v.length <= max;
    const pattern = new RegExp(s.pattern, 'u');
    const cacheKey = `${s.pattern} ${min} ${max}`;
    let value = patternSamples.get(cacheKey);
    if (value === undefined) {
      value = fc.sample(fc.stringMatching(pattern).filter(fits), { numRuns: 1, seed: 42 })[0];
      if (value === undefined) throw new Error(`${where}: no string matches /${s.pattern}/ within ${min}..${max} characters`);
      patternSamples.set(cacheKey, value);
    }
    // Keys and names must often be unique: work a unique tag into the sample where the pattern allows.
    const tag = unique();
    for (let i = value.length; i >= 0; i--) {
      const tagged = value.slice(0, i) + tag + value.slice(i);
      if (pattern.test(tagged) && fits(tagged)) return tagged;
    }
    return value;
  }
  const base = `sample${unique()}`;
  return base.length >= min ? base.slice(0, Math.max(max, 1)) : base.padEnd(min, 'x');
}

/**
 * Tables whose rows change without anyone changing data: a session's last-seen time moves on reads,
 * failed sign-ins are counted (auth_throttle) however the request ends, and so are requests to the
 * authentication endpoints (rate_limits).
 */
const NOT_DATA = new Set(['sessions', 'auth_throttle', 'rate_limits']);

/** Columns the mail worker updates in the background as it delivers, whatever the requests do. */
const BACKGROUND_COLUMNS: Record<string, string[]> = {
  outbox: ['status', 'attempts', 'next_attempt_at', 'locked_by', 'locked_until', 'last_error', 'sent_at'],
};

interface TableColumns { name: string; columns: string[] }
const tablesOf = new WeakMap<object, Promise<TableColumns[]>>();

/** The tables and columns that hold data, read from the database once per connection. */
function dataTables(database: DatabaseHandle): Promise<TableColumns[]> {
  let tables = tablesOf.get(database.db);
  if (!tables) {
    tables = database.db.introspection.getTables().then((all) => all
      .filter((t) => !t.name.startsWith('kysely_') && !NOT_DATA.has(t.name))
      .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name).filter((c) => !BACKGROUND_COLUMNS[t.name]?.includes(c)) }))
      .sort((a, b) => a.name.localeCompare(b.name)));
    tablesOf.set(database.db, tables);
  }
  return tables;
}

/**
 * Every stored row but those in NOT_DATA and BACKGROUND_COLUMNS, table by table, in a stable order, to compare before and after a
 * request that must change nothing. Tables are read from the database itself, so a table added
 * later is covered without editing this. SQLite gives the rows as JSON; PostgreSQL, a network hop
 * away, gives one digest per table in a single query, so a comparison tells which table changed.
 */
export async function storedRows(database: DatabaseHandle): Promise<Record<string, string[]>> {
  // The tables are discovered at run time, so their row types can not be named here.
  const anyDb = database.db as unknown as Kysely<any>;
  const tables = await dataTables(database);
  if (database.dialect === 'postgres') {
    const digests = tables.map((t) => sql`select ${sql.lit(t.name)} as t, md5(coalesce(string_agg(x, E'\n' order by x), '')) as h
      from (select row(${sql.join(t.columns.map((c) => sql.ref(c)))})::text as x from ${sql.table(t.name)}) rows_of_${sql.raw(t.name.replace(/\W/g, '_'))}`);
    const { rows } = await sql<{ t: string; h: string }>`${sql.join(digests, sql` union all `)}`.execute(anyDb);
    return Object.fromEntries(rows.map((r) => [r.t, [r.h]]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  }
  const read = await Promise.all(tables.map(async (t) =>
    [t.name, (await anyDb.selectFrom(t.name).select(t.columns).execute()).map((r) => JSON.stringify(r)).sort()] as const));
  return Object.fromEntries(read);
}

/**
 * Fills every path parameter of `operation` with a real value: the ones in `known`, else an item of
 * the collection the parameter indexes (created through the API when empty, or always when `fresh`
 * asks for one nobody else has). A parameter that can not be found this way throws, so no route is
 * checked against made-up ids by accident.
 */
export async function realPathValues(
  operation: Operation,
  operations: readonly Operation[],
  oracle: SchemaOracle,
  known: Record<string, string>,
  client: Client,
  hints: Hints,
  { fresh = false, placeholder = false }: { fresh?: boolean; placeholder?: boolean } = {},
): Promise<Record<string, string>> {
  const values = { ...known };
  for (const param of operation.pathParams) {
    if (values[param.name] !== undefined) continue;
    const collection = operation.path.slice(0, operation.path.indexOf(`/{${param.name}}`));
    const list = operations.find((o) => o.id === `GET ${collection}`);
    if (placeholder && !list && !param.schema.enum) {
      // A secret nobody can list (an invitation or password-reset token): a well-formed value that names nothing.
      values[param.name] = String(exampleOf(oracle, param.schema, `${operation.id} {${param.name}}`));
      continue;
    }
    // A collection is filled by POST (one item), else by PUT (the whole set).
    const create = operations.find((o) => o.id === `POST ${collection}`) ?? operations.find((o) => o.id === `PUT ${collection}`);
    // `userId` is an item's `userId` or `id`, `roleKey` its `key`, `moduleName` its `name`, …
    const suffix = /(Id|Key|Name|Type)$/.exec(param.name)?.[1]?.toLowerCase();
    const fields = [param.name, ...(suffix ? [suffix] : []), 'id', 'key', 'name'];
    const listed = async (): Promise<string[]> => {
      if (!list) return [];
      const res = await client.get(fillPath(collection, values));
      const items: unknown[] = Array.isArray(res.body?.items) ? res.body.items : Array.isArray(res.body) ? res.body : [];
      return items.flatMap((item) => {
        const value = fields.map((f) => (item as Record<string, unknown> | null)?.[f]).find((v) => typeof v === 'string');
        return typeof value === 'string' ? [value] : [];
      });
    };
    const existing = await listed();
    let value = fresh && create ? undefined : existing[0];
    // A parameter with no collection of its own may still list its values in its schema.
    if (value === undefined && !list && (param.schema.enum || 'const' in param.schema)) value = String(exampleOf(oracle, param.schema, `${operation.id} {${param.name}}`));
    if (value === undefined && create) {
      const raw = UNDESCRIBED_BODIES[create.id]?.();
      const made = raw
        ? await client.request(create.method, fillPath(collection, values), raw.text, { 'content-type': raw.contentType })
        : await client.request(create.method, fillPath(collection, values), create.body ? exampleOf(oracle, create.body, create.id, { hints, nonEmptyArrays: true }) : undefined);
      if (made.status >= 300) throw new Error(`creating a ${param.name} through ${create.id} answered ${made.status} ${JSON.stringify(made.body)}`);
      value = (await listed()).find((v) => !existing.includes(v));
    }
    if (value === undefined) throw new Error(`${operation.id}: no real {${param.name}} found through GET/POST/PUT ${collection} nor in its schema; pass one in \`known\``);
    values[param.name] = value;
  }
  return values;
}
