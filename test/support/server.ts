/**
 * @module Starts a real Roster server on a fresh database and a free port for one test file, and
 * helpers to sign people up and add members through the public API.
 */
import type { AddressInfo } from 'node:net';
import { buildApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { App } from '../../src/http/types.js';
import type { Services } from '../../src/services/index.js';
import { Client } from './client.js';
import { createTestDatabase, type TestDialect } from './databases.js';

export interface TestServer {
  dialect: TestDialect;
  url: string;
  /** The database it runs on, for a second process on the same one. */
  databaseUrl: string;
  app: App;
  services: Services;
  database: DatabaseHandle;
  client(): Client;
  close(): Promise<void>;
}

/**
 * Every test signs people up and in from 127.0.0.1, far more often than a person would: the per
 * address limits are raised for them. The brute-force tests pass their own (test/api/brute-force.test.ts).
 */
export const TEST_LIMITS: Env = { AUTH_RATE_LIMIT: '100000', AUTH_LOCKOUT_ADDRESS_FAILURES: '100000' };

/** `logger`: the server's logger options (default none), for a test that reads what is logged. */
export async function startRoster(dialect: TestDialect, env: Env = {}, { logger }: { logger?: AppDeps['logger'] } = {}): Promise<TestServer> {
  const testDb = await createTestDatabase(dialect);
  const config = loadConfig({ DATABASE_URL: testDb.url, LOG_LEVEL: 'silent', ...TEST_LIMITS, ...env });
  const database = openDatabase({ url: config.databaseUrl, poolSize: 5 });
  await migrateToLatest(database.db);
  const { app, services } = await buildApp({ config, database, logger });
  // Any free port, unless PORT is given: a browser test needs PUBLIC_URL (derived from it) to be the real address.
  await app.listen({ port: env.PORT ? config.port : 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    dialect, url, databaseUrl: config.databaseUrl, app, services, database,
    client: () => new Client(url),
    close: async () => {
      await app.close();
      await database.close();
      await testDb.drop();
    },
  };
}

let counter = 0;
export const PASSWORD = 'a long enough passphrase 42';

export interface SignedUp {
  client: Client;
  user: { id: string; username: string; email: string; displayName: string };
  organization: { id: string; name: string };
}

/** Signs a new person up through the API; they own a new organization. */
export async function signUp(server: TestServer, name = `user${++counter}`, organizationName = `${name}'s org`): Promise<SignedUp> {
  const client = server.client();
  const res = await client.post('/api/v1/signup', {
    username: name, email: `${name}@example.com`, password: PASSWORD, firstName: name, lastName: 'Tester', organizationName,
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body.user, organization: res.body.organization };
}

/** Adds a member directly (seed 000) and signs them in with their own client. */
export async function addMember(server: TestServer, admin: SignedUp, role = 'member', name = `member${++counter}`): Promise<SignedUp> {
  const res = await admin.client.post(`/api/v1/organizations/${admin.organization.id}/members`, {
    username: name, email: `${name}@example.com`, password: PASSWORD, firstName: name, lastName: 'Member', role,
  });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${JSON.stringify(res.body)}`);
  const client = server.client();
  const login = await client.post('/api/v1/session', { login: name, password: PASSWORD });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { client, user: login.body.user, organization: admin.organization };
}

/** Signs an existing person in with a client of their own. */
export async function signIn(server: TestServer, login: string, password = PASSWORD): Promise<Client> {
  const client = server.client();
  const res = await client.post('/api/v1/session', { login, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

export interface NewUserFields {
  username: string;
  email?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  role?: string;
  [field: string]: unknown;
}

/** Adds a user directly (seed 000) without signing them in, so they have never logged in; returns the member. */
export async function addUser(admin: SignedUp, fields: NewUserFields): Promise<any> {
  const res = await admin.client.post(`/api/v1/organizations/${admin.organization.id}/members`, {
    email: `${fields.username.toLowerCase()}@example.com`, password: PASSWORD, firstName: fields.username, lastName: 'Member', role: 'member', ...fields,
  });
  if (res.status !== 201) throw new Error(`add user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a custom role in the admin's organization. */
export async function createRole(admin: SignedUp, key: string, permissions: string[]): Promise<any> {
  const res = await admin.client.post(`/api/v1/organizations/${admin.organization.id}/roles`, { key, name: key, permissions });
  if (res.status !== 201) throw new Error(`create role failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
