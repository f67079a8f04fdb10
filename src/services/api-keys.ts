/**
 * @module API keys: credentials for programs, each bound to one organization and a fixed set of
 * permissions no wider than its creator's. The key is `rst_<prefix>_<secret>`: the prefix (public,
 * shown in lists) finds the row, the 256-bit secret is shown once and only its SHA-256 is stored.
 *
 * A key never holds more than its creator: at every request it acts with its own permissions only
 * as far as its creator holds them then, in that organization, read from the access cache that the
 * creator's own requests use (so a demotion or deactivation reaches the key in every process at
 * commit, as it reaches the creator). A key whose creator is not an active member acts for nobody.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CompiledMember } from '../domain/access-model.js';
import { decodeCursor, page } from '../domain/cursor.js';
import { RosterError } from '../domain/errors.js';
import { assertCanGrantPermissions } from '../domain/member-rules.js';
import { intersection, permissionSet, type PermissionSet } from '../domain/permissions.js';
import type { Page } from '../domain/types.js';
import {
  findApiKey, findApiKeyByPrefix, insertApiKey, listApiKeys, revokeApiKey, touchApiKey, type ApiKeyWithCreator,
} from '../db/queries/api-keys.js';
import { newId, now } from '../db/ids.js';
import type { ApiKeyRow, Database } from '../db/schema.js';
import type { NotifyListener } from '../db/notify-listener.js';
import { inTransaction } from '../db/transaction.js';
import type { AccessCache } from './access-cache.js';
import { EVERYTHING, memberPermissions, requirePermission, type Access } from './access.js';
import { record } from './audit.js';
import { createRowCache, type Tag } from './row-cache.js';
// The catalogue knows Roster's permissions and the ones the host application registered.
import { assertKnownPermissions } from './catalog.js';

type Db = Kysely<Database>;

export interface ApiKey {
  id: string;
  name: string;
  /** The public start of the key (`rst_…`), to tell keys apart; it grants nothing alone. */
  prefix: string;
  permissions: string[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  /** The whole key; Roster can not show it again. */
  key: string;
}

export interface ApiKeyInput {
  name: string;
  permissions: string[];
  expiresAt?: string;
}

/** What a valid key presented as a bearer token stands for. */
export interface ApiKeyPrincipal {
  id: string;
  organizationId: string;
  name: string;
  /** The key's own permissions, the most it can do. */
  permissions: PermissionSet;
  /** The person whose current access in the organization bounds the key's; null when there is none. */
  creator: { userId: string; superAdmin: boolean } | null;
}

