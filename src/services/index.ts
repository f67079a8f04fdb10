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
import { createGroupService } from './groups.js';
import { createImportService } from './imports.js';
import { createInvitationService } from './invitations.js';
import { createMailboxService, type MailSettings } from './mail.js';
import { createMemberExportService } from './member-export.js';
import { createMemberService } from './members.js';
import { createNotificationService } from './notifications.js';
import { createOrganizationService } from './organizations.js';
import { createPasswordHasher, type PasswordHasher } from './passwords.js';
import { createRequiredActions } from './required-actions.js';
import { createRoleService } from './roles.js';
import { createSessionService, type SessionPolicy } from './sessions.js';
import { createUserService } from './users.js';

export interface ServiceOptions {
  signupEnabled: boolean;
  /** PostgreSQL URL: decision caches of several processes listen there for each other's changes. */
  listenUrl?: string;
  session: SessionPolicy;
  hasher?: PasswordHasher;
  /** Where links in mail point, and how to wake the outbox worker; tools without one leave it out. */
  mail?: MailSettings;
}

export function createServices(db: Kysely<Database>, options: ServiceOptions) {
  const hasher = options.hasher ?? createPasswordHasher();
  const accessCache = createAccessCache(db, { listenUrl: options.listenUrl });
  const requiredActions = createRequiredActions();
  const mail = options.mail ?? { publicUrl: 'http://127.0.0.1:3000', wake: () => {} };
  return {
    requiredActions,
    accessCache,
    users: createUserService(db, hasher, { signupEnabled: options.signupEnabled }),
    sessions: createSessionService(db, hasher, options.session, requiredActions),
    organizations: createOrganizationService(db),
    members: createMemberService(db, hasher, accessCache, mail),
    roles: createRoleService(db, accessCache),
    groups: createGroupService(db, accessCache),
    catalog: createCatalogService(db, accessCache),
    audit: { list: listEvents.bind(null, db) },
    apiKeys: createApiKeyService(db),
    authz: createAuthzService(accessCache),
    invitations: createInvitationService(db, hasher, accessCache, mail),
    mailbox: createMailboxService(db, mail),
    imports: createImportService(db, mail),
    memberExport: createMemberExportService(db),
    notifications: createNotificationService(db, mail),
  };
}

export type Services = ReturnType<typeof createServices>;
