/**
 * @module How long a session may live: the instance's defaults tightened by every organization the
 * user is an active member of, and whether a session has outlived them (ASVS 5.0 V7.3).
 */

export interface SessionPolicy {
  /** A session ends after this long without a request. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  absoluteHours: number;
}

export interface SessionTimeoutSettings {
  sessionIdleMinutes: number | null;
  sessionAbsoluteHours: number | null;
}

/**
 * The strictest of the instance's policy and the organizations' settings (null: the instance's).
 * A session is one credential for every organization of its user, who switches between them without
 * signing in again, so it must satisfy the rule of each of them, not only of the current one.
 */
export function strictestPolicy(instance: SessionPolicy, organizations: readonly SessionTimeoutSettings[]): SessionPolicy {
  let { idleMinutes, absoluteHours } = instance;
  for (const o of organizations) {
    if (o.sessionIdleMinutes !== null && o.sessionIdleMinutes < idleMinutes) idleMinutes = o.sessionIdleMinutes;
    if (o.sessionAbsoluteHours !== null && o.sessionAbsoluteHours < absoluteHours) absoluteHours = o.sessionAbsoluteHours;
  }
  return { idleMinutes, absoluteHours };
}

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
}

/** When the session ends at the latest, whatever its activity. */
export const absoluteExpiry = (s: SessionTimes, policy: SessionPolicy): number => s.createdAt + policy.absoluteHours * 3_600_000;

/** Whether the session has outlived the policy at `nowMs`: idle too long, or older than allowed. */
export function hasExpired(s: SessionTimes, policy: SessionPolicy, nowMs: number): boolean {
  return nowMs >= absoluteExpiry(s, policy) || nowMs - s.lastSeenAt >= policy.idleMinutes * 60_000;
}

/**
 * How stale the recorded last activity may grow before it is written again. Writing on every
 * request would turn each read into a write; writing once a minute means a session can be found
 * idle up to that much early, never late. It stays under half the idle timeout, so a short
 * timeout is not reached between two writes while the session is in use.
 */
export const touchIntervalMs = (policy: SessionPolicy): number => Math.min(60_000, Math.floor((policy.idleMinutes * 60_000) / 2));
