/**
 * @module Group names (seed 002 "User Groups"): shown as typed, unique per organization without regard
 * to case. The key folds case one character at a time, so it is never longer than the name and fits
 * the same column width (a whole-string lower-casing can lengthen text, e.g. `İ`).
 */
import { RosterError } from './errors.js';

/** The name as stored: trimmed, and not blank. */
export function groupName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new RosterError('request.invalid', 'A group needs a name', field);
  return trimmed;
}

/** The case-folded form that uniqueness compares. */
export const groupNameKey = (name: string): string =>
  Array.from(name, (c) => {
    const lower = c.toLowerCase();
    return Array.from(lower).length === 1 ? lower : c;
  }).join('');
