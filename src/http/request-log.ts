/**
 * @module One log line per finished request, at `debug`: method, URL (emailed tokens replaced,
 * logging.ts), route, status and time. Fastify's
 * own two lines per request at `info` cost about a sixth of an authenticated request's CPU
 * (docs/benchmarks.md), and the reverse proxy in front of Roster keeps an access log anyway
 * (docs/deploy.md). Failures are logged whatever the level by the error handler (problem.ts).
 */
import { redactUrl } from './logging.js';
import type { App } from './types.js';

export function registerRequestLog(app: App): void {
  // Decided once: at `info` and above the hook is not even added, so a request pays nothing for it.
  const log = app.log as { isLevelEnabled?: (level: string) => boolean };
  if (!log.isLevelEnabled?.('debug')) return;
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({
      method: request.method, url: redactUrl(request.url), route: request.routeOptions.url ?? '(no route)', status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10,
    }, 'request');
  });
}
