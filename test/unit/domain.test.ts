/**
 * Pure domain rules, without a database.
 */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, page } from '../../src/domain/cursor.js';
import { RosterError } from '../../src/domain/errors.js';
import { assertCanGrantRole, assertNotOwner } from '../../src/domain/member-rules.js';
import { DEFAULT_PASSWORD_POLICY, passwordViolations } from '../../src/domain/password-policy.js';
import { intersection, notHeld, permissionSet } from '../../src/domain/permissions.js';
import { communicationName, effectiveDisplayName, gravatarUrl, renderClickToDial } from '../../src/domain/profile.js';
import { isValidUsername } from '../../src/domain/username.js';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof RosterError ? e.code : 'not a RosterError';
  }
  return undefined;
};

describe('usernames', () => {
  it.each(['ada', 'ada.lovelace', 'a_b-c', 'A1b'])('accepts %s', (u) => expect(isValidUsername(u)).toBe(true));
  it.each(['ab', '.ada', 'ada.', 'ada lovelace', 'ada@x', 'x'.repeat(65), 'é', ''])('refuses %j', (u) => expect(isValidUsername(u)).toBe(false));
});

describe('profile names', () => {
  const base = { username: 'ada', firstName: 'Ada', lastName: 'Lovelace', displayName: null, alias: null };
  it('the display name falls back to the full name, then the username (seed 000)', () => {
    expect(effectiveDisplayName(base)).toBe('Ada Lovelace');
    expect(effectiveDisplayName({ ...base, displayName: 'The Countess' })).toBe('The Countess');
    expect(effectiveDisplayName({ ...base, firstName: '', lastName: '' })).toBe('ada');
  });
  it('a blank alias means the real name is used in communications (seed 000)', () => {
    expect(communicationName({ ...base, alias: '  ' })).toBe('Ada Lovelace');
    expect(communicationName({ ...base, alias: 'Agent A' })).toBe('Agent A');
  });
  it('the avatar is the Gravatar of the email, case-insensitively (seed 001)', () => {
    expect(gravatarUrl(' Ada@Example.com ')).toBe(gravatarUrl('ada@example.com'));
    expect(gravatarUrl('ada@example.com')).toContain('3e3417d7ef77d5932a6734b916515ed5');
  });
  it('renders click-to-dial templates with URL-encoded fields (seed 002)', () => {
    const url = renderClickToDial('https://pbx?phone=[Field:PhoneNumber]&ext=[Field:Ext]&x=[Field:Nope]', { PhoneNumber: '+1 555', Ext: '7' });
    expect(url).toBe('https://pbx?phone=%2B1%20555&ext=7&x=');
  });
});

describe('passwords', () => {
  const problems = (password: string, personal: string[]) => passwordViolations(password, DEFAULT_PASSWORD_POLICY, { personal });
  it('needs 12 characters and allows 64 and more', () => {
    expect(problems('short', [])).toHaveLength(1);
    expect(problems('x'.repeat(12) + 'y', [])).toEqual([]);
    expect(problems('z'.repeat(100), [])).toEqual([]);
    expect(problems('z'.repeat(129), [])).toHaveLength(1);
  });
  it('refuses the username or name inside the password', () => {
    expect(problems('my name is lovelace!', ['ada', 'lovelace'])[0]?.message).toMatch(/username/);
  });
  it('lists every unmet rule at once', () => {
    expect(problems('ada', ['ada'])).toHaveLength(2);
  });
});

describe('permissions', () => {
  it('the wildcard holds everything', () => {
    expect(permissionSet(['*']).has('anything.at_all')).toBe(true);
    expect(notHeld(permissionSet(['*']), ['a', 'b'])).toEqual([]);
  });
  it('lists what a holder lacks', () => {
    expect(notHeld(permissionSet(['members.read']), ['members.read', 'audit.read'])).toEqual(['audit.read']);
  });
  it('an API key holds only what both its own set and its creator\'s hold', () => {
    const key = permissionSet(['audit.read', 'members.read']);
    const both = intersection(key, permissionSet(['members.read', 'roles.manage']));
    expect(['audit.read', 'members.read', 'roles.manage'].map((p) => both.has(p))).toEqual([false, true, false]);
    expect(both).toMatchObject({ all: false });
    expect(both.list()).toEqual(['members.read']);
    // An owner or admin creator lends everything the key names, and nothing more.
    expect(intersection(key, permissionSet(['*']))).toBe(key);
    expect(intersection(permissionSet(['*']), key)).toBe(key);
    expect(intersection(key, permissionSet([])).list()).toEqual([]);
  });
});

describe('member rules', () => {
  it('the owner can not be removed, deactivated or demoted (seed 001)', () => {
    const owner = { role: 'owner', status: 'active' as const };
    expect(codeOf(() => assertNotOwner(owner, 'remove'))).toBe('member.owner_cannot_be_removed');
    expect(codeOf(() => assertNotOwner(owner, 'deactivate'))).toBe('member.owner_cannot_be_deactivated');
    expect(codeOf(() => assertNotOwner(owner, 'demote'))).toBe('member.owner_cannot_be_demoted');
    expect(codeOf(() => assertNotOwner({ role: 'admin', status: 'active' }, 'remove'))).toBeUndefined();
  });
  it('nobody gives a role with permissions they do not hold, and nobody gives the owner role', () => {
    const lesser = permissionSet(['roles.assign', 'members.read']);
    expect(codeOf(() => assertCanGrantRole(lesser, 'admin', ['*']))).toBe('permission.not_held');
    expect(codeOf(() => assertCanGrantRole(lesser, 'member', ['members.read']))).toBeUndefined();
    expect(codeOf(() => assertCanGrantRole(permissionSet(['*']), 'owner', ['*']))).toBe('member.owner_role_by_transfer_only');
  });
});

describe('cursors', () => {
  it('round-trips a key and refuses anything else', () => {
    expect(decodeCursor(encodeCursor(['a', 'b']), 2)).toEqual(['a', 'b']);
    for (const bad of ['', 'not base64 at all!', encodeCursor(['a']), Buffer.from('{"x":1}').toString('base64url')]) {
      expect(codeOf(() => decodeCursor(bad, 2))).toBe('request.cursor_invalid');
    }
  });
  it('gives a next cursor only when a further row exists', () => {
    expect(page([1, 2, 3], 2, (n) => [String(n)]).nextCursor).toBe(encodeCursor(['2']));
    expect(page([1, 2], 2, (n) => [String(n)]).nextCursor).toBeNull();
  });
});
