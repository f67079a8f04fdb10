/**
 * @module Entity tags for optimistic concurrency (RFC 9110 §8.8.3, §13.1.1): a strong tag is the
 * digest of a representation as the API shows it, so any change to what a client read — whoever
 * made it, through whatever route — gives a new tag, and `If-Match` with an old tag is refused.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so two equal values always digest the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The strong entity tag of a representation, quoted as the `ETag` header carries it. */
export function entityTag(representation: unknown): string {
  return `"${createHash('sha256').update(canonical(representation)).digest('base64url').slice(0, 27)}"`;
}

/** The tags an `If-Match` value lists, or `*`; weak tags are kept with their `W/` so they never match strongly. */
function listedTags(header: string): string[] | '*' {
  if (header.trim() === '*') return '*';
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/** What an `If-Match` value may be: `*` or a list of quoted tags, nothing else (the request schema's pattern). */
export const IF_MATCH_PATTERN = '^\\s*(\\*|(W/)?"[\\x21\\x23-\\x7e]*"(\\s*,\\s*(W/)?"[\\x21\\x23-\\x7e]*")*)\\s*$';

/** `If-Match` by strong comparison: `*` matches any current representation, a weak tag never does. */
export function ifMatchAllows(header: string, currentTag: string): boolean {
  const tags = listedTags(header);
  return tags === '*' || tags.includes(currentTag);
}
