/**
 * @module Even answer times where the work behind an answer depends on whether an account exists:
 * sign-up (a taken email stops before the organization is created) and the password reset request
 * (only a real account gets a link written and mailed). Every answer of such a route is held until
 * at least the 90th percentile of the route's recent working times, so a fast answer ("taken",
 * "unknown") is not told apart from a slow one by its timing (OWASP ASVS 6.3.8). Sign-in needs none
 * of this: an unknown login already spends a password verification (services/passwords.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, onSendHookHandler } from 'fastify';

/** Routes, as `METHOD pattern`, whose answers are held to an even time. */
const EVEN_ROUTES = new Set(['POST /api/v1/signup', 'POST /api/v1/password-resets']);

const SAMPLES = 64;
const PERCENTILE = 0.9;
/** A slow outlier (a stalled database) must not make every later answer wait as long. */
const MAX_WAIT_MS = 2000;

/** The working times of one route's recent answers, and how long the next answer must take at least. */
export function createPacer(samples = SAMPLES, percentile = PERCENTILE) {
  const recent: number[] = [];
  let next = 0;
  return {
    /** Records one answer's working time and says how much longer it must wait. */
    waitFor(workMs: number): number {
      if (recent.length < samples) recent.push(workMs);
      else recent[next++ % samples] = workMs;
      const sorted = [...recent].sort((a, b) => a - b);
      const target = sorted[Math.min(sorted.length - 1, Math.floor(percentile * sorted.length))] ?? 0;
      return Math.min(MAX_WAIT_MS, Math.max(0, target - workMs));
    },
  };
}

/** Must be registered before the routes, like the rate limit. */
export function registerEvenTiming(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((m) => EVEN_ROUTES.has(`${m} ${route.url}`))) return;
    const pacer = createPacer();
    const started = new WeakMap<FastifyRequest, number>();
    const start: onRequestHookHandler = (request, _reply, done) => {
      started.set(request, performance.now());
      done();
    };
    const hold: onSendHookHandler = async (request, _reply, payload) => {
      const wait = pacer.waitFor(performance.now() - (started.get(request) ?? performance.now()));
      if (wait > 0) await sleep(wait);
      return payload;
    };
    route.onRequest = [start, ...[route.onRequest ?? []].flat()];
    route.onSend = [...[route.onSend ?? []].flat(), hold];
  });
}
