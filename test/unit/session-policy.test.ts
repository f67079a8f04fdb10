/**
 * Session timeouts as pure rules: how the instance's and the organizations' settings combine, and
 * when a session has outlived them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteExpiry, hasExpired, strictestPolicy, touchIntervalMs } from '../../src/domain/session-policy.js';

const INSTANCE = { idleMinutes: 480, absoluteHours: 168 };
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('session policy', () => {
  it('takes the strictest of the instance\'s timeouts and every organization\'s, each timeout on its own', () => {
    expect(strictestPolicy(INSTANCE, [])).toEqual(INSTANCE);
    expect(strictestPolicy(INSTANCE, [{ sessionIdleMinutes: null, sessionAbsoluteHours: null }])).toEqual(INSTANCE);
    expect(strictestPolicy(INSTANCE, [
      { sessionIdleMinutes: 30, sessionAbsoluteHours: null },
      { sessionIdleMinutes: 60, sessionAbsoluteHours: 8 },
    ])).toEqual({ idleMinutes: 30, absoluteHours: 8 });
  });

  it('an organization can only tighten the instance\'s timeouts, never loosen them', () => {
    expect(strictestPolicy({ idleMinutes: 15, absoluteHours: 4 }, [{ sessionIdleMinutes: 600, sessionAbsoluteHours: 100 }])).toEqual({ idleMinutes: 15, absoluteHours: 4 });
  });

  it('a session ends when idle for the idle timeout, or at its absolute age however active', () => {
    const policy = { idleMinutes: 10, absoluteHours: 2 };
    const t0 = Date.UTC(2030, 0, 1);
    const fresh = { createdAt: t0, lastSeenAt: t0 };
    expect(hasExpired(fresh, policy, t0 + 10 * MIN - 1)).toBe(false);
    expect(hasExpired(fresh, policy, t0 + 10 * MIN)).toBe(true);
    const busy = { createdAt: t0, lastSeenAt: t0 + 2 * HOUR - MIN };
    expect(hasExpired(busy, policy, t0 + 2 * HOUR - 1)).toBe(false);
    expect(hasExpired(busy, policy, t0 + 2 * HOUR)).toBe(true);
    expect(absoluteExpiry(busy, policy)).toBe(t0 + 2 * HOUR);
  });

  it('activity is written more often than any idle timeout can be reached while the session is in use (property)', () => {
    // Organizations' idle timeouts are at least 5 minutes (the settings schema); the instance's any whole number of minutes.
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 * 24 * 30 }), fc.option(fc.integer({ min: 5, max: 60 * 24 * 30 })), (instanceIdle, orgIdle) => {
      const instance = { idleMinutes: instanceIdle, absoluteHours: 24 };
      const effective = strictestPolicy(instance, [{ sessionIdleMinutes: orgIdle, sessionAbsoluteHours: null }]);
      expect(touchIntervalMs(instance)).toBeLessThan(effective.idleMinutes * MIN);
      expect(touchIntervalMs(instance)).toBeLessThanOrEqual(MIN);
    }));
  });
});
