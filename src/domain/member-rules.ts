/**
 * @module The rules about who may do what to a member, as pure functions over plain data.
 * The owner can never be removed, deactivated or demoted (seed 001); only ownership transfer moves the
 * owner role; nobody hands out a role whose permissions they do not hold (seed 000).
 */
import { RosterError } from './errors.js';
import { notHeld, type PermissionSet } from './permissions.js';

export interface MemberFacts {
  role: string;
  status: 'active' | 'inactive';
}

export function assertNotOwner(target: MemberFacts, action: 'remove' | 'deactivate' | 'demote'): void {
  if (target.role !== 'owner') return;
  if (action === 'remove') {
    throw new RosterError('member.owner_cannot_be_removed', 'The owner can not be removed from the organization; transfer ownership first');
  }
  if (action === 'deactivate') {
    throw new RosterError('member.owner_cannot_be_deactivated', 'The owner can not be deactivated; transfer ownership first');
  }
  throw new RosterError('member.owner_cannot_be_demoted', 'The owner keeps the owner role until ownership is transferred', 'body.role');
}

/**
 * Whether `actor` may give a member the role whose permissions are `rolePermissions`.
 * The owner role is never given this way: it moves by transfer only.
 */
export function assertCanGrantRole(actor: PermissionSet, roleKey: string, rolePermissions: readonly string[]): void {
  if (roleKey === 'owner') {
    throw new RosterError('member.owner_role_by_transfer_only', 'The owner role moves only by transferring ownership', 'body.role');
  }
  const missing = notHeld(actor, rolePermissions);
  if (missing.length > 0) {
    throw new RosterError(
      'permission.not_held',
      `You can not give a role with permissions you do not hold: ${missing.join(', ')}`,
      'body.role',
    );
  }
}

export function assertCanGrantPermissions(actor: PermissionSet, permissions: readonly string[], field: string): void {
  const missing = notHeld(actor, permissions);
  if (missing.length > 0) {
    throw new RosterError('permission.not_held', `You can not grant permissions you do not hold: ${missing.join(', ')}`, field);
  }
}
