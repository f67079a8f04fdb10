/**
 * @module Opaque cursors for keyset pagination: the sort key of the last row of a page, encoded so
 * clients cannot depend on its shape.
 */
import { RosterError } from './errors.js';
import { isStorableText } from './text.js';

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === 'string' && isStorableText(k))) return key;
  } catch {
    // fall through to the same answer as a well-formed but wrong cursor
  }
  throw new RosterError('request.cursor_invalid', 'The cursor is not one this list returned', 'query.cursor');
}

/** Takes one row more than the page to learn whether another page follows. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
