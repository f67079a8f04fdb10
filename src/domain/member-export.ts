/**
 * @module The members export as CSV: its columns, and the cells of one member. A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets an
 * apostrophe in front, so opening the file never runs what a member typed into their profile
 * (OWASP "CSV injection"); an import takes the apostrophe off again.
 */
import type { Member } from './types.js';

export const EXPORT_COLUMNS = [
  'username', 'email', 'firstName', 'lastName', 'displayName', 'alias', 'title', 'phone', 'role', 'status', 'groups', 'lastLoginAt', 'joinedAt',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as written: formula-like text defused with a leading apostrophe. */
export const safeCell = (value: string | null): string => (value === null ? '' : FORMULA_START.test(value) ? `'${value}` : value);

/** One member's row, in the order of EXPORT_COLUMNS; groups by name, separated by `;` as the import reads them. */
export function exportCells(m: Member): string[] {
  return [
    m.username, m.email, m.firstName, m.lastName, m.displayName, m.alias, m.title, m.phone, m.role, m.status,
    m.groups.map((g) => g.name).join(';'), m.lastLoginAt, m.joinedAt,
  ].map(safeCell);
}
