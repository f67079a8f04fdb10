/**
 * @module The CSV file of a bulk import (seed 004 "add users in bulk"): its documented columns, how
 * a file is read into rows, and the checks of one row against a snapshot of the organization's
 * catalogue and the importer's rights, as pure functions. The same privilege rules as an invitation
 * hold: nobody grants a role, permission, group or resource beyond what they hold themselves.
 */
import { parse } from 'csv-parse/sync';
import { RosterError } from './errors.js';
import { groupNameKey } from './group-rules.js';
import { ALL, notHeld, type PermissionSet } from './permissions.js';
import { isStorableText } from './text.js';
import type { ResourceScope } from './access-model.js';

/** The columns an import reads, in the order problems are reported. Only `email` is required. */
export const IMPORT_COLUMNS = ['email', 'firstName', 'lastName', 'role', 'groups', 'permissions', 'resources', 'note'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns of the members export that an import accepts and ignores, so an export can be imported as it is. */
export const EXPORT_ONLY_COLUMNS = ['username', 'displayName', 'alias', 'title', 'phone', 'status', 'lastLoginAt', 'joinedAt'] as const;

export const MAX_IMPORT_ROWS = 100_000;
export const DEFAULT_IMPORT_ROLE = 'member';

/** One thing wrong with one row. `row` counts the header as row 1, as a spreadsheet numbers rows; `field` is null for the row as a whole. */
export interface ImportProblem {
  row: number;
  field: ImportColumn | null;
  message: string;
}

/** A data row as read from the file, every cell trimmed; lists split on `;`. */
export interface ImportRow {
  row: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  role: string;
  groups: string[];
  permissions: string[];
  resources: Array<{ type: string; id: string }>;
  /** Entries of the resources cell that are not `type:id`. */
  malformedResources: string[];
  note: string | null;
}

export interface ImportFile {
  rows: ImportRow[];
  /** Problems found while reading: cells too long, more cells than columns. */
  problems: ImportProblem[];
}

const invalidCsv = (detail: string) => new RosterError('import.invalid_csv', detail, 'body');

/** The header's columns, by position; unknown and repeated names are refused, naming them. */
function readHeader(cells: readonly string[]): Array<ImportColumn | null> {
  const byName = new Map<string, ImportColumn | null>([
    ...IMPORT_COLUMNS.map((c): [string, ImportColumn] => [c.toLowerCase(), c]),
    ...EXPORT_ONLY_COLUMNS.map((c): [string, null] => [c.toLowerCase(), null]),
  ]);
  const seen = new Set<string>();
  const columns = cells.map((raw) => {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (name === '') throw invalidCsv('A column of the header has no name; every column needs one');
    if (!byName.has(key)) {
      throw invalidCsv(`Unknown column "${name.slice(0, 100)}"; the columns are ${IMPORT_COLUMNS.join(', ')}`);
    }
    if (seen.has(key)) throw invalidCsv(`The column "${name}" appears twice in the header`);
    seen.add(key);
    return byName.get(key) ?? null;
  });
  if (!columns.includes('email')) throw invalidCsv('The header has no email column; the first row must name the columns, e.g. email,firstName,lastName,role');
  return columns;
}

const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/** A cell as stored: trimmed, without the apostrophe the members export puts before a formula-like value. */
function cellText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return FORMULA_GUARD.test(text) ? text.slice(1) : text;
}

const list = (cell: string): string[] => [...new Set(cell.split(';').map((s) => s.trim()).filter((s) => s.length > 0))];

// The email's length is part of its own check; a cell over its limit makes the row invalid.
const LIMITS: Partial<Record<ImportColumn, number>> = { firstName: 100, lastName: 100, role: 64, note: 2000, groups: 20_000, permissions: 20_000, resources: 100_000 };

/**
 * Reads an import file: a header row naming the columns, then one invitee a row. A file that can not
 * be read as CSV, or whose header is wrong, is refused as a whole; problems of single rows are
 * reported with their row.
 */
export function readImportFile(text: string): ImportFile {
  if (!isStorableText(text)) throw invalidCsv('The file holds a NUL character or text that is not valid Unicode');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const e = error as { message?: string };
    throw invalidCsv(`The file is not valid CSV: ${e.message ?? String(error)}`);
  }
  const header = records[0];
  if (!header || header.every((c) => c.trim() === '')) throw invalidCsv('The file is empty; its first row must name the columns, e.g. email,firstName,lastName,role');
  const columns = readHeader(header);
  const index = new Map<ImportColumn, number>();
  columns.forEach((c, i) => { if (c) index.set(c, i); });
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    // Blank lines, and the empty rows spreadsheets leave at the end, are no invitees.
    if (record.every((c) => c.trim() === '')) continue;
    if (rows.length >= MAX_IMPORT_ROWS) throw invalidCsv(`At most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows in one import; split the file`);
    const row = r + 1;
    if (record.length > columns.length && record.slice(columns.length).some((c) => c.trim() !== '')) {
      problems.push({ row, field: null, message: `This row has ${record.length} cells; the header names ${columns.length} columns` });
    }
    const get = (c: ImportColumn): string => {
      const i = index.get(c);
      const value = i === undefined ? '' : cellText(record[i]);
      const limit = LIMITS[c];
      if (limit !== undefined && value.length > limit) {
        problems.push({ row, field: c, message: `Longer than ${limit} characters` });
        return '';
      }
      return value;
    };
    const resources: Array<{ type: string; id: string }> = [];
    const malformedResources: string[] = [];
    const email = get('email');
    const firstName = get('firstName') || null;
    const lastName = get('lastName') || null;
    const role = get('role') || DEFAULT_IMPORT_ROLE;
    const groups = list(get('groups'));
    const permissions = list(get('permissions'));
    for (const entry of list(get('resources'))) {
      const colon = entry.indexOf(':');
      const type = colon > 0 ? entry.slice(0, colon).trim() : '';
      const id = colon > 0 ? entry.slice(colon + 1).trim() : '';
      if (type && id) resources.push({ type, id });
      else malformedResources.push(entry);
    }
    rows.push({ row, email, firstName, lastName, role, groups, permissions, resources, malformedResources, note: get('note') || null });
  }
  if (rows.length === 0 && problems.length === 0) throw invalidCsv('The file has a header but no rows under it');
  return { rows, problems };
}

