/**
 * @module Serves the admin console (console/, built by `npm run build` into console/dist) at `/`:
 * the built files with @fastify/static, gzip/brotli copies made at build time when the browser takes
 * them, and index.html for every other page path so the console's own router handles deep links
 * (`/sign-in`, `/organizations/…/members/…`, the links Roster's emails carry). API paths keep
 * answering problem details. Content hashes make /assets/ files safe to cache for a year; index.html
 * is revalidated on every load so a new build is picked up at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { safeRedirectTarget } from '../domain/redirect.js';
import type { App } from './types.js';

/** console/dist, from src/http/ when run from source and from dist/http/ when built: both are two levels down. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

/** Paths that belong to the API and its documentation, never to the console. */
const NOT_CONSOLE = /^\/(api|healthz|readyz)(\/|$)/;

const NOT_BUILT = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roster</title></head><body>'
  + '<h1>Roster</h1><p>The admin console is not built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it), '
  + 'or <code>npm run dev:console</code> while developing. The API reference is at <a href="/api/v1/docs">/api/v1/docs</a>.</p></body></html>';

export async function registerConsole(app: App, allowedOrigins: readonly string[], dir = CONSOLE_DIST): Promise<void> {
  const indexFile = join(dir, 'index.html');
  const built = existsSync(indexFile);
  const page = built ? readFileSync(indexFile) : Buffer.from(NOT_BUILT);
  const sendPage = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);

  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      // One route per built file, found at start-up; anything else falls through to the page route below.
      wildcard: false,
      index: false,
      preCompressed: true,
      globIgnore: ['**/*.gz', '**/*.br', 'index.html'],
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // `/?next=…` goes on to a page of Roster's or of an allowed origin, never elsewhere (no open redirect).
  app.get('/', { schema: { hide: true, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2048 })) }) } }, async (request, reply) => {
    const next = request.query.next === undefined ? null : safeRedirectTarget(request.query.next, allowedOrigins);
    return next ? reply.redirect(next) : sendPage(reply);
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A missing file (a name with an extension) is a 404, not the page: a stale asset must fail visibly.
    if (NOT_CONSOLE.test(path) || /\/[^/]+\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return sendPage(reply);
  });
}
