/**
 * @module Builds the Roster HTTP application from its dependencies, without listening on a port,
 * so tests build one per test file on a fresh database.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connect.js';
import { connectRedis } from './db/redis.js';
import { DEFAULT_THROTTLE } from './domain/throttle.js';
import { createAuth } from './http/auth.js';
import { registerConsole } from './http/console.js';
import { frameworkErrors, registerProblemHandlers } from './http/problem.js';
import { registerCrossOriginCheck } from './http/cross-origin.js';
import { registerClosedQueries } from './http/closed-query.js';
import { registerEvenTiming } from './http/even-timing.js';
import { registerAuthRateLimit } from './http/rate-limit.js';
import { registerRequestLog } from './http/request-log.js';
import { apiDocsCsp, registerSecurityHeaders, rosterHelmetOptions } from './http/security-headers.js';
import { apiKeyRoutes } from './http/routes/api-keys.js';
import { auditEventRoutes } from './http/routes/audit-events.js';
import { authzRoutes } from './http/routes/authz.js';
import { catalogRoutes } from './http/routes/catalog.js';
import { groupRoutes } from './http/routes/groups.js';
import { healthRoutes } from './http/routes/health.js';
import { importRoutes } from './http/routes/imports.js';
import { invitationRoutes } from './http/routes/invitations.js';
import { mailboxRoutes } from './http/routes/mailbox.js';
import { createMailWorker } from './mail/setup.js';
import { meRoutes } from './http/routes/me.js';
import { memberExportRoutes } from './http/routes/member-export.js';
import { memberRoutes } from './http/routes/members.js';
import { notificationRoutes } from './http/routes/notifications.js';
import { organizationRoutes } from './http/routes/organizations.js';
import { passwordResetRoutes } from './http/routes/password-resets.js';
import { roleRoutes } from './http/routes/roles.js';
import { sessionRoutes } from './http/routes/session.js';
import { meSessionRoutes } from './http/routes/me-sessions.js';
import { termsRoutes } from './http/routes/terms.js';
import { Problem } from './http/schemas/common.js';
import type { App, RouteDeps } from './http/types.js';
import { createValidatorCompiler } from './http/validation.js';
import { createServices, type Services } from './services/index.js';
import type { PasswordHasher } from './services/passwords.js';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  hasher?: PasswordHasher;
  /** Whether this process delivers the outbox too (default yes; `roster worker` runs one alone). */
  mailWorker?: boolean;
}

export async function buildApp({ config, database, logger = false, hasher, mailWorker = true }: AppDeps): Promise<{ app: App; services: Services }> {
  const app: App = Fastify({
    logger,
    // One line per request at debug instead (request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // Ids and names in paths are case-sensitive; duplicate slashes are folded so `//api/...` is the same route.
    routerOptions: { ignoreDuplicateSlashes: true, ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are JSON (a CSV import adds its own parser): a text/plain body, which an HTML form can
  // send to another site without a preflight, is refused with 415 (docs/security.md, CSRF layers).
  app.removeContentTypeParser('text/plain');
  app.addSchema(Problem);
  app.setValidatorCompiler(createValidatorCompiler({ Problem }));
  registerProblemHandlers(app);

  await app.register(cookie);
  registerSecurityHeaders(app, rosterHelmetOptions(config.secureCookies));
  registerCrossOriginCheck(app, config.allowedOrigins);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, (error) => app.log.warn({ err: error }, 'Redis connection problem')) : null;
  // Before the routes: it attaches itself to each authentication route as the route is added.
  await registerAuthRateLimit(app, { perMinute: config.authRateLimit, db: database.db, redis, redisKeyPrefix: config.redisKeyPrefix });
  registerEvenTiming(app);
  registerRequestLog(app);
  registerClosedQueries(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Roster API', version: '1', description: 'Users, organizations, roles and access for your SaaS product.' },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'roster_session' }, apiKey: { type: 'http', scheme: 'bearer', description: 'An organization\'s API key, on its organization\'s routes' } } },
      security: [{ session: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: apiDocsCsp(config.secureCookies), uiConfig: { validatorUrl: null } });

  const services = createServices(database.db, {
    signupEnabled: config.signupEnabled,
    session: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    hasher,
    listenUrl: database.dialect === 'postgres' ? config.databaseUrl : undefined,
    mail: { publicUrl: config.publicUrl, wake: () => worker?.wake(), smtpConfigured: config.smtpUrl !== null },
    throttle: {
      redis, redisKeyPrefix: config.redisKeyPrefix,
      policy: {
        ...DEFAULT_THROTTLE, accountFailures: config.authLockoutFailures, addressFailures: config.authLockoutAddressFailures,
        windowMs: config.authLockoutMinutes * 60_000, lockMs: config.authLockoutMinutes * 60_000, maxDelayMs: config.authDelayMaxMs,
      },
    },
  });
  await services.start();
  const worker = mailWorker ? createMailWorker(config, database, services, app.log) : null;
  worker?.start();
  app.addHook('onClose', async () => {
    // Reset requests are answered before they are done; their mail is queued before the worker stops.
    await services.passwordResets.settled();
    await worker?.stop();
    await services.close();
    await redis?.quit();
  });
  const auth = createAuth(services, { secure: config.secureCookies, maxAgeSeconds: config.sessionAbsoluteHours * 3600 });
  const deps: RouteDeps = { services, auth };

  healthRoutes(app, database.db);
  sessionRoutes(app, deps);
  meSessionRoutes(app, deps);
  termsRoutes(app, deps);
  meRoutes(app, deps);
  passwordResetRoutes(app, deps);
  organizationRoutes(app, deps);
  memberRoutes(app, deps);
  memberExportRoutes(app, deps);
  roleRoutes(app, deps);
  groupRoutes(app, deps);
  catalogRoutes(app, deps);
  auditEventRoutes(app, deps);
  apiKeyRoutes(app, deps);
  authzRoutes(app, deps);
  invitationRoutes(app, deps);
  mailboxRoutes(app, deps);
  importRoutes(app, deps);
  notificationRoutes(app, deps);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerConsole(app, config.allowedOrigins);

  await app.ready();
  return { app, services };
}