const KEY_SHAPE = /^(rst_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Writing last-used on every request would turn each read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: JSON.parse(row.permissions) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * The key's creator's membership in the key's organization now, read from the access cache their own
 * requests use; null (no look-up) when there is no creator or they are a super admin. Kept apart from
 * `apiKeyAccess` so that a request awaits the cached entry itself, one turn of the event loop, rather
 * than an async wrapper around it.
 */
export function creatorMembership(cache: AccessCache, key: ApiKeyPrincipal): Promise<CompiledMember | null> | null {
  return key.creator && !key.creator.superAdmin ? cache.member(key.organizationId, key.creator.userId) : null;
}

/**
 * The access a key gives in its organization: its own permissions as far as its creator holds them
 * now (`creator`: from `creatorMembership`), no role, never a super admin. A key whose creator was
 * deactivated or removed is refused with 403 `auth.forbidden`, as a key lacking the permission is;
 * it works again if they come back.
 */
export function apiKeyAccess(key: ApiKeyPrincipal, creator: CompiledMember | null): Access {
  // A super admin may do everything in every organization (seed 000), member or not.
  const held = key.creator?.superAdmin ? EVERYTHING : creator?.active ? memberPermissions(creator) : null;
  if (!held) throw new RosterError('auth.forbidden', 'This API key grants nothing: the person who created it is no longer an active member of the organization');
  return {
    actor: { userId: key.id, displayName: `API key ${key.name}`, superAdmin: false, kind: 'api_key', creatorUserId: key.creator?.userId ?? null },
    organizationId: key.organizationId,
    role: null,
    permissions: intersection(key.permissions, held),
  };
}

/** A key's row as the cache keeps it: what `authenticate` decides on, parsed once. */
interface StoredKey {
  principal: ApiKeyPrincipal;
  secretHash: Buffer;
  revoked: boolean;
  expiresAt: number | null;
  /** When last-used was last written (by this process, or as the row said when read). */
  touchedAt: number;
}

function toStoredKey(row: ApiKeyWithCreator): StoredKey {
  const creator = row.creator_user_id !== null && row.creator_super_admin !== null
    ? { userId: row.creator_user_id, superAdmin: row.creator_super_admin === 1 } : null;
  return {
    principal: Object.freeze({
      id: row.id, organizationId: row.organization_id, name: row.name, permissions: permissionSet(JSON.parse(row.permissions) as string[]), creator,
    }),
    secretHash: Buffer.from(row.secret_hash, 'hex'),
    revoked: row.revoked_at !== null,
    expiresAt: row.expires_at === null ? null : Date.parse(row.expires_at),
    touchedAt: row.last_used_at === null ? 0 : Date.parse(row.last_used_at),
  };
}

/** The secret matches (compared in constant time) and the key is neither revoked nor expired. */
function accepts(key: StoredKey, secret: string, nowMs: number): boolean {
  const presented = hashSecret(secret);
  if (key.secretHash.length !== presented.length || !timingSafeEqual(key.secretHash, presented)) return false;
  return !key.revoked && (key.expiresAt === null || key.expiresAt > nowMs);
}

export function createApiKeyService(db: Db, listener: NotifyListener | null = null) {
  // Programs present their key on every call; its row comes from memory until it is revoked.
  const cache = createRowCache<StoredKey>({ db, listener, max: 10_000 });
  return {
    async create(access: Access, input: ApiKeyInput): Promise<CreatedApiKey> {
      requirePermission(access, 'api_keys.manage');
      const name = input.name.trim();
      if (name === '') throw new RosterError('request.invalid', 'Give the key a name that says which program uses it', 'body.name');
      let expiresAt: string | null = null;
      if (input.expiresAt !== undefined) {
        const at = new Date(input.expiresAt);
        if (at.getTime() <= Date.now()) throw new RosterError('request.invalid', 'expiresAt must be in the future', 'body.expiresAt');
        expiresAt = at.toISOString();
      }
      const permissions = await assertKnownPermissions(db, access.organizationId, input.permissions, 'body.permissions');
      // A key is a way to act without signing in: it must not reach further than its creator.
      assertCanGrantPermissions(access.permissions, permissions, 'body.permissions');
      const prefix = `rst_${randomBytes(6).toString('hex')}`;
      const secret = randomBytes(32).toString('base64url');
      const row: ApiKeyRow = {
        id: newId(), organization_id: access.organizationId, name, prefix,
        secret_hash: hashSecret(secret).toString('hex'), permissions: JSON.stringify(permissions),
        created_by: access.actor.userId,
        // A key made by a key is bounded by the person behind that key, whose access can change.
        creator_user_id: access.actor.kind === 'api_key' ? (access.actor.creatorUserId ?? null) : access.actor.userId,
        created_at: now(), last_used_at: null, expires_at: expiresAt, revoked_at: null,
      };
      await inTransaction(db, async (trx) => {
        await insertApiKey(trx, row);
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'api_key.created', targetType: 'api_key', targetId: row.id, targetDisplayName: row.name,
          after: { name: row.name, prefix, permissions, expiresAt },
        });
      });
      return { ...toApiKey(row), key: `${prefix}_${secret}` };
    },

    async list(access: Access, query: { limit: number; cursor?: string }): Promise<Page<ApiKey>> {
      requirePermission(access, 'api_keys.manage');
      const after = query.cursor ? decodeCursor(query.cursor, 1)[0] : undefined;
      const rows = await listApiKeys(db, access.organizationId, { after, limit: query.limit + 1 });
      const result = page(rows, query.limit, (r) => [r.id]);
      return { items: result.items.map(toApiKey), nextCursor: result.nextCursor };
    },

    /** Revokes a key; every process hears of it at commit (row-cache.ts), so it stops working at once. */
    async revoke(access: Access, id: string): Promise<void> {
      requirePermission(access, 'api_keys.manage');
      await inTransaction(db, async (trx) => {
        const row = await findApiKey(trx, access.organizationId, id);
        if (!row) throw new RosterError('api_key.not_found', 'No such API key in this organization');
        const at = now();
        await revokeApiKey(trx, access.organizationId, id, at);
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'api_key.revoked', targetType: 'api_key', targetId: row.id, targetDisplayName: row.name,
          before: { name: row.name, prefix: row.prefix, permissions: JSON.parse(row.permissions) as string[] }, after: { revokedAt: at },
        });
      });
    },

    /** The key a bearer token stands for, or null when it is malformed, unknown, revoked or expired. */
    async authenticate(token: string): Promise<ApiKeyPrincipal | null> {
      const parts = KEY_SHAPE.exec(token);
      if (!parts) return null;
      const [, prefix = '', secret = ''] = parts;
      const key = cache.get(prefix) ?? (await cache.load(prefix, async () => {
        const row = await findApiKeyByPrefix(db, prefix);
        if (!row) return { value: null, tags: [] };
        // The creator's row too: whether they are a super admin bounds what the key may do.
        const tags: Tag[] = row.creator_user_id === null ? [`api_key:${row.id}`] : [`api_key:${row.id}`, `user:${row.creator_user_id}`];
        return { value: toStoredKey(row), tags };
      }));
      const nowMs = Date.now();
      if (!key || !accepts(key, secret, nowMs)) return null;
      if (nowMs - key.touchedAt >= TOUCH_INTERVAL_MS) {
        key.touchedAt = nowMs;
        await touchApiKey(db, key.principal.id, new Date(nowMs).toISOString(), new Date(nowMs - TOUCH_INTERVAL_MS).toISOString());
      }
      return key.principal;
    },

    close: () => cache.close(),
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
