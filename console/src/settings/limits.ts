/**
 * @module The limits the API puts on each setting, shown next to its field. The API checks them
 * (and its answer is what the page shows); these copies only tell people beforehand.
 * test/unit/console-settings-limits.test.ts fails when they drift from the server's schema.
 */
export const LIMITS = {
  minLength: { min: 8, max: 64 },
  historyCount: { min: 0, max: 24 },
  maxAgeDays: { min: 1, max: 3650 },
  invitationLifetimeDays: { min: 1, max: 90 },
  sessionIdleMinutes: { min: 5, max: 60 * 24 * 30 },
  sessionAbsoluteHours: { min: 1, max: 24 * 365 },
  termsVersion: { min: 1, max: 100 },
  apiKeyName: { min: 1, max: 100 },
} as const;

export type LimitedField = keyof typeof LIMITS;
