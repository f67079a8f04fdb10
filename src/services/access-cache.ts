/**
 * @module Access decisions served from memory. Every change that can alter a decision goes through
 * `change(organizationId, work)`: the work runs in a transaction that also notifies other Roster
 * processes (PostgreSQL NOTIFY, delivered at commit), and this process drops the organization's
 * cached entries once the transaction has committed. Dropping detaches the organization's entry, so
 * a load that overlapped the change fills a detached entry and is never served again.
 *
 * On PostgreSQL, while the notification channel is down, entries live at most `untrustedTtlMs`, so
 * another process's change is still honoured within that time.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { compileMember, type CompiledMember, type OrganizationModel } from '../domain/access-model.js';
import { loadMemberModel, loadOrganizationModel } from '../db/queries/access.js';
import type { Database } from '../db/schema.js';
import type { NotifyListener } from '../db/notify-listener.js';
import { inTransaction } from '../db/transaction.js';

const CHANNEL = 'roster_access';

interface OrgEntry {
  loadedAt: number;
  model: Promise<OrganizationModel | null>;
  members: Map<string, { loadedAt: number; member: Promise<CompiledMember | null> }>;
}

export interface AccessCacheOptions {
  /** The process's LISTEN connection on PostgreSQL; absent on SQLite, which is one process's file. */
  listener?: NotifyListener | null;
  /** How long an entry may be trusted while no notification channel is up. */
  untrustedTtlMs?: number;
  maxMembersPerOrganization?: number;
  maxOrganizations?: number;
}

export function createAccessCache(db: Kysely<Database>, options: AccessCacheOptions = {}) {
  const orgs = new Map<string, OrgEntry>();
  const untrustedTtlMs = options.untrustedTtlMs ?? 500;
  const maxMembers = options.maxMembersPerOrganization ?? 100_000;
  const maxOrganizations = options.maxOrganizations ?? 10_000;
  const listener = options.listener ?? null;
  const invalidate = (organizationId: string): void => void orgs.delete(organizationId);
  listener?.on(CHANNEL, invalidate);
  listener?.onReset(() => orgs.clear());

  // SQLite is one process's file; on PostgreSQL entries are trusted while other processes' changes can reach us.
  const fresh = (loadedAt: number) => !listener || listener.listening || Date.now() - loadedAt < untrustedTtlMs;

  function orgEntry(organizationId: string): OrgEntry {
    let entry = orgs.get(organizationId);
    if (!entry || !fresh(entry.loadedAt)) {
      const model = loadOrganizationModel(db, organizationId);
      entry = { loadedAt: Date.now(), model, members: new Map() };
      // Bounded memory: requests for many (even non-existent) organizations can not grow the cache.
      if (orgs.size >= maxOrganizations) orgs.clear();
      orgs.set(organizationId, entry);
      // A failed load must not stay cached.
      model.catch(() => { if (orgs.get(organizationId) === entry) orgs.delete(organizationId); });
    }
    return entry;
  }

  // Not `async`: a cached entry's own promise is handed back as it is, so a check on an already
  // resolved entry costs one await in the caller rather than the extra turns of wrapping it again.
  function member(organizationId: string, userId: string): Promise<CompiledMember | null> {
    const entry = orgEntry(organizationId);
    const cached = entry.members.get(userId);
    if (cached && fresh(cached.loadedAt)) return cached.member;
    const load = (async () => {
      const [model, m] = await Promise.all([entry.model, loadMemberModel(db, organizationId, userId)]);
      return model && m ? compileMember(model, m) : null;
    })();
    if (entry.members.size >= maxMembers) entry.members.clear();
    const slot = { loadedAt: Date.now(), member: load };
    entry.members.set(userId, slot);
    load.catch(() => { if (entry.members.get(userId) === slot) entry.members.delete(userId); });
    return load;
  }

  return {
    member,
    invalidate,

    async organizationExists(organizationId: string): Promise<boolean> {
      return (await orgEntry(organizationId).model) !== null;
    },

    /** Runs a change to access data in one transaction, then makes every process forget the organization. */
    async change<T>(organizationId: string, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      try {
        return await inTransaction(db, async (trx) => {
          const result = await work(trx);
          if (listener) await sql`select pg_notify(${CHANNEL}, ${organizationId})`.execute(trx);
          return result;
        });
      } finally {
        invalidate(organizationId);
      }
    },

  };
}

export type AccessCache = ReturnType<typeof createAccessCache>;
