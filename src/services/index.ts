/**
 * @module Creates every service once with its dependencies: no globals, so each test builds its
 * own set on its own database.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { createAccessCache } from './access-cache.js';
import { createApiKeyService } from './api-keys.js';
import { listEvents } from './audit.js';
import { createAuthzService } from './authz.js';
import { createCatalogService } from './catalog.js';
import { createMemberService } from './members.js';
import { createOrganizationService } from './organizations.js';
import { createPasswordHasher, type PasswordHasher } from './passwords.js';
import { createRoleService } from './roles.js';
import { createSessionService, type SessionPolicy } from './sessions.js';
import { createUserService } from './users.js';

export interface ServiceOptions {
  signupEnabled: boolean;
  /** PostgreSQL URL: decision caches of several processes listen there for each other's changes. */
  listenUrl?: string;
  session: SessionPolicy;
  hasher?: PasswordHasher;
}

export function createServices(db: Kysely<Database>, options: ServiceOptions) {
  const hasher = options.hasher ?? createPasswordHasher();
  const accessCache = createAccessCache(db, { listenUrl: options.listenUrl });
  return {
    accessCache,
    users: createUserService(db, hasher, { signupEnabled: options.signupEnabled }),
    sessions: createSessionService(db, hasher, options.session),
    organizations: createOrganizationService(db),
    members: createMemberService(db, hasher, accessCache),
    roles: createRoleService(db, accessCache),
    catalog: createCatalogService(db, accessCache),
    audit: { list: listEvents.bind(null, db) },
    apiKeys: createApiKeyService(db),
    authz: createAuthzService(accessCache),
  };
}

export type Services = ReturnType<typeof createServices>;
