/**
 * The pure rules behind brute-force and browser defences: the pause schedule, the redirect check,
 * the cross-origin check, which routes count as authentication endpoints, answer pacing, and the
 * documented defaults of the settings.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { safeRedirectTarget } from '../../src/domain/redirect.js';
import { clientNetwork, DEFAULT_THROTTLE, delayAfterFailures, retryAfterSeconds } from '../../src/domain/throttle.js';
import { crossOriginProblem } from '../../src/http/cross-origin.js';
import { createPacer } from '../../src/http/even-timing.js';
import { isAuthRoute } from '../../src/http/rate-limit.js';

describe('the pause before answering a failed sign-in', () => {
  it('is none for the first 3 failures, then 250 ms doubling up to 2 s', () => {
    expect(Array.from({ length: 9 }, (_, i) => delayAfterFailures(i + 1, DEFAULT_THROTTLE))).toEqual([0, 0, 0, 250, 500, 1000, 2000, 2000, 2000]);
  });

  it('never exceeds AUTH_DELAY_MAX_MS, and 0 turns pauses off', () => {
    expect(delayAfterFailures(50, { freeFailures: 3, maxDelayMs: 700 })).toBe(700);
    expect(delayAfterFailures(1000, { freeFailures: 3, maxDelayMs: 2000 })).toBe(2000);
    expect(delayAfterFailures(9, { freeFailures: 3, maxDelayMs: 0 })).toBe(0);
  });

  it('Retry-After is whole seconds, at least one', () => {
    expect(retryAfterSeconds(10_500, 10_000)).toBe(1);
    expect(retryAfterSeconds(10_000 + 900_000, 10_000)).toBe(900);
    expect(retryAfterSeconds(9_000, 10_000)).toBe(1);
  });
});

describe('the client network counted', () => {
  it('is an IPv4 address itself, and an IPv6 address its /64', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:DB8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe(clientNetwork('2001:db8:1:2:bbbb::2'));
  });
});

describe('safeRedirectTarget', () => {
  const allowed = ['https://roster.example.com', 'https://app.example.com'];

  it('keeps paths on Roster and URLs on allowed origins', () => {
    expect(safeRedirectTarget('/members?status=active#top', allowed)).toBe('/members?status=active#top');
    expect(safeRedirectTarget('/a/../b', allowed)).toBe('/b');
    expect(safeRedirectTarget('/%2F%2Fevil.example', allowed)).toBe('/%2F%2Fevil.example');
    expect(safeRedirectTarget('https://app.example.com/welcome', allowed)).toBe('https://app.example.com/welcome');
    expect(safeRedirectTarget('HTTPS://APP.EXAMPLE.COM:443/x', allowed)).toBe('https://app.example.com/x');
  });

  it.each([
    '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example', '\\/evil.example', '/\t/evil.example', '/\n/evil.example', '/\r/evil.example',
    'https:evil.example', 'https:/evil.example', 'https:\\\\evil.example', 'javascript:alert(1)', ' javascript:alert(1)', 'jAvAsCrIpT:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', 'mailto:a@evil.example', 'evil.example', 'https://evil.example',
    'https://app.example.com.evil.example', 'https://app.example.com@evil.example', 'https://user:pw@app.example.com/',
    'http://app.example.com/', 'https://app.example.com:8443/', ' /ok', '/ok ', '', `/${'x'.repeat(3000)}`,
  ])('refuses %j', (target) => {
    expect(safeRedirectTarget(target, allowed)).toBeNull();
  });

  it('refuses everything when no origin is allowed', () => {
    expect(safeRedirectTarget('/x', [])).toBeNull();
  });
});

describe('the cross-origin check', () => {
  const allowed = ['https://roster.example.com'];
  const req = (method: string, headers: Record<string, string>) => ({ method, headers });

  it('lets reads through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(crossOriginProblem(req(method, { origin: 'https://evil.example' }), allowed)).toBeNull();
  });

  it('refuses writes from other origins or sites, and lets the own origin, programs and API keys through', () => {
    expect(crossOriginProblem(req('POST', { origin: 'https://evil.example' }), allowed)).not.toBeNull();
    expect(crossOriginProblem(req('DELETE', { 'sec-fetch-site': 'cross-site' }), allowed)).not.toBeNull();
    expect(crossOriginProblem(req('PUT', { 'sec-fetch-site': 'same-site' }), allowed)).not.toBeNull();
    expect(crossOriginProblem(req('PATCH', { origin: 'null' }), allowed)).not.toBeNull();
    expect(crossOriginProblem(req('POST', { origin: 'https://roster.example.com' }), allowed)).toBeNull();
    expect(crossOriginProblem(req('POST', { 'sec-fetch-site': 'same-origin' }), allowed)).toBeNull();
    expect(crossOriginProblem(req('POST', {}), allowed)).toBeNull();
    expect(crossOriginProblem(req('POST', { origin: 'https://evil.example', authorization: 'Bearer rst_x' }), allowed)).toBeNull();
    // A session cookie is not an API key, whatever header it arrives beside.
    expect(crossOriginProblem(req('POST', { origin: 'https://evil.example', authorization: 'Basic eDp5' }), allowed)).not.toBeNull();
  });
});

describe('authentication endpoints (rate limited)', () => {
  it.each([
    ['POST', '/api/v1/session'], ['POST', '/api/v1/signup'], ['POST', '/api/v1/password-resets'], ['POST', '/api/v1/password-resets/:token'],
    ['POST', '/api/v1/invitations/:token/accept'], ['GET', '/api/v1/invitations/:token'], ['HEAD', '/api/v1/invitations/:token'],
  ])('%s %s is one', (method, url) => {
    expect(isAuthRoute(method, url)).toBe(true);
  });

  it.each([
    ['DELETE', '/api/v1/session'], ['PUT', '/api/v1/session/organization'], ['GET', '/api/v1/me'], ['POST', '/api/v1/organizations/:organizationId/invitations'],
    ['GET', '/healthz'],
  ])('%s %s is not', (method, url) => {
    expect(isAuthRoute(method, url)).toBe(false);
  });
});

describe('answer pacing', () => {
  it('holds a fast answer until about the 90th percentile of recent working times, and a slow one not at all', () => {
    const pacer = createPacer(10, 0.9);
    for (let i = 0; i < 5; i++) {
      pacer.waitFor(100);
      pacer.waitFor(20);
    }
    expect(pacer.waitFor(20)).toBe(80);
    expect(pacer.waitFor(100)).toBe(0);
    expect(pacer.waitFor(150)).toBe(0);
  });

  it('never holds an answer longer than 2 s', () => {
    const pacer = createPacer(4, 0.9);
    for (let i = 0; i < 4; i++) pacer.waitFor(60_000);
    expect(pacer.waitFor(1)).toBe(2000);
  });
});

describe('the documented defaults', () => {
  it('lockout after 10 failures per account and 100 per address in 15 minutes, pauses up to 2 s, 30 requests a minute', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      authLockoutFailures: 10, authLockoutAddressFailures: 100, authLockoutMinutes: 15, authDelayMaxMs: 2000, authRateLimit: 30,
      trustProxy: false, redisKeyPrefix: 'roster:', secureCookies: false,
    });
    expect(config.allowedOrigins).toEqual(['http://127.0.0.1:3000']);
  });

  it('MAIL_POLL_MS below 1 and MAIL_LEASE_MS below 1000 are refused at start, naming the variable (a lease of 0 would send one email twice)', () => {
    expect(() => loadConfig({ MAIL_POLL_MS: '0' })).toThrow('MAIL_POLL_MS must be a whole number of at least 1, got "0"');
    expect(() => loadConfig({ MAIL_LEASE_MS: '0' })).toThrow('MAIL_LEASE_MS must be a whole number of at least 1000, got "0"');
    expect(() => loadConfig({ MAIL_LEASE_MS: '999' })).toThrow(/MAIL_LEASE_MS/);
    expect(loadConfig({ MAIL_POLL_MS: '1', MAIL_LEASE_MS: '1000' })).toMatchObject({ mailPollMs: 1, mailLeaseMs: 1000 });
  });

  it('SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS below 1 are refused at start, naming the variable (0 would end every session at once)', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow('SESSION_IDLE_MINUTES must be a whole number of at least 1, got "0"');
    expect(() => loadConfig({ SESSION_ABSOLUTE_HOURS: '0' })).toThrow('SESSION_ABSOLUTE_HOURS must be a whole number of at least 1, got "0"');
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '-5' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(loadConfig({ SESSION_IDLE_MINUTES: '1', SESSION_ABSOLUTE_HOURS: '1' })).toMatchObject({ sessionIdleMinutes: 1, sessionAbsoluteHours: 1 });
    // Where 0 means something it stays allowed: AUTH_RATE_LIMIT=0 and AUTH_LOCKOUT_FAILURES=0 turn those limits off.
    expect(loadConfig({ AUTH_RATE_LIMIT: '0', AUTH_LOCKOUT_FAILURES: '0', AUTH_DELAY_MAX_MS: '0' })).toMatchObject({ authRateLimit: 0, authLockoutFailures: 0, authDelayMaxMs: 0 });
  });

  it('ALLOWED_ORIGINS adds origins after PUBLIC_URL\'s, and refuses what is not an http(s) origin', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://roster.example.com/', ALLOWED_ORIGINS: 'https://app.example.com/path, http://localhost:5173' });
    expect(config.allowedOrigins).toEqual(['https://roster.example.com', 'https://app.example.com', 'http://localhost:5173']);
    expect(config.secureCookies).toBe(true);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'app.example.com' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://files.example.com' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
