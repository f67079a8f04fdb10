/**
 * Password guessing and user enumeration (OWASP ASVS 6.1.1, 6.3.1, 6.3.4, 6.3.8; NIST SP 800-63B-4
 * rate limiting), on every database and with the counters in Redis: failed sign-ins counted per
 * account and per address, a growing pause, then a lockout that holds on every path and spelling
 * and in every process; the same answers, at the same speed, whether an account exists or not;
 * rate limits on every authentication endpoint that no spelling of a path gets around.
 *
 * Client addresses are told apart with X-Forwarded-For (TRUST_PROXY=true): each test signs in from
 * addresses of its own, so their counters never meet. The addresses are only header values.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createDbThrottleStore, createRedisThrottleStore, throttleKey, type ThrottleStore } from '../../src/services/throttle.js';
import { Client } from '../support/client.js';
import { createTestDatabase, DIALECTS, type TestDialect } from '../support/databases.js';
import { fetchOpenApi, operationsOf } from '../support/openapi.js';
import { PASSWORD, signUp, startRoster, type TestServer } from '../support/server.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Small limits so that a lockout takes a handful of requests; the pause keeps its default shape. */
const LIMITS: Env = { TRUST_PROXY: 'true', AUTH_LOCKOUT_FAILURES: '5', AUTH_LOCKOUT_ADDRESS_FAILURES: '12', AUTH_LOCKOUT_MINUTES: '15', AUTH_RATE_LIMIT: '100000' };
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 12;

