/**
 * @module An audit event's before and after as people read them: both are flattened to fields
 * (`settings.passwordPolicy.minLength`), and only the fields whose value differs are kept, so an
 * event that stored the whole settings object shows the one setting that changed.
 */
export interface Change {
  /** The field's path, e.g. `settings.passwordPolicy.minLength`; empty when the value is not an object. */
  path: string;
  before: unknown;
  after: unknown;
}

/** Plain objects become their fields; arrays and everything else are values of their own. */
function flatten(value: unknown, at: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && at) into.set(at, value);
    for (const [key, inner] of entries) flatten(inner, at ? `${at}.${key}` : key, into);
  } else if (value !== undefined && (value !== null || at)) {
    into.set(at, value);
  }
  return into;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changesOf(before: unknown, after: unknown): Change[] {
  const b = flatten(before, '', new Map());
  const a = flatten(after, '', new Map());
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths.filter((path) => !same(b.get(path), a.get(path))).map((path) => ({ path, before: b.get(path), after: a.get(path) }));
}

/** `settings.passwordPolicy.minLength` → `settings › password policy › min length`. */
export function fieldLabel(path: string): string {
  return path.split('.').map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase()).join(' › ');
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A value in a few words: instants through `formatTime` (the page's locale), other text as it is,
 * yes/no, lists joined, anything else as JSON.
 */
export function valueText(value: unknown, formatTime: (iso: string) => string = (iso) => iso): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return INSTANT.test(value) ? formatTime(value) : value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.length === 0 ? '(none)' : value.join(', ');
  return JSON.stringify(value);
}
