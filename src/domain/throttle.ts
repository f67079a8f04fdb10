/**
 * @module How Roster slows down password guessing (OWASP ASVS 6.3.1, NIST SP 800-63B-4 §3.2.2):
 * failures are counted per account and per client address in a window; each failure past the first
 * few is answered after a growing pause, and reaching the limit locks the account (or address) for
 * a while. Pure rules; the counters live in services/throttle.ts.
 */

export interface ThrottlePolicy {
  /** Failures on one account within `windowMs` that lock it; 0 turns account lockout off. */
  accountFailures: number;
  /** Failures from one client address within `windowMs` that lock it; 0 turns it off. */
  addressFailures: number;
  windowMs: number;
  /** How long a lock lasts. */
  lockMs: number;
  /** Failures in a row answered at once; the pause starts after them. */
  freeFailures: number;
  /** The longest pause before answering a failure; 0 turns pauses off. */
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  accountFailures: 10,
  addressFailures: 100,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  freeFailures: 3,
  maxDelayMs: 2000,
};

/** The first pause; each further failure doubles it, up to `maxDelayMs`. */
const FIRST_DELAY_MS = 250;

/**
 * The pause before answering the `failures`-th failure in a row: 0 for the first `freeFailures`,
 * then 250 ms, 500 ms, 1 s, 2 s, … capped at `maxDelayMs` (defaults: 0, 0, 0, 250, 500, 1000, 2000, 2000…).
 */
export function delayAfterFailures(failures: number, policy: Pick<ThrottlePolicy, 'freeFailures' | 'maxDelayMs'>): number {
  const past = failures - policy.freeFailures;
  if (past <= 0 || policy.maxDelayMs <= 0) return 0;
  return Math.min(policy.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(past - 1, 20));
}

/**
 * The network a client address stands for in counters: an IPv4 address itself, an IPv6 address its
 * /64 (one subscriber's block, in which anyone can pick a fresh address for every request).
 */
export function clientNetwork(ip: string): string {
  const address = ip.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}

/** Whole seconds until `untilMs`, at least 1: the `Retry-After` of a locked answer. */
export const retryAfterSeconds = (untilMs: number, nowMs: number): number => Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
