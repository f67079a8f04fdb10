/**
 * @module Ready-made access setups an organization can apply. `partner-network` is seed 003's:
 * Partner users see exactly one partner and can only be granted Access to Issue Comments; Normal
 * users see the partners granted to them and can be granted any of the three permissions; Admin
 * (built in) has every permission and every partner.
 */
import type { ResourceScope } from './access-model.js';

export interface Template {
  resourceTypes: Array<{ key: string; name: string }>;
  roles: Array<{ key: string; name: string; description: string; permissions: string[]; resourceScopes: Record<string, ResourceScope> }>;
  permissions: Array<{ key: string; description: string; allowedRoles: string[] }>;
}

export const TEMPLATES: Record<string, Template> = {
  'partner-network': {
    resourceTypes: [{ key: 'partner', name: 'Partner' }],
    roles: [
      {
        key: 'partner', name: 'Partner', permissions: [], resourceScopes: { partner: 'one' },
        description: 'Access to only one partner: information about the single partner assigned to them',
      },
      {
        key: 'normal', name: 'Normal', permissions: [], resourceScopes: { partner: 'granted' },
        description: 'Everything except partner information, user management, branding and SAML; an admin can grant partners one by one',
      },
    ],
    permissions: [
      { key: 'integrations.access', description: 'Access to Integrations: work with integrations', allowedRoles: ['normal'] },
      { key: 'issue_comments.access', description: 'Access to Issue Comments: view chat sessions associated with messages that have issues', allowedRoles: ['normal', 'partner'] },
      { key: 'messages.reprocess', description: 'Allowed to Reprocess Messages', allowedRoles: ['normal'] },
    ],
  },
};
