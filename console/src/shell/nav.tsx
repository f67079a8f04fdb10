/**
 * @module The console's sections, in the order the sidebar lists them. Users is the seeds' name
 * for the members page, whose path follows the API (and the links in Roster's emails).
 */
export interface Section {
  path: string;
  label: string;
}

export const SECTIONS: readonly Section[] = [
  { path: 'members', label: 'Users' },
  { path: 'groups', label: 'Groups' },
  { path: 'roles', label: 'Roles' },
  { path: 'invitations', label: 'Invitations' },
  { path: 'audit-log', label: 'Audit log' },
  { path: 'settings', label: 'Settings' },
  { path: 'mailbox', label: 'Mailbox' },
];

export const organizationPath = (organizationId: string, section = 'members') => `/organizations/${encodeURIComponent(organizationId)}/${section}`;
