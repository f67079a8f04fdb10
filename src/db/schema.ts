/**
 * @module The tables as Kysely sees them. Timestamps are ISO-8601 UTC strings and flags are 0/1 in
 * both SQLite and PostgreSQL, so rows read the same whichever database holds them; JSON is text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  username_key: string;
  email: string;
  email_key: string;
  password_hash: string | null;
  first_name: string;
  last_name: string;
  display_name: string | null;
  alias: string | null;
  title: string | null;
  phone: string | null;
  phone_extension: string | null;
  address: string | null;
  color: string | null;
  click_to_dial: string | null;
  sender_emails: string;
  signature: string | null;
  super_admin: number;
  last_login_at: string | null;
  accepted_terms_version: string | null;
  password_changed_at: string | null;
  /** Set when the password no longer fits a policy: the next sign-in asks for a new one. */
  must_change_password: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  settings: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  id: string;
  organization_id: string;
  key: string;
  name: string;
  description: string;
  permissions: string;
  builtin: number;
  /** JSON `{ [resourceType]: 'one' | 'granted' | 'all' }` (seed 003: Partner, Normal, Admin). */
  resource_scopes: string;
  created_at: string;
  updated_at: string;
}

/** A user inside an organization. The *_key columns copy the user's names, folded, for indexed search. */
export interface MembersTable {
  organization_id: string;
  user_id: string;
  role: string;
  status: 'active' | 'inactive';
  username_key: string;
  email_key: string;
  first_name_key: string;
  last_name_key: string;
  added_by: string | null;
  added_via: 'signup' | 'direct' | 'invitation' | 'organization';
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** SQLite only (migration 0006): each organization's range of rowids in `members_fts`. */
export interface MemberSearchSlotsTable {
  slot: number;
  organization_id: string;
}

/** SQLite only (migration 0006): the FTS5 rowid of each membership. */
export interface MemberSearchRowsTable {
  id: number;
  organization_id: string;
  user_id: string;
}

/** SQLite only (migration 0006): the trigram FTS5 index of the members' search keys, contentless. */
export interface MembersFtsTable {
  rowid: number;
  members_fts: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  current_organization_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** JSON array of actions the session must complete before anything else, e.g. `accept_terms`. */
  pending_actions: Generated<string>;
}

export interface AuditEventsTable {
  id: string;
  organization_id: string | null;
  actor_user_id: string | null;
  actor_display_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  target_display_name: string | null;
  before: string | null;
  after: string | null;
  created_at: string;
}

/** A permission registered by the host application, optionally limited to some roles (seed 003). */
export interface AppPermissionsTable {
  organization_id: string;
  key: string;
  description: string;
  /** JSON array of role keys, or null for any role. */
  allowed_roles: string | null;
  created_at: string;
}

/** A data set of the host application; its actions appear as `module:<name>.<action>` (seed 002). */
export interface ModulesTable {
  organization_id: string;
  name: string;
  description: string;
  created_at: string;
}

export interface GroupsTable {
  id: string;
  organization_id: string;
  name: string;
  name_key: string;
  description: string;
  permissions: string;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  organization_id: string;
  group_id: string;
  user_id: string;
  created_at: string;
}

/** User-specific permissions: allow or deny, overriding role and groups; inherit is no row (seed 002). */
export interface MemberPermissionsTable {
  organization_id: string;
  user_id: string;
  permission: string;
  effect: 'allow' | 'deny';
}

export interface ResourceTypesTable {
  organization_id: string;
  key: string;
  name: string;
  created_at: string;
}

export interface ResourcesTable {
  organization_id: string;
  type: string;
  id: string;
  name: string;
  created_at: string;
}

export interface MemberResourcesTable {
  organization_id: string;
  user_id: string;
  type: string;
  resource_id: string;
}

export interface ApiKeysTable {
  id: string;
  organization_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  permissions: string;
  created_by: string | null;
  /** The person whose current access bounds the key: its creator, or the person behind the key that made it. */
  creator_user_id: string | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'bounced';

export interface InvitationsTable {
  id: string;
  organization_id: string;
  email: string;
  email_key: string;
  first_name: string | null;
  last_name: string | null;
  role: string;
  /** JSON array of permissions allowed on top of the role (seed 003). */
  permissions: string;
  /** JSON array of group ids. */
  groups: string;
  /** JSON `{ [type]: ids[] }`. */
  resources: string;
  note: string | null;
  token_hash: string;
  status: InvitationStatus;
  bounce_reason: string | null;
  invited_by: string | null;
  invited_by_name: string;
  send_count: number;
  last_sent_at: string | null;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  import_id: string | null;
  created_at: string;
  updated_at: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'bounced';

/** Mail waiting to go out, written in the transaction of the change that causes it. */
export interface OutboxTable {
  id: string;
  organization_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  reply_to: string | null;
  related_id: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ImportsTable {
  id: string;
  organization_id: string;
  mode: 'skip_invalid' | 'all_or_nothing';
  status: 'running' | 'finished' | 'failed';
  total_rows: number;
  processed_rows: number;
  invited_rows: number;
  skipped_rows: number;
  /** JSON array of `{ row, field, message }`. */
  problems: string;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
  /** Written every few seconds while the import runs; a running import without a recent one was interrupted. */
  heartbeat_at: string | null;
}

export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

/** A published terms document; organization_id null for the instance's own terms. */
export interface TermsTable {
  id: string;
  organization_id: string | null;
  version: string;
  text: string;
  published_by: string | null;
  published_at: string;
}

export interface TermsAcceptancesTable {
  user_id: string;
  terms_id: string;
  accepted_at: string;
}

/** Failed sign-ins per account or per address, shared by every Roster process. */
export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
  updated_at: string;
}

/** A rate-limit counter (http/rate-limit-store.ts): requests counted in the window that ends at `window_ends_at`. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends_at: string;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  requested_by: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  organizations: OrganizationsTable;
  roles: RolesTable;
  members: MembersTable;
  member_search_slots: MemberSearchSlotsTable;
  member_search_rows: MemberSearchRowsTable;
  members_fts: MembersFtsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  app_permissions: AppPermissionsTable;
  modules: ModulesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  member_permissions: MemberPermissionsTable;
  resource_types: ResourceTypesTable;
  resources: ResourcesTable;
  member_resources: MemberResourcesTable;
  api_keys: ApiKeysTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  imports: ImportsTable;
  password_history: PasswordHistoryTable;
  terms: TermsTable;
  terms_acceptances: TermsAcceptancesTable;
  auth_throttle: AuthThrottleTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type RoleRow = Selectable<RolesTable>;
export type MemberRow = Selectable<MembersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type GroupRow = Selectable<GroupsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type ImportRow = Selectable<ImportsTable>;
