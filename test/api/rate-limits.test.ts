/**
 * Rate limits on the authentication endpoints without Redis: the counters live in the database, so
 * every Roster process on one database counts a client address's requests together, as one process
 * would (DESIGN.md §3: N processes on one PostgreSQL behave as one). Shown with real `roster serve`
 * processes on PostgreSQL and on one SQLite file; then the counter itself (windows end, concurrent
 * requests each count once, ended counters do not pile up, addresses are not stored) and a database
 * that can not be reached (503, not 500). What one process enforces (every endpoint, one budget
 * whatever the path spelling) is in brute-force.test.ts. Without PostgreSQL these tests fail rather
 * than skip.
 *
 * Client addresses are told apart with X-Forwarded-For (TRUST_PROXY=true); they are only header values.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { deleteEndedRateLimits, hitRateLimit } from '../../src/db/queries/rate-limits.js';
import { databaseRateLimitStore } from '../../src/http/rate-limit-store.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { startInstance, type Instance } from '../support/instances.js';
import { serve, stopGently, type Serving } from '../support/processes.js';

/** Requests a minute per address in these tests. */
const RATE = 6;
const MINUTE = 60_000;

let addressCounter = 0;
/** A client address no other test uses (TEST-NET-3, only ever a header value). */
const newAddress = (): string => `203.0.113.${++addressCounter}`;

/** A failed sign-in under a login of its own, so that no account lock gets in the way. */
const signIn = (to: Serving, address: string) =>
  to.client.post('/api/v1/session', { login: `nobody-${addressCounter}-${Math.random().toString(36).slice(2)}`, password: 'wrong' }, { 'x-forwarded-for': address });

