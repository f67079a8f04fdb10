/**
 * @module Creates every service once with its dependencies: no globals, so each test builds its
 * own set on its own database.
 */
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../domain/throttle.js';
import { createNotifyListener } from '../db/notify-listener.js';
import type { Database } from '../db/schema.js';
import { createAccessCache } from './access-cache.js';
import { createApiKeyService } from './api-keys.js';
import { listEvents } from './audit.js';
import { createAuthzService } from './authz.js';
import { createCatalogService } from './catalog.js';
import { createGroupService } from './groups.js';
import { createImportService } from './imports.js';
import { createInvitationService } from './invitations.js';
import { createMailboxService, type MailSettings } from './mail.js';
import { createMemberExportService } from './member-export.js';
import { createMemberService } from './members.js';
import { createNotificationService } from './notifications.js';
import { createOrganizationService } from './organizations.js';
import { createPasswordPolicyService } from './password-policy.js';
import { createPasswordResetService } from './password-resets.js';
import { createPasswordHasher, type PasswordHasher } from './passwords.js';
import { createRequiredActions } from './required-actions.js';
import { createRoleService } from './roles.js';
import { createSessionService, type SessionPolicy } from './sessions.js';
import { createTermsService } from './terms.js';
import { createDbThrottleStore, createRedisThrottleStore, createThrottleService } from './throttle.js';
import { createUserService } from './users.js';

export interface ServiceOptions {
  signupEnabled: boolean;
  /** PostgreSQL URL: decision caches of several processes listen there for each other's changes. */
  listenUrl?: string;
  session: SessionPolicy;
  hasher?: PasswordHasher;
  /** Where links in mail point, and how to wake the outbox worker; tools without one leave it out. */
  mail?: MailSettings;
  /** Sign-in failure limits (default DEFAULT_THROTTLE), counted in Redis when given, else in the database. */
  throttle?: { policy?: ThrottlePolicy; redis?: Redis | null; redisKeyPrefix?: string };
}

export function createServices(db: Kysely<Database>, options: ServiceOptions) {
  const hasher = options.hasher ?? createPasswordHasher();
  // One LISTEN connection per process on PostgreSQL carries every cache's news of other processes' changes.
  const listener = options.listenUrl ? createNotifyListener(options.listenUrl) : null;
  const accessCache = createAccessCache(db, { listener });
  const requiredActions = createRequiredActions();
  const passwordPolicy = createPasswordPolicyService(db, hasher);
  requiredActions.register(passwordPolicy.requiredAction);
  const mail = options.mail ?? { publicUrl: 'http://127.0.0.1:3000', wake: () => {} };
  const redis = options.throttle?.redis;
  const throttle = createThrottleService(
    redis ? createRedisThrottleStore(redis, options.throttle?.redisKeyPrefix ?? 'roster:') : createDbThrottleStore(db),
    options.throttle?.policy ?? DEFAULT_THROTTLE,
  );
  const sessions = createSessionService(db, hasher, options.session, requiredActions, throttle, listener);
  const apiKeys = createApiKeyService(db, listener);
  return {
    /** Starts hearing other processes' changes (PostgreSQL). */
    start: async () => listener?.start(),
    async close(): Promise<void> {
      sessions.close();
      apiKeys.close();
      await listener?.close();
    },
    requiredActions,
    accessCache,
    passwordPolicy,
    users: createUserService(db, passwordPolicy, { signupEnabled: options.signupEnabled, throttle }),
    throttle,
    sessions,
    terms: createTermsService(db, requiredActions),
    organizations: createOrganizationService(db),
    members: createMemberService(db, passwordPolicy, accessCache, mail),
    roles: createRoleService(db, accessCache),
    groups: createGroupService(db, accessCache),
    catalog: createCatalogService(db, accessCache),
    audit: { list: listEvents.bind(null, db) },
    apiKeys,
    authz: createAuthzService(accessCache),
    invitations: createInvitationService(db, passwordPolicy, accessCache, mail),
    passwordResets: createPasswordResetService(db, passwordPolicy, mail),
    mailbox: createMailboxService(db, mail),
    imports: createImportService(db, mail),
    memberExport: createMemberExportService(db),
    notifications: createNotificationService(db, mail),
  };
}

export type Services = ReturnType<typeof createServices>;
