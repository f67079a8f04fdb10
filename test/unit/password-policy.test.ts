/**
 * The pure password rules (src/domain/password-policy.ts), without a database.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_POLICY, passwordExpired, passwordViolations, personalWords, strictestPolicy, type PasswordPolicy,
} from '../../src/domain/password-policy.js';

const policy = (p: Partial<PasswordPolicy>): PasswordPolicy => ({ ...DEFAULT_PASSWORD_POLICY, ...p });
const rules = (password: string, p: Partial<PasswordPolicy> = {}, personal: string[] = [], common = new Set<string>()) =>
  passwordViolations(password, policy(p), { personal, common }).map((v) => v.rule);

describe('password policy', () => {
  it('the strictest union takes the longest minimum, every class, the longest history and the shortest age', () => {
    expect(strictestPolicy([
      policy({ minLength: 14, requireUpper: true, historyCount: 2, maxAgeDays: 90 }),
      policy({ minLength: 20, requireDigit: true, disallowCommon: false, maxAgeDays: null }),
      policy({ minLength: 8, historyCount: 5, maxAgeDays: 30 }),
    ])).toEqual({ minLength: 20, requireLower: false, requireUpper: true, requireDigit: true, requireSymbol: false, disallowCommon: true, historyCount: 5, maxAgeDays: 30 });
  });

  it('no policy at all is the default one', () => {
    expect(strictestPolicy([])).toEqual(DEFAULT_PASSWORD_POLICY);
  });

  it('counts characters as code points, so an emoji is one character', () => {
    expect(rules('😀'.repeat(12))).toEqual([]);
    expect(rules('😀'.repeat(11))).toEqual(['minLength']);
  });

  it('character classes are Unicode-aware, and a space is a symbol', () => {
    const all = { requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true };
    expect(rules('Ärger über 42 Öfen', all)).toEqual([]);
    expect(rules('ÄRGERÜBER42ÖFEN', all)).toEqual(['lower', 'symbol']);
  });

  it('64 characters meet length and classes of any policy, but not the personal or common rules', () => {
    const strict = { minLength: 64, requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true };
    expect(rules('a'.repeat(64), strict)).toEqual([]);
    expect(rules('a'.repeat(63), strict)).toEqual(['minLength', 'upper', 'digit', 'symbol']);
    expect(rules(`ada ${'a'.repeat(60)}`, strict, ['ada'])).toEqual(['personal']);
  });

  it('common passwords are refused whatever the case, only when the policy says so', () => {
    const common = new Set(['password1234']);
    expect(rules('PassWord1234', {}, [], common)).toEqual(['common']);
    expect(rules('PassWord1234', { disallowCommon: false }, [], common)).toEqual([]);
  });

  it('personal words are the username, the email\'s local part and the names of three letters or more', () => {
    expect(personalWords({ username: 'Ada.L', email: 'countess@example.com', firstName: 'Ada', lastName: 'Li' })).toEqual(['ada.l', 'countess', 'ada']);
  });

  it('a password expires after maxAgeDays, never without it', () => {
    const changed = '2025-01-01T00:00:00.000Z';
    expect(passwordExpired(policy({ maxAgeDays: 30 }), changed, Date.parse('2025-01-30T23:59:59Z'))).toBe(false);
    expect(passwordExpired(policy({ maxAgeDays: 30 }), changed, Date.parse('2025-01-31T00:00:00Z'))).toBe(true);
    expect(passwordExpired(policy({ maxAgeDays: null }), changed, Date.parse('2035-01-01T00:00:00Z'))).toBe(false);
  });
});
