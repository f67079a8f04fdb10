/**
 * @module Rate limits on the authentication endpoints (sign-in, sign-up, password resets, the
 * invitee's side of invitations): AUTH_RATE_LIMIT requests a minute from one client address, over
 * all of them together, counted in Redis when REDIS_URL is set, else in the database
 * (rate-limit-store.ts): either way every Roster process on the same storage shares one counter per
 * address. Routes are picked by their registered pattern, which is what the router matched:
 * `//api/v1/session`, `/api/v1/session/`, `?x=…` reach the same route and the same counter, and a
 * spelling the router does not match (`/API/v1/session`, `%2F`) reaches no route at all.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { RosterError } from '../domain/errors.js';
import { clientNetwork } from '../domain/throttle.js';
import { databaseRateLimitStore } from './rate-limit-store.js';

/** Route patterns that authenticate someone or take a secret from an email link. */
const AUTH_ROUTES: RegExp[] = [
  /^\/api\/v1\/session$/,
  /^\/api\/v1\/signup$/,
  /^\/api\/v1\/password-resets(\/.*)?$/,
  /^\/api\/v1\/invitations\/:token(\/accept)?$/,
];

/** Whether a route (method and registered pattern) is an authentication endpoint; signing out is not. */
export function isAuthRoute(method: string, url: string): boolean {
  if (method === 'DELETE' || method === 'OPTIONS') return false;
  return AUTH_ROUTES.some((pattern) => pattern.test(url));
}

export interface AuthRateLimitOptions {
  /** Requests per minute per address; 0 turns the limit off. */
  perMinute: number;
  /** Where the counters live without Redis. */
  db: Kysely<Database>;
  redis: Redis | null;
  redisKeyPrefix: string;
}

/** Must be registered before the routes: it attaches the limit to each authentication route as it is added. */
export async function registerAuthRateLimit(app: FastifyInstance, options: AuthRateLimitOptions): Promise<void> {
  if (options.perMinute === 0) return;
  await app.register(rateLimit, {
    global: false,
    ...(options.redis ? { redis: options.redis, nameSpace: `${options.redisKeyPrefix}rate:` } : { store: databaseRateLimitStore(options.db) }),
  });
  const limiter = app.createRateLimit({
    max: options.perMinute,
    timeWindow: 60_000,
    // One counter per address (an IPv6 /64) for every authentication route together (no route in the key).
    keyGenerator: (request: FastifyRequest) => `auth:${clientNetwork(request.ip)}`,
  });
  const hook: onRequestHookHandler = async (request) => {
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    throw new RosterError('rate.limited', `Too many requests from your address; try again in ${result.ttlInSeconds} seconds`, undefined, { retryAfter: result.ttlInSeconds });
  };
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((m) => isAuthRoute(m, route.url))) return;
    route.onRequest = [hook, ...[route.onRequest ?? []].flat()];
  });
}
