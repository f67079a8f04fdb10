/**
 * @module Two `roster serve` processes on one fresh database of the load tests' own PostgreSQL
 * server, with Redis for the shared counters, as a scaled-out deployment runs them, and the helpers
 * to set an organization up through them.
 */
import { randomBytes } from 'node:crypto';
import { Client } from '../../support/client.js';
import { serve, type Serving } from '../../support/processes.js';
import { PASSWORD } from '../../support/server.js';
import type { PostgresCluster } from './postgres-cluster.js';

export { PASSWORD };

/** The environment every process of one test shares. Clients all come from 127.0.0.1: the per-address limits are lifted. */
export function sharedEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `roster-load-${randomBytes(4).toString('hex')}:`,
    AUTH_RATE_LIMIT: '1000000',
    AUTH_LOCKOUT_ADDRESS_FAILURES: '1000000',
    AUTH_LOCKOUT_FAILURES: '1000000',
    ...extra,
  };
}

/** Starts `count` processes at once: their migrations run concurrently on the fresh database, as at a rolling start. */
export async function startProcesses(cluster: PostgresCluster, name: string, count: number, extra: Record<string, string> = {}) {
  const databaseUrl = await cluster.createDatabase(name);
  const env = sharedEnv(databaseUrl, extra);
  const processes: Serving[] = await Promise.all(Array.from({ length: count }, () => serve(env)));
  return { databaseUrl, env, processes };
}

export interface Organization {
  id: string;
  path: string;
  owner: Client;
  ownerId: string;
}

export async function signUpOwner(client: Client, name: string): Promise<Organization> {
  const res = await client.post('/api/v1/signup', {
    username: `${name}-owner`, email: `${name}-owner@example.com`, password: PASSWORD, firstName: 'Load', lastName: 'Owner', organizationName: `Load ${name}`,
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.organization.id, path: `/api/v1/organizations/${res.body.organization.id}`, owner: client, ownerId: res.body.user.id };
}

export async function addMember(org: Organization, username: string, role: string): Promise<string> {
  const res = await org.owner.post(`${org.path}/members`, { username, email: `${username}@example.com`, password: PASSWORD, firstName: username, lastName: 'Member', role });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.userId;
}

export async function signIn(baseUrl: string, login: string): Promise<Client> {
  const client = new Client(baseUrl);
  const res = await client.post('/api/v1/session', { login, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** Every item of a paginated list, page by page. */
export async function listAll<T = any>(client: Client, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await client.get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  }));
  return results;
}