let addressCounter = 0;
/** A client address no other test uses (TEST-NET-2, only ever a header value). */
const newAddress = (): string => `198.51.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;

const from = (address: string) => ({ 'x-forwarded-for': address });
/**
 * Whether two median times are alike: within 30% of each other, or within 5 ms (below that, loopback
 * HTTP on a busy machine varies more than any difference an attacker could use).
 */
const alike = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.3 * Math.max(a, b), 5);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A second Roster process on the same database (and Redis, when the env says so). */
async function startPeer(server: TestServer, env: Env): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'silent', ...env });
  const database = openDatabase({ url: config.databaseUrl, poolSize: 3 });
  const { app } = await buildApp({ config, database, mailWorker: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The store suite: every implementation of the counters keeps the same rules, checked with a clock
 * the test moves (windows and locks of minutes, without waiting for them).
 */
function storeSuite(name: string, store: () => ThrottleStore) {
  describe(`the ${name} counter store`, () => {
    const WINDOW = 15 * 60_000;
    const LOCK = 15 * 60_000;
    const key = () => `test:${randomBytes(6).toString('hex')}`;
    const t0 = Date.parse('2030-01-01T00:00:00.000Z');

    it('counts failures and locks the key when they reach the limit, for the lock time', async () => {
      const k = key();
      for (let i = 1; i <= 4; i++) expect(await store().fail(k, 5, WINDOW, LOCK, t0 + i)).toEqual({ failures: i, lockedUntil: null });
      expect(await store().lockedUntil([k], t0 + 10)).toBeNull();
      expect(await store().fail(k, 5, WINDOW, LOCK, t0 + 5)).toEqual({ failures: 5, lockedUntil: t0 + 5 + LOCK });
      expect(await store().lockedUntil([k, key()], t0 + 10)).toBe(t0 + 5 + LOCK);
    });

    it('a lock is not lengthened by failures during it, and ends on time', async () => {
      const k = key();
      for (let i = 1; i <= 5; i++) await store().fail(k, 5, WINDOW, LOCK, t0 + i);
      const during = await store().fail(k, 5, WINDOW, LOCK, t0 + 60_000);
      expect(during).toEqual({ failures: 6, lockedUntil: t0 + 5 + LOCK });
      expect(await store().lockedUntil([k], t0 + 5 + LOCK - 1)).toBe(t0 + 5 + LOCK);
      expect(await store().lockedUntil([k], t0 + 5 + LOCK)).toBeNull();
      // After the lock, counting starts again from one.
      expect(await store().fail(k, 5, WINDOW, LOCK, t0 + 5 + LOCK + 1)).toEqual({ failures: 1, lockedUntil: null });
    });

    it('failures older than the window are forgotten', async () => {
      const k = key();
      for (let i = 1; i <= 4; i++) await store().fail(k, 5, WINDOW, LOCK, t0 + i);
      expect(await store().fail(k, 5, WINDOW, LOCK, t0 + 1 + WINDOW)).toEqual({ failures: 1, lockedUntil: null });
    });

    it('clear forgets failures and lock', async () => {
      const k = key();
      for (let i = 1; i <= 5; i++) await store().fail(k, 5, WINDOW, LOCK, t0 + i);
      await store().clear(k);
      expect(await store().lockedUntil([k], t0 + 10)).toBeNull();
      expect(await store().fail(k, 5, WINDOW, LOCK, t0 + 11)).toEqual({ failures: 1, lockedUntil: null });
    });

    it('counts concurrent failures exactly once each (atomic)', async () => {
      const k = key();
      const counts = await Promise.all(Array.from({ length: 20 }, () => store().fail(k, 50, WINDOW, LOCK, t0)));
      expect(counts.map((c) => c.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('counting an attempt unless locked counts as a failure does while neither the key nor a guard is locked', async () => {
      const [k, guard] = [key(), key()];
      for (let i = 1; i <= 4; i++) expect(await store().failUnlessLocked(k, [guard], 5, WINDOW, LOCK, t0 + i)).toEqual({ refused: false, failures: i, lockedUntil: null });
      expect(await store().failUnlessLocked(k, [guard], 5, WINDOW, LOCK, t0 + 5)).toEqual({ refused: false, failures: 5, lockedUntil: t0 + 5 + LOCK });
    });

    it('an attempt is refused, and counts nothing, while its key is locked; counting starts again from one after the lock', async () => {
      const k = key();
      for (let i = 1; i <= 5; i++) await store().fail(k, 5, WINDOW, LOCK, t0 + i);
      expect(await store().failUnlessLocked(k, [], 5, WINDOW, LOCK, t0 + 60_000)).toEqual({ refused: true, lockedUntil: t0 + 5 + LOCK });
      // Nothing was counted: the next plain failure is the 6th, not the 7th.
      expect(await store().fail(k, 5, WINDOW, LOCK, t0 + 60_001)).toEqual({ failures: 6, lockedUntil: t0 + 5 + LOCK });
      expect(await store().failUnlessLocked(k, [], 5, WINDOW, LOCK, t0 + 5 + LOCK)).toEqual({ refused: false, failures: 1, lockedUntil: null });
    });

    it('an attempt is refused, and counts nothing on its own key, while a guard is locked (a locked address can not count against an account)', async () => {
      const [k, guard] = [key(), key()];
      await store().fail(k, 5, WINDOW, LOCK, t0);
      await store().fail(guard, 1, WINDOW, LOCK, t0);
      expect(await store().failUnlessLocked(k, [guard], 5, WINDOW, LOCK, t0 + 10)).toEqual({ refused: true, lockedUntil: t0 + LOCK });
      expect(await store().failUnlessLocked(key(), [guard], 5, WINDOW, LOCK, t0 + 10)).toEqual({ refused: true, lockedUntil: t0 + LOCK });
      expect(await store().fail(k, 5, WINDOW, LOCK, t0 + 11)).toEqual({ failures: 2, lockedUntil: null });
    });

    it('attempts counted all at once: exactly the limit of them are counted within it, whatever the timing (atomic)', async () => {
      const k = key();
      const answers = await Promise.all(Array.from({ length: 20 }, () => store().failUnlessLocked(k, [], 5, WINDOW, LOCK, t0)));
      const counted = answers.flatMap((a) => (a.refused ? [] : [a]));
      // Every count is its own: 1, 2, 3, … however many got in before the lock was seen.
      expect(counted.map((c) => c.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: counted.length }, (_, i) => i + 1));
      expect(counted.filter((c) => c.failures <= 5).length).toBe(5);
      expect(answers.filter((a) => a.refused || a.lockedUntil !== null).every((a) => a.lockedUntil === t0 + LOCK)).toBe(true);
    });

    it('a limit of 0 never locks', async () => {
      const k = key();
      for (let i = 1; i <= 3; i++) expect((await store().fail(k, 0, WINDOW, LOCK, t0 + i)).lockedUntil).toBeNull();
    });
  });
}

function bruteForceSuite(label: string, dialect: TestDialect, redisEnv: () => Env) {
  describe(`brute force on ${label}`, () => {
    let server: TestServer;
    let limited: TestServer;
    const env = () => ({ ...LIMITS, ...redisEnv() });

    beforeAll(async () => {
      server = await startRoster(dialect, env());
      // A second server whose only limit that matters is the rate limit: 5 requests a minute.
      limited = await startRoster(dialect, { ...env(), AUTH_RATE_LIMIT: '5', AUTH_LOCKOUT_FAILURES: '1000', AUTH_LOCKOUT_ADDRESS_FAILURES: '1000' });
    });
    afterAll(async () => {
      await server?.close();
      await limited?.close();
    });

    const signIn = (login: string, password: string, address: string, path = '/api/v1/session', target = server) =>
      target.client().post(path, { login, password }, from(address));

    async function newUser(prefix: string) {
      const name = `${prefix}${randomBytes(3).toString('hex')}`;
      await signUp(server, name);
      return { username: name, email: `${name}@example.com` };
    }

    async function lockOut(login: string, address: string) {
      for (let i = 1; i <= ACCOUNT_LIMIT; i++) {
        const res = await signIn(login, `wrong password ${i}`, address);
        expect(res.status, `failure ${i}`).toBe(401);
      }
    }

    it(`locks an account after ${ACCOUNT_LIMIT} failed sign-ins: 429 auth.locked with Retry-After, even for the right password`, async () => {
      const user = await newUser('lock');
      await lockOut(user.username, newAddress());
      const locked = await signIn(user.username, PASSWORD, newAddress());
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'auth.locked', status: 429 });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(locked.body.retryAfter).toBe(retryAfter);
    });

    it('a locked unknown login answers exactly as a locked real account (no enumeration through lockout)', async () => {
      const user = await newUser('real');
      const ghost = `ghost${randomBytes(3).toString('hex')}`;
      await lockOut(user.username, newAddress());
      await lockOut(ghost, newAddress());
      const real = await signIn(user.username, 'whatever it is', newAddress());
      const unknown = await signIn(ghost, 'whatever it is', newAddress());
      expect(unknown.status).toBe(real.status);
      const { detail: d1, retryAfter: r1, ...rest1 } = real.body;
      const { detail: d2, retryAfter: r2, ...rest2 } = unknown.body;
      expect(rest2).toEqual(rest1);
      expect(Math.abs(r1 - r2)).toBeLessThanOrEqual(2);
      expect(d2.replace(/\d+/g, 'N')).toBe(d1.replace(/\d+/g, 'N'));
    });

    it('answers failures after a growing pause: the 4th waits 250 ms at least, the 5th 500 ms (schedule: unit/security-rules.test.ts)', async () => {
      const user = await newUser('pause');
      const address = newAddress();
      const times: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const started = performance.now();
        expect((await signIn(user.username, `wrong ${i}`, address)).status).toBe(401);
        times.push(performance.now() - started);
      }
      // Lower bounds only: a busy machine makes every answer slower, never a pause shorter.
      expect(times[3]!).toBeGreaterThanOrEqual(250);
      expect(times[4]!).toBeGreaterThanOrEqual(500);
    });

    it('the password is checked exactly as typed: another case or extra spaces do not sign in', async () => {
      const user = await newUser('exact');
      for (const typed of [PASSWORD.toUpperCase(), ` ${PASSWORD}`, `${PASSWORD} `, PASSWORD.slice(0, -1)]) {
        expect((await signIn(user.username, typed, newAddress())).status, JSON.stringify(typed)).toBe(401);
      }
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(200);
    });

    it('a successful sign-in forgets the account\'s failures', async () => {
      const user = await newUser('forget');
      const address = newAddress();
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect((await signIn(user.username, 'wrong', address)).status).toBe(401);
      expect((await signIn(user.username, PASSWORD, address)).status).toBe(200);
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect((await signIn(user.username, 'wrong', newAddress())).status).toBe(401);
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(200);
    });

    it('lockout holds whatever the spelling: username, email, letter case, //path, trailing slash, query string', async () => {
      const user = await newUser('Spell');
      const attempts: Array<[string, string]> = [
        [user.username.toUpperCase(), '/api/v1/session'],
        [user.email, '//api/v1/session'],
        [user.email.toUpperCase(), '/api/v1/session/'],
        [` ${user.username.toLowerCase()} `, '/api/v1/session'],
        [user.username, '/api//v1/session'],
      ];
      // A query string can not carry a sign-in elsewhere: the route refuses it (request.unknown_field).
      const queried = await signIn(user.username, PASSWORD, newAddress(), '/api/v1/session?login=other');
      expect(queried.status).toBe(400);
      expect(queried.body.code).toBe('request.unknown_field');
      expect(queried.headers.getSetCookie()).toEqual([]);
      for (const [login, path] of attempts) {
        const res = await signIn(login, 'not the password', newAddress(), path);
        expect(res.status, `${login} at ${path}`).toBe(401);
      }
      for (const [login, path] of [...attempts, [user.email, '/api/v1/session']] as Array<[string, string]>) {
        const res = await signIn(login, PASSWORD, newAddress(), path);
        expect(res.status, `${login} at ${path}`).toBe(429);
        expect(res.body.code).toBe('auth.locked');
      }
      // Spellings the router does not know reach no sign-in at all, so they sign nobody in.
      for (const path of ['/API/v1/session', '/api/v1%2Fsession', '/api/v1/Session', '/api/v1/session%2F']) {
        const res = await signIn(user.username, PASSWORD, newAddress(), path);
        expect(res.status, path).toBe(404);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    });

    it('guessing the current password on PUT /me/password counts toward the same lockout as sign-in', async () => {
      const user = await newUser('change');
      const client = server.client();
      expect((await client.post('/api/v1/session', { login: user.username, password: PASSWORD }, from(newAddress()))).status).toBe(200);
      for (let i = 0; i < ACCOUNT_LIMIT; i++) {
        const res = await client.request('PUT', '/api/v1/me/password', { currentPassword: `guess ${i}`, newPassword: 'a brand new passphrase 93' }, from(newAddress()));
        expect(res.status, `guess ${i}`).toBe(400);
        expect(res.body.code).toBe('user.current_password_invalid');
      }
      const locked = await client.request('PUT', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase 93' }, from(newAddress()));
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('auth.locked');
      expect((await signIn(user.email, PASSWORD, newAddress())).status).toBe(429);
    });

    it('guesses sent all at once can not pass the limit', async () => {
      const user = await newUser('burst');
      const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => signIn(user.username, `guess ${i}`, newAddress())));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
      expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(429);
    });

    it(`locks an address after ${ADDRESS_LIMIT} failures over many accounts (password spraying), and only that address`, async () => {
      const user = await newUser('spray');
      const address = newAddress();
      for (let i = 0; i < ADDRESS_LIMIT; i++) {
        expect((await signIn(`sprayed${i}-${randomBytes(2).toString('hex')}`, 'Summer2025!', address)).status).toBe(401);
      }
      const fromThere = await signIn(user.username, PASSWORD, address);
      expect(fromThere.status).toBe(429);
      expect(fromThere.body.code).toBe('auth.locked');
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(200);
    });

    it('attempts refused at a locked address count nothing against the account they name', async () => {
      const user = await newUser('victim');
      const address = newAddress();
      for (let i = 0; i < ADDRESS_LIMIT; i++) {
        expect((await signIn(`sprayer${i}-${randomBytes(2).toString('hex')}`, 'guess', address)).status).toBe(401);
      }
      for (let i = 0; i < ACCOUNT_LIMIT + 2; i++) expect((await signIn(user.username, `guess ${i}`, address)).status).toBe(429);
      // Elsewhere the account has no failures at all: 4 more do not lock it, and its password works.
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect((await signIn(user.username, `wrong ${i}`, newAddress())).status).toBe(401);
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(200);
    });

    it('a success does not clear the address\'s failures (one known account can not launder them)', async () => {
      const user = await newUser('launder');
      const address = newAddress();
      for (let i = 0; i < ADDRESS_LIMIT - 1; i++) {
        expect((await signIn(`nobody${i}-${randomBytes(2).toString('hex')}`, 'guess', address)).status).toBe(401);
        if (i % 3 === 0) expect((await signIn(user.username, PASSWORD, address)).status).toBe(200);
      }
      expect((await signIn(`nobody-last-${randomBytes(2).toString('hex')}`, 'guess', address)).status).toBe(401);
      expect((await signIn(user.username, PASSWORD, address)).status).toBe(429);
    });

    it('an account locked from one address is locked from every address', async () => {
      const user = await newUser('everywhere');
      await lockOut(user.email, newAddress());
      for (let i = 0; i < 3; i++) expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(429);
    });

    it('the lock ends after AUTH_LOCKOUT_MINUTES', async () => {
      const user = await newUser('ends');
      await lockOut(user.username, newAddress());
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(429);
      // Move the lock's end into the past instead of waiting 15 minutes.
      const key = throttleKey('account', user.username.toLowerCase());
      const { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix } = redisEnv();
      if (redisUrl) {
        const client = new Redis(redisUrl);
        try {
          await client.hset(`${prefix}throttle:${key}`, 'l', Date.now() - 1000);
        } finally {
          client.disconnect();
        }
      } else {
        await server.database.db.updateTable('auth_throttle').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('key', '=', key).execute();
      }
      expect((await signIn(user.username, PASSWORD, newAddress())).status).toBe(200);
    });

    it('failed API keys lock the address they come from against further guesses; valid keys and other addresses keep working', async () => {
      const owner = await signUp(server, `keys${randomBytes(3).toString('hex')}`);
      const created = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/api-keys`, { name: 'sync', permissions: ['members.read'] });
      expect(created.status).toBe(201);
      const key: string = created.body.key;
      const members = `/api/v1/organizations/${owner.organization.id}/members`;
      const withKey = (token: string, address: string) => server.client().get(members, { authorization: `Bearer ${token}`, ...from(address) });
      const address = newAddress();
      expect((await withKey(key, address)).status).toBe(200);
      const forged = `${key.slice(0, 17)}${'A'.repeat(43)}`;
      for (let i = 0; i < ADDRESS_LIMIT; i++) {
        const res = await withKey(i % 2 ? forged : `rst_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`, address);
        expect(res.status, `failure ${i + 1}`).toBe(401);
        expect(res.body.code).toBe('auth.invalid_api_key');
      }
      const locked = await withKey(forged, address);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('auth.locked');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      const guess = await withKey(`rst_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`, address);
      expect(guess.status).toBe(429);
      // A valid key is not a guess: the program sharing the address (NAT) keeps working.
      expect((await withKey(key, address)).status).toBe(200);
      expect((await withKey(key, newAddress())).status).toBe(200);
    });

    it('a wrong password and an unknown login get identical answers, within 30% of each other\'s time (medians)', async () => {
      const rounds = 20;
      const users = [];
      for (let i = 0; i < rounds; i++) users.push(await newUser('timing'));
      const known: number[] = [];
      const unknown: number[] = [];
      let knownBody: unknown;
      let unknownBody: unknown;
      for (let i = 0; i < rounds; i++) {
        for (const kind of i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) {
          const login = kind === 'known' ? users[i]!.username : `absent${i}-${randomBytes(3).toString('hex')}`;
          const started = performance.now();
          const res = await signIn(login, 'a wrong but plausible password', newAddress());
          const took = performance.now() - started;
          expect(res.status).toBe(401);
          if (kind === 'known') { known.push(took); knownBody = res.body; } else { unknown.push(took); unknownBody = res.body; }
        }
      }
      expect(unknownBody).toEqual(knownBody);
      // The first rounds warm up code paths either way.
      const [k, u] = [median(known.slice(2)), median(unknown.slice(2))];
      expect(alike(k, u), `medians: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBe(true);
    });

    it('sign-up with a taken email says so (documented trade-off) but only after the same work as a new one: medians within 30%', async () => {
      const taken = await newUser('taken');
      const fresh: number[] = [];
      const dup: number[] = [];
      const rounds = 10;
      for (let i = 0; i < rounds; i++) {
        const name = `su${randomBytes(4).toString('hex')}`;
        const base = { password: PASSWORD, firstName: 'Sign', lastName: 'Up', organizationName: 'Timing' };
        for (const kind of i % 2 ? ['new', 'taken'] : ['taken', 'new']) {
          const started = performance.now();
          const res = await server.client().post('/api/v1/signup', { ...base, username: `${name}${kind[0]}`, email: kind === 'new' ? `${name}@example.com` : taken.email }, from(newAddress()));
          const took = performance.now() - started;
          if (kind === 'new') { expect(res.status).toBe(201); fresh.push(took); } else { expect(res.status).toBe(409); expect(res.body.code).toBe('user.email_taken'); dup.push(took); }
        }
      }
      const [n, t] = [median(fresh.slice(2)), median(dup.slice(2))];
      expect(alike(n, t), `medians: new ${n.toFixed(1)} ms, taken ${t.toFixed(1)} ms`).toBe(true);
    });

    it('sign-up checks the password before the email, so a weak password never tells whether the email is taken', async () => {
      const taken = await newUser('weak');
      const weak = { username: `w${randomBytes(4).toString('hex')}`, password: 'short', firstName: 'W', lastName: 'K', organizationName: 'x' };
      const a = await server.client().post('/api/v1/signup', { ...weak, email: taken.email }, from(newAddress()));
      const b = await server.client().post('/api/v1/signup', { ...weak, email: `new-${randomBytes(4).toString('hex')}@example.com` }, from(newAddress()));
      expect(a.status).toBe(400);
      expect(a.body).toEqual(b.body);
    });

    it('a password reset request answers the same for an unknown login, in about the same time (medians within 30%)', async () => {
      const rounds = 12;
      const users = [];
      for (let i = 0; i < rounds; i++) users.push(await newUser('reset'));
      const known: number[] = [];
      const unknown: number[] = [];
      const bodies = new Set<string>();
      for (let i = 0; i < rounds; i++) {
        for (const kind of i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) {
          const login = kind === 'known' ? users[i]!.email : `absent-${randomBytes(4).toString('hex')}@example.com`;
          const started = performance.now();
          const res = await server.client().post('/api/v1/password-resets', { login }, from(newAddress()));
          const took = performance.now() - started;
          expect(res.status).toBe(202);
          bodies.add(JSON.stringify(res.body));
          (kind === 'known' ? known : unknown).push(took);
        }
      }
      expect(bodies.size).toBe(1);
      const [k, u] = [median(known.slice(2)), median(unknown.slice(2))];
      expect(alike(k, u), `medians: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBe(true);
    });

    it('a password reset link still works for a locked account, and does not count as a sign-in failure', async () => {
      const user = await newUser('recover');
      await lockOut(user.username, newAddress());
      expect((await server.client().post('/api/v1/password-resets', { login: user.email }, from(newAddress()))).status).toBe(202);
      const failuresBefore = await countedFailures(server);
      const bogus = await server.client().post(`/api/v1/password-resets/${randomBytes(32).toString('base64url')}`, { newPassword: 'another long passphrase 77' }, from(newAddress()));
      expect(bogus.status).toBe(404);
      expect(await countedFailures(server)).toBe(failuresBefore);
    });

    it('counters are shared by every Roster process on the same storage', async () => {
      const peer = await startPeer(server, env());
      try {
        const user = await newUser('shared');
        await lockOut(user.username, newAddress());
        const there = await new Client(peer.url).post('/api/v1/session', { login: user.email, password: PASSWORD }, from(newAddress()));
        expect(there.status).toBe(429);
        expect(there.body.code).toBe('auth.locked');
      } finally {
        await peer.close();
      }
    });

    describe('rate limits', () => {
      const RATE = 5;
      const auth = (path: string, address: string, method = 'POST', body: unknown = {}) =>
        limited.client().request(method, path, method === 'GET' || method === 'HEAD' ? undefined : body, from(address));

      it(`every authentication endpoint in the route list is limited to AUTH_RATE_LIMIT requests a minute per address (${RATE} here), with Retry-After`, async () => {
        const operations = operationsOf(await fetchOpenApi(limited.client()));
        const endpoints = operations.filter((op) => /^\/api\/v1\/(session|signup|password-resets|invitations\/\{token\})/.test(op.path) && op.id !== 'DELETE /api/v1/session');
        const ids = endpoints.map((op) => op.id);
        for (const must of ['POST /api/v1/session', 'POST /api/v1/signup', 'POST /api/v1/password-resets', 'POST /api/v1/password-resets/{token}', 'POST /api/v1/invitations/{token}/accept', 'GET /api/v1/invitations/{token}']) {
          expect(ids).toContain(must);
        }
        for (const op of endpoints) {
          if (op.id === 'PUT /api/v1/session/organization') continue;
          const address = newAddress();
          const path = op.path.replace('{token}', randomBytes(32).toString('base64url'));
          for (let i = 1; i <= RATE; i++) expect((await auth(path, address, op.method)).status, `${op.id} request ${i}`).not.toBe(429);
          const over = await auth(path, address, op.method);
          expect(over.status, op.id).toBe(429);
          expect(over.body.code).toBe('rate.limited');
          expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      });

      it('one budget per address over all authentication endpoints: //path, trailing slash, query strings and other endpoints share it', async () => {
        const address = newAddress();
        const spellings = ['/api/v1/session', '//api/v1/session', '/api/v1/session/', '/api/v1/session?x=1', '/api//v1/session'];
        // A query string is refused outright (request.unknown_field), and still spends the budget.
        for (const path of spellings) expect((await auth(path, address, 'POST', { login: 'x', password: 'y' })).status, path).toBe(path.includes('?') ? 400 : 401);
        for (const path of [...spellings, '/api/v1/signup', '//api/v1/password-resets', '/api/v1/password-resets/', `/api/v1/invitations/${randomBytes(32).toString('base64url')}/accept`]) {
          const res = await auth(path, address, 'POST', { login: 'x', password: 'y' });
          expect(res.status, path).toBe(429);
          expect(res.body.code).toBe('rate.limited');
        }
        // HEAD reads the invitation preview as GET does: limited too.
        expect((await auth(`/api/v1/invitations/${randomBytes(32).toString('base64url')}`, address, 'HEAD')).status).toBe(429);
        // Other addresses and other routes are not affected.
        expect((await auth('/api/v1/session', newAddress(), 'POST', { login: 'x', password: 'y' })).status).toBe(401);
        expect((await limited.client().get('/healthz', from(address))).status).toBe(200);
      });

      it('signing out and the rest of the API are not rate limited', async () => {
        const address = newAddress();
        const name = `rl${randomBytes(3).toString('hex')}`;
        const owner = limited.client();
        const signedUp = await owner.post('/api/v1/signup', { username: name, email: `${name}@example.com`, password: PASSWORD, firstName: 'R', lastName: 'L', organizationName: 'RL' }, from(address));
        expect(signedUp.status).toBe(201);
        for (let i = 0; i < RATE + 3; i++) expect((await owner.get('/api/v1/me', from(address))).status).toBe(200);
        expect((await owner.request('DELETE', '/api/v1/session', undefined, from(address))).status).toBe(204);
      });
    });
  });
}

