/**
 * @module The server a benchmark measures, run in its own process by `startTarget` (bench/lib.ts):
 * `roster` is Roster started exactly as `roster serve` starts it (migrations, logging at LOG_LEVEL,
 * every plugin), `bare` is a Fastify instance with no plugins and one route at the same path
 * answering a constant JSON body the size of a profile. It tells its parent when it listens and stops when told to.
 *
 * Plain JavaScript on the built server (dist/, which startTarget builds first), run by node with the
 * flags `roster serve` runs with (NODE_FLAGS in bench/lib.ts): what production runs, so that its memory
 * and CPU are production's, not those of a TypeScript loader living in the same process.
 */
import Fastify from 'fastify';
import { loadConfig } from '../dist/config.js';
import { startServer } from '../dist/server.js';

/** About the size and shape of GET /api/v1/me's answer, so both servers serialize the same work. */
const PROFILE = {
  id: '019a9f2c-5b1e-7c3d-8e4f-0a1b2c3d4e5f', username: 'bench', email: 'bench@example.com', firstName: 'Bench',
  lastName: 'Mark', displayName: 'Bench Mark', alias: null, communicationName: 'Bench Mark', title: null, phone: null,
  phoneExtension: null, address: null, color: null, clickToDial: null, clickToDialUrl: null, senderEmails: [], signature: null,
  avatarUrl: 'https://www.gravatar.com/avatar/7c4a8d09ca3762af61e59520943dc26494f8941b1e4a8d9b0c5d7e1f2a3b4c5d?d=identicon',
  superAdmin: false, lastLoginAt: null, acceptedTermsVersion: null, createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z', currentOrganizationId: '019a9f2c-5b1e-7c3d-8e4f-0a1b2c3d4e60',
};

/** @param {string} kind @returns {Promise<() => Promise<void>>} */
async function start(kind) {
  // SMTP_URL when a benchmark gives one (bench/invitations.ts: a local SMTP server), else the dev mailbox.
  const env = {
    PORT: process.env.PORT, HOST: '127.0.0.1', DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL, SMTP_URL: process.env.SMTP_URL,
    // A benchmark that signs in many times from one address raises the limit it would hit (bench/signin.ts).
    AUTH_RATE_LIMIT: process.env.AUTH_RATE_LIMIT,
  };
  const config = loadConfig(env);
  if (kind === 'roster') return (await startServer(config)).close;
  if (kind === 'bare') {
    const app = Fastify();
    // The same path as the Roster route, so both see the same request bytes and router work.
    app.get('/api/v1/me', async () => PROFILE);
    await app.listen({ port: config.port, host: config.host });
    return () => app.close();
  }
  throw new Error(`unknown target "${kind}": roster or bare`);
}

const close = await start(process.argv[2] ?? '');
process.on('message', (message) => {
  if (message === 'stop') void close().finally(() => process.exit(0));
  // CPU time used so far, so the parent can tell what one request costs whatever else runs on the machine.
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  // Memory in use, after a collection (the target runs with --expose-gc), for bench/signin.ts.
  if (message === 'memory') {
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
});
// The parent died without saying stop: do not outlive it.
process.on('disconnect', () => void close().finally(() => process.exit(0)));
process.send?.('listening');
