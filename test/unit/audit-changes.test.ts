/**
 * The audit log shows an event's before and after as the fields that changed (seed 000 "lead
 * history and logs"): an event that stores a whole object must read as the one value that moved.
 */
import { describe, expect, it } from 'vitest';
import { changesOf, fieldLabel, valueText } from '../../console/src/audit/changes.js';

describe('audit changes', () => {
  it('keeps only the nested fields whose value differs', () => {
    const before = { name: 'Acme', settings: { allowMemberDeletion: false, sessionIdleMinutes: null, passwordPolicy: { minLength: 12, requireUpper: false } } };
    const after = { name: 'Acme', settings: { allowMemberDeletion: false, sessionIdleMinutes: 120, passwordPolicy: { minLength: 16, requireUpper: false } } };
    expect(changesOf(before, after)).toEqual([
      { path: 'settings.sessionIdleMinutes', before: null, after: 120 },
      { path: 'settings.passwordPolicy.minLength', before: 12, after: 16 },
    ]);
  });

  it('shows every field of a creation or a removal, and a plain value as one change', () => {
    expect(changesOf(null, { version: '2', groups: ['a', 'b'] })).toEqual([
      { path: 'version', before: undefined, after: '2' },
      { path: 'groups', before: undefined, after: ['a', 'b'] },
    ]);
    expect(changesOf({ role: 'admin' }, null)).toEqual([{ path: 'role', before: 'admin', after: undefined }]);
    expect(changesOf('member', 'admin')).toEqual([{ path: '', before: 'member', after: 'admin' }]);
    expect(changesOf(null, null)).toEqual([]);
  });

  it('compares lists as wholes and reads names and values as words', () => {
    expect(changesOf({ groups: ['a'] }, { groups: ['a'] })).toEqual([]);
    expect(fieldLabel('settings.passwordPolicy.minLength')).toBe('settings › password policy › min length');
    expect([valueText(true), valueText(false), valueText(null), valueText([]), valueText(['x', 'y']), valueText({ a: 1 })])
      .toEqual(['yes', 'no', null, '(none)', 'x, y', '{"a":1}']);
    expect(valueText('2026-11-22T14:54:09.835Z', (iso) => `at ${iso.slice(0, 10)}`)).toBe('at 2026-11-22');
    expect(valueText('2026-11', () => 'a time')).toBe('2026-11');
  });
});
