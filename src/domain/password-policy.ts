/**
 * @module Password rules (seed 004: "you can define the password complexity for the users'
 * passwords"), as pure functions over plain data. Defaults follow NIST SP 800-63B-4: length matters,
 * composition rules are off, common passwords are refused, no periodic change. A user has one
 * password for every organization (seed 004), so the policy that applies is the strictest union of
 * the policies of every organization the user is an active member of.
 */

/** A password longer than this is refused whatever the policy (ASVS: at least 64 allowed, 128 here). */
export const PASSWORD_MAX_LENGTH = 128;
/** A passphrase this long meets the length and character-class rules of any policy. */
export const PASSPHRASE_LENGTH = 64;
/** The least minimum length a policy may set. */
export const PASSWORD_MIN_LENGTH_FLOOR = 8;
/** The most previous passwords a policy may refuse to see again. */
export const PASSWORD_HISTORY_MAX = 24;

export interface PasswordPolicy {
  /** 8 to 64 characters (Unicode code points). */
  minLength: number;
  requireLower: boolean;
  requireUpper: boolean;
  requireDigit: boolean;
  /** Anything that is neither a letter nor a digit, space included (OWASP's list of special characters). */
  requireSymbol: boolean;
  /** Refuse the passwords of the common-password list, whatever the case. */
  disallowCommon: boolean;
  /** A new password may not be any of the user's last N passwords, the current one included; 0 turns it off. */
  historyCount: number;
  /** Days after which the password must be changed at the next sign-in; null: never expires. */
  maxAgeDays: number | null;
}

export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 12,
  requireLower: false,
  requireUpper: false,
  requireDigit: false,
  requireSymbol: false,
  disallowCommon: true,
  historyCount: 0,
  maxAgeDays: null,
});

/** Names of the rules a password can break, as the API lists them in `rules`. */
export type PasswordRule = 'minLength' | 'maxLength' | 'lower' | 'upper' | 'digit' | 'symbol' | 'personal' | 'common' | 'reused';

export interface PasswordViolation {
  rule: PasswordRule;
  /** Reads after "The password ", e.g. "must be at least 12 characters". */
  message: string;
}

/**
 * The strictest union of several policies: the longest minimum, every character class any of them
 * asks for, the longest history, the shortest maximum age. No policy at all gives the default.
 */
export function strictestPolicy(policies: readonly PasswordPolicy[]): PasswordPolicy {
  if (policies.length === 0) return { ...DEFAULT_PASSWORD_POLICY };
  const ages = policies.map((p) => p.maxAgeDays).filter((d): d is number => d !== null);
  return {
    minLength: Math.max(...policies.map((p) => p.minLength)),
    requireLower: policies.some((p) => p.requireLower),
    requireUpper: policies.some((p) => p.requireUpper),
    requireDigit: policies.some((p) => p.requireDigit),
    requireSymbol: policies.some((p) => p.requireSymbol),
    disallowCommon: policies.some((p) => p.disallowCommon),
    historyCount: Math.max(...policies.map((p) => p.historyCount)),
    maxAgeDays: ages.length > 0 ? Math.min(...ages) : null,
  };
}

/** The words a password must not contain: the username, the email's local part and the names. */
export function personalWords(user: { username: string; email: string; firstName?: string | null; lastName?: string | null }): string[] {
  return [user.username, user.email.split('@')[0] ?? '', user.firstName ?? '', user.lastName ?? '']
    .map((w) => w.trim().toLowerCase())
    // Two letters are everywhere; refusing them would refuse good passphrases for nothing.
    .filter((w) => w.length >= 3);
}

export interface PasswordContext {
  /** From personalWords(). */
  personal: readonly string[];
  /** Lower-cased common passwords; required when the policy disallows them. */
  common?: ReadonlySet<string>;
}

const CLASSES: ReadonlyArray<{ rule: PasswordRule; flag: keyof PasswordPolicy; test: RegExp; message: string }> = [
  { rule: 'lower', flag: 'requireLower', test: /\p{Ll}/u, message: 'must contain a lowercase letter' },
  { rule: 'upper', flag: 'requireUpper', test: /\p{Lu}/u, message: 'must contain an uppercase letter' },
  { rule: 'digit', flag: 'requireDigit', test: /\p{Nd}/u, message: 'must contain a digit' },
  { rule: 'symbol', flag: 'requireSymbol', test: /[^\p{L}\p{N}]/u, message: 'must contain a symbol (neither a letter nor a digit; a space counts)' },
];

/**
 * Every rule of `policy` the password breaks, so the user can fix them all at once. Reuse needs the
 * stored hashes and is checked by the caller (it appends a `reused` violation).
 */
export function passwordViolations(password: string, policy: PasswordPolicy, context: PasswordContext): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  const passphrase = length >= PASSPHRASE_LENGTH;
  if (length > PASSWORD_MAX_LENGTH) violations.push({ rule: 'maxLength', message: `must be at most ${PASSWORD_MAX_LENGTH} characters` });
  if (!passphrase && length < policy.minLength) violations.push({ rule: 'minLength', message: `must be at least ${policy.minLength} characters` });
  if (!passphrase) {
    for (const c of CLASSES) if (policy[c.flag] && !c.test.test(password)) violations.push({ rule: c.rule, message: c.message });
  }
  const lower = password.toLowerCase();
  if (context.personal.some((word) => lower.includes(word))) violations.push({ rule: 'personal', message: 'must not contain your username, email or name' });
  if (policy.disallowCommon && context.common?.has(lower)) violations.push({ rule: 'common', message: 'is one of the most common passwords' });
  return violations;
}

export const reusedViolation = (count: number): PasswordViolation => ({
  rule: 'reused',
  message: count <= 1 ? 'must differ from your current password' : `must differ from your last ${count} passwords`,
});

/** Whether a password set at `changedAt` is older than the policy's maximum age at `nowMs`. */
export function passwordExpired(policy: PasswordPolicy, changedAt: string, nowMs: number): boolean {
  return policy.maxAgeDays !== null && nowMs - Date.parse(changedAt) >= policy.maxAgeDays * 86_400_000;
}

/** "The password must …; must …", for the problem's `detail`. */
export const describeViolations = (violations: readonly PasswordViolation[]): string =>
  `The password ${violations.map((v) => v.message).join('; ')}`;
