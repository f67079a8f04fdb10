/**
 * @module The shapes Roster's services hand to the HTTP layer: users, organizations, members,
 * roles and audit events as the API describes them (DESIGN.md §1–2).
 */
import type { PasswordPolicy } from './password-policy.js';

export interface User {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  /** How the user appears in history and logs; derived from the names when not set (seed 000). */
  displayName: string;
  /** Name used towards end users instead of the real name; null when not set (seed 000). */
  alias: string | null;
  /** The alias, or the real name when the alias is blank (seed 000). */
  communicationName: string;
  title: string | null;
  phone: string | null;
  phoneExtension: string | null;
  address: string | null;
  color: string | null;
  clickToDial: string | null;
  /** `clickToDial` with this user's fields filled in (seed 002). */
  clickToDialUrl: string | null;
  /** Addresses the user may send from; the first is the default (seed 002). */
  senderEmails: string[];
  signature: string | null;
  avatarUrl: string;
  superAdmin: boolean;
  lastLoginAt: string | null;
  acceptedTermsVersion: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationSettings {
  /** Seed 003 deletes members; seed 000 only deactivates them. Off unless the organization opts in. */
  allowMemberDeletion: boolean;
  invitationLifetimeDays: number;
  sessionIdleMinutes: number | null;
  sessionAbsoluteHours: number | null;
  /** Password complexity for the members' passwords (seed 004, Configuration → Security). */
  passwordPolicy: PasswordPolicy;
}

export interface Organization {
  id: string;
  name: string;
  settings: OrganizationSettings;
  createdAt: string;
  updatedAt: string;
}

export type MemberStatus = 'active' | 'inactive';

/** A group as a member's record names it. */
export interface MemberGroup {
  id: string;
  name: string;
}

export interface Member extends Omit<User, 'id' | 'superAdmin' | 'acceptedTermsVersion' | 'createdAt' | 'updatedAt'> {
  userId: string;
  role: string;
  status: MemberStatus;
  groups: MemberGroup[];
  addedBy: string | null;
  addedVia: 'signup' | 'direct' | 'invitation' | 'organization';
  joinedAt: string;
  deactivatedAt: string | null;
}

export interface Role {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: string[];
  builtin: boolean;
  /** Per resource type: 'all', 'granted' (any number, one by one) or 'one' (exactly one), seed 003. */
  resourceScopes: Record<string, 'one' | 'granted' | 'all'>;
  createdAt: string;
  updatedAt: string;
}

/** A named set of members with permissions, per organization (seed 002 "User Groups"). */
export interface Group {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEvent {
  id: string;
  organizationId: string | null;
  actorUserId: string | null;
  actorDisplayName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetDisplayName: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