async function countedFailures(server: TestServer): Promise<number> {
  const rows = await server.database.db.selectFrom('auth_throttle').select('failures').execute();
  return rows.reduce((sum, r) => sum + Number(r.failures), 0);
}

for (const dialect of DIALECTS) {
  describe(`on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => { server = await startRoster(dialect); });
    afterAll(async () => { await server?.close(); });
    it('a new instance has no account at all: admin, root, sa and the like can not sign in (ASVS 6.3.2)', async () => {
      expect(await server.database.db.selectFrom('users').selectAll().execute()).toEqual([]);
      for (const login of ['admin', 'root', 'sa', 'administrator', 'roster', 'admin@localhost']) {
        for (const password of ['admin', 'password', 'roster', 'changeme', '']) {
          const res = await server.client().post('/api/v1/session', { login, password: password || 'x' }, from(newAddress()));
          expect(res.status, `${login} / ${password}`).toBe(401);
        }
      }
    });

    storeSuite(`database (${dialect})`, () => createDbThrottleStore(server.database.db));
  });
  bruteForceSuite(dialect, dialect, () => ({}));
}

/**
 * With REDIS_URL the counters live in Redis (127.0.0.1:6379 here): these tests fail, and do not
 * skip, when Redis is not running.
 */
describe('with Redis (REDIS_URL)', () => {
  const prefix = `roster-test-${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterAll(async () => {
    if (!redis) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  storeSuite('Redis', () => createRedisThrottleStore(redis, prefix));

  for (const dialect of DIALECTS) bruteForceSuite(`${dialect} with Redis`, dialect, () => ({ REDIS_URL, REDIS_KEY_PREFIX: `${prefix}${dialect}:` }));

  it('keeps the counters in Redis, not in the database, and rate limits there too', async () => {
    const server = await startRoster(DIALECTS[0]!, { ...LIMITS, REDIS_URL, REDIS_KEY_PREFIX: `${prefix}own:`, AUTH_RATE_LIMIT: '50' });
    try {
      const res = await server.client().post('/api/v1/session', { login: 'someone', password: 'wrong' }, from(newAddress()));
      expect(res.status).toBe(401);
      expect(await server.database.db.selectFrom('auth_throttle').selectAll().execute()).toEqual([]);
      expect(await server.database.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
      expect((await redis.keys(`${prefix}own:throttle:*`)).length).toBeGreaterThanOrEqual(2);
      expect((await redis.keys(`${prefix}own:rate:*`)).length).toBeGreaterThanOrEqual(1);
    } finally {
      await server.close();
    }
  });

  it('Roster refuses to start when REDIS_URL can not be reached', async () => {
    const testDb = await createTestDatabase('sqlite');
    const database = openDatabase({ url: testDb.url });
    try {
      await migrateToLatest(database.db);
      await expect(buildApp({ config: loadConfig({ DATABASE_URL: testDb.url, REDIS_URL: 'redis://127.0.0.1:1' }), database, mailWorker: false })).rejects.toThrow(/Redis/);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