for (const dialect of DIALECTS) {
  describe(`two roster serve processes on one ${dialect} database, without Redis`, () => {
    let testDb: TestDatabase;
    let database: DatabaseHandle;
    let one: Serving;
    let two: Serving;

    beforeAll(async () => {
      testDb = await createTestDatabase(dialect);
      const env = { DATABASE_URL: testDb.url, TRUST_PROXY: 'true', AUTH_RATE_LIMIT: String(RATE), AUTH_LOCKOUT_ADDRESS_FAILURES: '100000', MAIL_WORKER: 'false' };
      [one, two] = await Promise.all([serve(env), serve(env)]);
      database = openDatabase({ url: testDb.url, poolSize: 2 });
    }, 120_000);
    afterAll(async () => {
      for (const p of [one, two]) if (p) await stopGently(p);
      await database?.close();
      await testDb?.drop();
    });

    /** Sends `count` sign-ins from `address`, alternating between the processes as a load balancer would. */
    async function spread(address: string, count: number): Promise<number[]> {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) statuses.push((await signIn(i % 2 ? two : one, address)).status);
      return statuses;
    }

    it(`requests spread over both processes share one budget: beyond AUTH_RATE_LIMIT (${RATE}) in total, either process answers 429 rate.limited`, async () => {
      const address = newAddress();
      expect(await spread(address, RATE)).toEqual(Array(RATE).fill(401));
      for (const to of [one, two]) {
        const over = await signIn(to, address);
        expect(over.status, to.url).toBe(429);
        expect(over.body.code).toBe('rate.limited');
        const retryAfter = Number(over.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
      // Another address has a budget of its own.
      expect((await signIn(two, newAddress())).status).toBe(401);
    });

    it('the window ends: after it the address is counted from one again, on every process', async () => {
      const address = newAddress();
      expect(await spread(address, RATE)).toEqual(Array(RATE).fill(401));
      expect((await signIn(one, address)).status).toBe(429);
      // End the live windows now instead of waiting a minute (this test's address is the only one over its limit).
      const now = new Date().toISOString();
      await database.db.updateTable('rate_limits').set({ window_ends_at: now }).where('window_ends_at', '>', now).execute();
      expect(await spread(address, RATE)).toEqual(Array(RATE).fill(401));
      expect((await signIn(two, address)).status).toBe(429);
    });

    it('the counters hold no client address: their keys are hashes', async () => {
      const address = newAddress();
      await spread(address, 2);
      const rows = await database.db.selectFrom('rate_limits').select('key').execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const { key } of rows) expect(key).not.toMatch(/203\.0\.113|auth:/);
    });
  });

  describe(`the rate-limit counter in the database (${dialect})`, () => {
    let testDb: TestDatabase;
    let database: DatabaseHandle;
    const t0 = Date.parse('2030-01-01T00:00:00.000Z');
    let keyCounter = 0;
    const key = () => `test:${++keyCounter}`;

    beforeAll(async () => {
      testDb = await createTestDatabase(dialect);
      database = openDatabase({ url: testDb.url, poolSize: 5 });
      await migrateToLatest(database.db);
    });
    afterAll(async () => {
      await database?.close();
      await testDb?.drop();
    });

    const rowCount = async () => Number((await database.db.selectFrom('rate_limits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('counts the requests of a window, then starts a new window at one when it has ended', async () => {
      const k = key();
      expect(await hitRateLimit(database.db, k, MINUTE, t0)).toEqual({ hits: 1, windowEndsMs: t0 + MINUTE });
      expect(await hitRateLimit(database.db, k, MINUTE, t0 + 10)).toEqual({ hits: 2, windowEndsMs: t0 + MINUTE });
      expect(await hitRateLimit(database.db, k, MINUTE, t0 + MINUTE - 1)).toEqual({ hits: 3, windowEndsMs: t0 + MINUTE });
      expect(await hitRateLimit(database.db, k, MINUTE, t0 + MINUTE)).toEqual({ hits: 1, windowEndsMs: t0 + 2 * MINUTE });
      expect(await hitRateLimit(database.db, key(), MINUTE, t0 + MINUTE)).toEqual({ hits: 1, windowEndsMs: t0 + 2 * MINUTE });
    });

    it('counts concurrent requests exactly once each (atomic)', async () => {
      const k = key();
      const hits = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(database.db, k, MINUTE, t0)));
      expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('deleting ended counters keeps every live one', async () => {
      const [ended, live] = [key(), key()];
      await hitRateLimit(database.db, ended, MINUTE, t0);
      await hitRateLimit(database.db, live, MINUTE, t0 + 1);
      await deleteEndedRateLimits(database.db, t0 + MINUTE);
      expect(await hitRateLimit(database.db, ended, MINUTE, t0 + MINUTE)).toEqual({ hits: 1, windowEndsMs: t0 + 2 * MINUTE });
      expect(await hitRateLimit(database.db, live, MINUTE, t0 + MINUTE)).toEqual({ hits: 2, windowEndsMs: t0 + 1 + MINUTE });
    });

    if (dialect === 'postgres') it('on PostgreSQL the counters skip the write-ahead log (an UNLOGGED table): a write does not wait for the disk', async () => {
      const { rows } = await sql<{ persistence: string }>`select relpersistence as persistence from pg_class where relname = 'rate_limits'`.execute(database.db);
      expect(rows).toEqual([{ persistence: 'u' }]);
    });

    it('ended counters do not pile up: the store deletes them as requests come in (every 500 a process counts), never a live one', async () => {
      await database.db.deleteFrom('rate_limits').execute();
      const Store = databaseRateLimitStore(database.db);
      const store = new Store({});
      const incr = (k: string, windowMs: number) => new Promise<{ current: number; ttl: number }>((resolve, reject) => {
        store.incr(k, (error, result) => (error ? reject(error) : resolve(result!)), windowMs, RATE);
      });
      const first = await incr('live', MINUTE);
      expect(first.current).toBe(1);
      expect(first.ttl).toBeGreaterThan(MINUTE - 1000);
      expect(first.ttl).toBeLessThanOrEqual(MINUTE);
      // 498 counters whose 1 ms window ends at once, then the 500th request.
      for (let i = 0; i < 498; i++) await incr(`short:${i}`, 1);
      expect(await rowCount()).toBe(499);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await incr('last', MINUTE);
      expect(await rowCount()).toBe(2);
      expect((await incr('live', MINUTE)).current).toBe(2);
    });
  });
}

/** A TCP relay to PostgreSQL that the test can cut, as a network failure or a stopped server would. */
async function relayTo(target: URL): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => { sockets.delete(s); client.destroy(); upstream.destroy(); });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

describe('the database can not be reached (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let instance: Instance;
  let relay: Awaited<ReturnType<typeof relayTo>>;

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    relay = await relayTo(new URL(testDb.url));
    const url = new URL(testDb.url);
    url.host = `127.0.0.1:${relay.port}`;
    instance = await startInstance(url.toString(), { TRUST_PROXY: 'true', AUTH_RATE_LIMIT: String(RATE) });
  });
  afterAll(async () => {
    await instance?.close();
    await testDb?.drop();
  });

  it('an authentication request is answered 503 database.unavailable with Retry-After, not 500, while the counters can not be reached', async () => {
    const address = newAddress();
    const post = () => fetch(`${instance.url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ login: 'nobody', password: 'wrong' }),
    });
    expect((await post()).status).toBe(401);
    await relay.cut();
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).code).toBe('database.unavailable');
  });
});
