/**
 * Entity tags (domain/entity-tag.ts): equal representations get equal strong tags whatever their key
 * order, any change gives another, and If-Match compares strongly (RFC 9110 §13.1.1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityTag, IF_MATCH_PATTERN, ifMatchAllows } from '../../src/domain/entity-tag.js';

describe('entity tags', () => {
  it('are quoted strong tags that do not depend on key order', () => {
    const tag = entityTag({ a: 1, b: [1, { c: 'x', d: null }] });
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag({ b: [1, { d: null, c: 'x' }], a: 1 })).toBe(tag);
  });

  it('change with any change to the representation (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      fc.pre(JSON.stringify(a) !== JSON.stringify(b));
      // Objects equal but for key order are the same representation; anything else differs.
      const sameUpToOrder = entityTag(a) === entityTag(b);
      if (sameUpToOrder) expect(JSON.stringify(sortKeys(a))).toBe(JSON.stringify(sortKeys(b)));
    }), { seed: 7, numRuns: 300 });
  });
});

describe('If-Match', () => {
  const tag = entityTag({ id: 1 });
  const pattern = new RegExp(IF_MATCH_PATTERN, 'u');

  it('matches the current tag, one of a list, or *; never a weak tag or another tag', () => {
    expect(ifMatchAllows(tag, tag)).toBe(true);
    expect(ifMatchAllows(`"other", ${tag}`, tag)).toBe(true);
    expect(ifMatchAllows(' * ', tag)).toBe(true);
    expect(ifMatchAllows(`W/${tag}`, tag)).toBe(false);
    expect(ifMatchAllows('"other"', tag)).toBe(false);
  });

  it('is, by its pattern, * or a list of quoted tags and nothing else', () => {
    for (const ok of ['*', tag, `W/${tag}`, `"a", "b"`, '""', ' "a" ']) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ['', 'abc', '"unterminated', '*, "a"', '"a" "b"', '"a\\"b"']) expect(pattern.test(bad), bad).toBe(false);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}