/** What the checks need to know about the organization, loaded once for the whole file. */
export interface ImportCatalog {
  roles: ReadonlyMap<string, { permissions: readonly string[]; resourceScopes: Readonly<Record<string, ResourceScope>> }>;
  /** Groups by their case-folded name. */
  groups: ReadonlyMap<string, { id: string; name: string; permissions: readonly string[] }>;
  /** Every permission the catalogue knows: Roster's own, the application's and the modules'. */
  permissions: ReadonlySet<string>;
  /** Application permissions limited to some roles (seed 003). */
  allowedRoles: ReadonlyMap<string, ReadonlySet<string>>;
  resourceTypes: ReadonlySet<string>;
  /** The resources the file names that exist, by type. */
  resources: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The importer's rights: what they hold, and which resources they can hand out. */
export interface Importer {
  permissions: PermissionSet;
  holdsResource(type: string, id: string): boolean;
}

/** What a valid row grants its invitee. */
export interface ImportGrants {
  role: string;
  permissions: string[];
  groupIds: string[];
  resources: Record<string, string[]>;
}

const quoted = (items: readonly string[]): string => items.map((p) => (p === ALL ? 'every permission' : `"${p}"`)).join(', ');

/**
 * Checks a row's role, groups, permissions and resources against the catalogue and the importer.
 * Returns the row's problems (none when it may be imported) and, when there are none, its grants.
 */
export function checkImportGrants(row: ImportRow, catalog: ImportCatalog, importer: Importer): { problems: ImportProblem[]; grants: ImportGrants | null } {
  const problems: ImportProblem[] = [];
  const problem = (field: ImportColumn, message: string) => problems.push({ row: row.row, field, message });

  const role = catalog.roles.get(row.role);
  if (!role) {
    problem('role', `No role "${row.role.slice(0, 100)}" in this organization`);
  } else if (row.role === 'owner') {
    problem('role', 'The owner role moves only by transferring ownership');
  } else {
    const missing = notHeld(importer.permissions, role.permissions);
    if (missing.length > 0) problem('role', `You can not give the ${row.role} role: it grants ${quoted(missing)}, which you do not hold`);
  }

  const groupIds: string[] = [];
  for (const name of row.groups) {
    const group = catalog.groups.get(groupNameKey(name));
    if (!group) {
      problem('groups', `No group "${name}" in this organization`);
      continue;
    }
    const missing = notHeld(importer.permissions, group.permissions);
    if (missing.length > 0) problem('groups', `You can not add members to "${group.name}": it grants ${quoted(missing)}, which you do not hold`);
    else if (!groupIds.includes(group.id)) groupIds.push(group.id);
  }

  const permissions: string[] = [];
  const limitedRole = row.role !== 'owner' && row.role !== 'admin';
  for (const p of row.permissions) {
    if (!catalog.permissions.has(p)) problem('permissions', `Unknown permission "${p}"`);
    else if (!importer.permissions.has(p)) problem('permissions', `You can not grant "${p}": you do not hold it`);
    else if (limitedRole && catalog.allowedRoles.get(p) && !catalog.allowedRoles.get(p)!.has(row.role)) problem('permissions', `"${p}" can not be given to the ${row.role} role`);
    else permissions.push(p);
  }

  const resources: Record<string, string[]> = {};
  for (const entry of row.malformedResources) problem('resources', `"${entry}" is not type:id, e.g. partner:acme`);
  for (const { type, id } of row.resources) {
    if (!catalog.resourceTypes.has(type)) problem('resources', `No resource type "${type}"`);
    else if (!catalog.resources.get(type)?.has(id)) problem('resources', `No ${type} "${id}"`);
    else if (!importer.holdsResource(type, id)) problem('resources', `You can not grant ${type} "${id}": you do not have it`);
    else if (!(resources[type] ??= []).includes(id)) resources[type]!.push(id);
  }
  if (role) {
    for (const [type, scope] of Object.entries(role.resourceScopes)) {
      const named = row.resources.filter((r) => r.type === type).length;
      if (scope === 'one' && named !== 1) problem('resources', `The ${row.role} role needs exactly one ${type}: name it as ${type}:<id>`);
    }
  }

  if (problems.length > 0) return { problems, grants: null };
  return { problems, grants: { role: row.role, permissions: permissions.sort(), groupIds, resources } };
}

const COLUMN_ORDER = new Map<ImportColumn | null, number>([[null, -1], ...IMPORT_COLUMNS.map((c, i): [ImportColumn, number] => [c, i])]);

/** Problems in the order a reader fixes them: by row, then by column. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems.sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.field) ?? 0) - (COLUMN_ORDER.get(b.field) ?? 0));
}
