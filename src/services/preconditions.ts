/**
 * @module The one check behind every conditional write: the resource is locked, read as GET shows it,
 * and its tag compared with the request's If-Match, all inside the write's transaction, so of two
 * writes sent with the same tag the second sees the first one's change and is refused with 412.
 */
import { entityTag, ifMatchAllows } from '../domain/entity-tag.js';
import { RosterError } from '../domain/errors.js';

export interface Precondition<T> {
  /** Takes the resource's row locks until the transaction ends; false when it does not exist. */
  lock(): Promise<boolean>;
  /** The resource as GET shows it, read after the lock. */
  current(): Promise<T>;
  /** What a missing resource answers (its own 404). */
  missing(): RosterError;
  /** How the 412 names it: "member", "role", "group". */
  noun: string;
}

/** Does nothing without an If-Match header: a write without one behaves as it always has. */
export async function assertUnchanged<T>(ifMatch: string | undefined, p: Precondition<T>): Promise<void> {
  if (ifMatch === undefined) return;
  if (!(await p.lock())) throw p.missing();
  if (!ifMatchAllows(ifMatch, entityTag(await p.current()))) {
    throw new RosterError('precondition.failed', `The ${p.noun} changed since you read it: read it again, then make your change`, 'headers.if-match');
  }
}
