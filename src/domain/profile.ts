/**
 * @module How a user appears to others: display name in history and logs, alias in communications
 * (falling back to the real name, seed 000), Gravatar avatar (seed 001), click-to-dial links (seed 002).
 */
import { hash } from 'node:crypto';

export interface NamedUser {
  username: string;
  firstName: string;
  lastName: string;
  displayName: string | null;
  alias: string | null;
}

export const fullName = (u: NamedUser): string => `${u.firstName} ${u.lastName}`.trim();

/** The name shown in history and logs: the chosen display name, else the full name, else the username. */
export const effectiveDisplayName = (u: NamedUser): string =>
  u.displayName?.trim() || fullName(u) || u.username;

/** The name used towards end users: the alias, or the real name when the alias is blank (seed 000). */
export const communicationName = (u: NamedUser): string => u.alias?.trim() || fullName(u) || u.username;

export const gravatarUrl = (email: string): string =>
  `https://www.gravatar.com/avatar/${hash('md5', email.trim().toLowerCase())}?d=identicon`;

/**
 * Renders a click-to-dial template such as `https://pbx/?phone=[Field:PhoneNumber]&ext=[Field:Ext]`
 * with the user's fields, URL-encoded. Unknown fields render empty rather than leaking the template.
 */
export function renderClickToDial(template: string, fields: Record<string, string | null | undefined>): string {
  const byName = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v ?? '']));
  return template.replace(/\[Field:([A-Za-z0-9_]+)\]/g, (_, name: string) =>
    encodeURIComponent(byName.get(name.toLowerCase()) ?? ''),
  );
}
