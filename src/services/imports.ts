/**
 * @module CSV imports (seed 004 "add users in bulk"): a file of invitees, one a row, checked as a
 * whole — a dry run answers every row's problems and changes nothing — then imported in one of two
 * modes. `skip_invalid` invites the valid rows and reports the others, committing 1,000 rows at a
 * time so the import's progress shows while it runs; `all_or_nothing` imports nothing unless every
 * row is valid, and then every row in one transaction. Each invitee gets the invitation email of
 * the invitation service, queued in the transaction that creates the invitation.
 *
 * The checks read in sets, never row by row: the catalogue once, members and pending invitations by
 * 500 addresses a query, so 100,000 rows cost a few hundred queries.
 */
import type { Kysely } from 'kysely';
import { decodeCursor, page } from '../domain/cursor.js';
import { RosterError } from '../domain/errors.js';
import {
  checkImportGrants, readImportFile, sortProblems, type ImportCatalog, type ImportGrants, type ImportProblem, type ImportRow as FileRow,
} from '../domain/imports.js';
import { modulePermissions } from '../domain/catalog-rules.js';
import { BUILTIN_ROLES, isBuiltinRole, ROSTER_PERMISSIONS } from '../domain/permissions.js';
import type { ResourceScope } from '../domain/access-model.js';
import { emailKey } from '../domain/username.js';
import { newId, now, randomToken } from '../db/ids.js';
import { findPendingByEmails, memberEmailKeys } from '../db/queries/invitations.js';
import {
  existingResourceIds, findImport, insertImport, listImports, loadImportCatalog, updateImport,
} from '../db/queries/imports.js';
import { insertInvitations, updateInvitation } from '../db/queries/invitations.js';
import type { Database, ImportRow, InvitationRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { enqueueMail, type OutgoingMail } from '../mail/outbox.js';
import { holdsResource, requirePermission, type Access } from './access.js';
import { record, type AuditEntry } from './audit.js';
import { draftInvitation, hashInvitationToken, isInvitableAddress, openInvitationBatch, type InvitationBatch } from './invitations.js';
import type { MailSettings } from './mail.js';

type Db = Kysely<Database>;

export type ImportMode = ImportRow['mode'];

/** Rows per transaction in `skip_invalid` mode: each commit makes the progress visible. */
export const IMPORT_CHUNK_ROWS = 1000;

export interface Import {
  id: string;
  mode: ImportMode;
  status: ImportRow['status'];
  totalRows: number;
  processedRows: number;
  /** Rows whose address was invited (or whose pending invitation was sent again with the new terms). */
  invitedRows: number;
  skippedRows: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Every problem of every skipped row; left out of lists. */
  problems?: ImportProblem[];
}

export interface DryRunReport {
  dryRun: true;
  mode: ImportMode;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  problems: ImportProblem[];
}

interface ValidRow {
  row: FileRow;
  key: string;
  grants: ImportGrants;
}

/** A valid row about to be written, with the token its invitation link will carry. */
interface OrderedRow extends ValidRow {
  token: string;
}

interface CheckedFile {
  rows: FileRow[];
  valid: Map<number, ValidRow>;
  problems: ImportProblem[];
}

/** How often a running import writes its heartbeat, and how old the last one may be before the import counts as interrupted. */
export const IMPORT_HEARTBEAT_MS = 5_000;
export const IMPORT_INTERRUPTED_AFTER_MS = 30_000;

/**
 * A running import whose heartbeat stopped was interrupted: its process died (a crash, kill -9)
 * with the import's transaction open, or between two chunks. It shows as failed, finished when it
 * was last seen alive, with the counts of what it had committed.
 */
function interrupted(row: Pick<ImportRow, 'status' | 'created_at' | 'heartbeat_at'>): boolean {
  const lastSeen = row.heartbeat_at ?? row.created_at;
  return row.status === 'running' && Date.parse(lastSeen) < Date.now() - IMPORT_INTERRUPTED_AFTER_MS;
}

const toImport = (row: Omit<ImportRow, 'problems'> & { problems?: string }): Import => ({
  id: row.id,
  mode: row.mode,
  ...(interrupted(row) ? { status: 'failed' as const, finishedAt: row.heartbeat_at ?? row.created_at } : { status: row.status, finishedAt: row.finished_at }),
  totalRows: row.total_rows,
  processedRows: row.processed_rows,
  invitedRows: row.invited_rows,
  skippedRows: row.skipped_rows,
  createdBy: row.created_by,
  createdAt: row.created_at,
  ...(row.problems === undefined ? {} : { problems: JSON.parse(row.problems) as ImportProblem[] }),
});

/** Lets the event loop answer other requests (a progress query among them) between chunks: on SQLite every query settles without it. */
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The valid rows in the order they are written: by address, each with a fresh token, the tokens
 * handed out in the order of their hashes. Both unique indexes an invitation goes into (address;
 * token hash) then fill in one sweep instead of at random places, so a commit rewrites few of their
 * pages: on SQLite a 100,000-row import writes far fewer bytes. Each token is as random as any;
 * only which address gets which one is sorted.
 */
function inWriteOrder(valid: Iterable<ValidRow>): OrderedRow[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rows = [...valid].sort((a, b) => byText(a.key, b.key));
  const tokens = rows.map(() => {
    const token = randomToken();
    return { token, hash: hashInvitationToken(token) };
  }).sort((a, b) => byText(a.hash, b.hash));
  return rows.map((r, i) => ({ ...r, token: tokens[i]!.token }));
}

/** The catalogue a file is checked against, with the resources it names, read once. */
async function loadCatalog(db: Db, organizationId: string, rows: readonly FileRow[]): Promise<ImportCatalog> {
  const c = await loadImportCatalog(db, organizationId);
  const roles = new Map(c.roles.map((r) => [r.key, {
    // Owner and admin hold everything whatever their stored list says, as everywhere else.
    permissions: isBuiltinRole(r.key) && r.key !== 'member' ? [...BUILTIN_ROLES[r.key].permissions] : JSON.parse(r.permissions) as string[],
    resourceScopes: JSON.parse(r.resource_scopes) as Record<string, ResourceScope>,
  }]));
  const resourceTypes = new Set(c.resourceTypes);
  const named = new Map<string, Set<string>>();
  for (const { resources } of rows) {
    for (const r of resources) {
      if (!resourceTypes.has(r.type)) continue;
      const ids = named.get(r.type) ?? new Set<string>();
      named.set(r.type, ids.add(r.id));
    }
  }
  const resources = new Map<string, Set<string>>();
  for (const [type, ids] of named) resources.set(type, await existingResourceIds(db, organizationId, type, [...ids]));
  return {
    roles,
    groups: new Map(c.groups.map((g) => [g.name_key, { id: g.id, name: g.name, permissions: JSON.parse(g.permissions) as string[] }])),
    permissions: new Set([...Object.keys(ROSTER_PERMISSIONS), ...c.appPermissions.map((p) => p.key), ...c.modules.flatMap(modulePermissions)]),
    allowedRoles: new Map(c.appPermissions.filter((p) => p.allowed_roles !== null).map((p) => [p.key, new Set(JSON.parse(p.allowed_roles!) as string[])])),
    resourceTypes,
    resources,
  };
}

export function createImportService(db: Db, mail: MailSettings) {
  /** Reads and checks the whole file; changes nothing. */
  async function check(access: Access, csv: string): Promise<CheckedFile> {
    const file = readImportFile(csv);
    const catalog = await loadCatalog(db, access.organizationId, file.rows);
    const importer = { permissions: access.permissions, holdsResource: (type: string, id: string) => holdsResource(access, type, id) };
    const problems = [...file.problems];
    const broken = new Set(file.problems.map((p) => p.row));
    const firstRowOf = new Map<string, number>();
    const candidates: ValidRow[] = [];
    for (const row of file.rows) {
      let key: string | null = null;
      if (row.email === '') problems.push({ row: row.row, field: 'email', message: 'An email address is required' });
      else if (!isInvitableAddress(row.email)) problems.push({ row: row.row, field: 'email', message: `"${row.email.slice(0, 254)}" is not an email address` });
      else {
        key = emailKey(row.email);
        const first = firstRowOf.get(key);
        if (first !== undefined) {
          problems.push({ row: row.row, field: 'email', message: `${row.email} is on row ${first} already` });
          key = null;
        } else {
          firstRowOf.set(key, row.row);
        }
      }
      const { problems: grantProblems, grants } = checkImportGrants(row, catalog, importer);
      problems.push(...grantProblems);
      if (key !== null && grants && !broken.has(row.row)) candidates.push({ row, key, grants });
    }
    const members = await memberEmailKeys(db, access.organizationId, candidates.map((c) => c.key));
    const valid = new Map<number, ValidRow>();
    for (const c of candidates) {
      if (members.has(c.key)) problems.push({ row: c.row.row, field: 'email', message: `${c.row.email} is a member of this organization already` });
      else valid.set(c.row.row, c);
    }
    return { rows: file.rows, valid, problems: sortProblems(problems) };
  }

  /**
   * Invites a set of checked rows in the caller's transaction. Membership and pending invitations
   * are read again here, so a row whose address joined since the check is skipped, not doubled.
   */
  async function inviteRows(trx: Db, access: Access, batch: InvitationBatch, rows: readonly OrderedRow[]): Promise<{ invited: number; late: ImportProblem[] }> {
    if (rows.length === 0) return { invited: 0, late: [] };
    const keys = rows.map((r) => r.key);
    const members = await memberEmailKeys(trx, access.organizationId, keys);
    const pending = new Map((await findPendingByEmails(trx, access.organizationId, keys)).map((r) => [r.email_key, r]));
    const late: ImportProblem[] = [];
    // Drafted and written 200 at a time: each slice's emails are garbage before the next is drafted.
    for (let i = 0; i < rows.length; i += 200) {
      const fresh: InvitationRow[] = [];
      const mails: OutgoingMail[] = [];
      const audits: AuditEntry[] = [];
      for (const { row, key, grants, token } of rows.slice(i, i + 200)) {
        if (members.has(key)) {
          late.push({ row: row.row, field: 'email', message: `${row.email} joined the organization while the import ran` });
          continue;
        }
        const existing = pending.get(key);
        // A pending invitation to the address is sent again with the row's terms, as inviting it again would.
        const draft = draftInvitation(batch, { ...grants, note: row.note, firstName: row.firstName, lastName: row.lastName }, row.email, existing, token);
        if (existing && draft.changes) await updateInvitation(trx, access.organizationId, existing.id, draft.changes);
        else fresh.push(draft.row);
        mails.push(draft.mail);
        audits.push(draft.audit);
      }
      await insertInvitations(trx, fresh);
      await enqueueMail(trx, ...mails);
      await record(trx, access.actor, ...audits);
    }
    return { invited: rows.length - late.length, late };
  }

  const finishedAudit = (access: Access, row: Pick<ImportRow, 'id' | 'mode' | 'total_rows' | 'invited_rows' | 'skipped_rows'>): AuditEntry => ({
    organizationId: access.organizationId, action: 'import.finished', targetType: 'import', targetId: row.id, targetDisplayName: `${row.total_rows} rows`,
    after: { mode: row.mode, totalRows: row.total_rows, invitedRows: row.invited_rows, skippedRows: row.skipped_rows },
  });

  /** Every row in one transaction; one invalid row, even one that turned invalid meanwhile, imports nothing. */
  async function importAll(access: Access, checked: CheckedFile, row: ImportRow): Promise<void> {
    await inTransaction(db, async (trx) => {
      const batch = await openInvitationBatch(trx, access, mail.publicUrl, row.id);
      const valid = inWriteOrder(checked.valid.values());
      const late: ImportProblem[] = [];
      for (let i = 0; i < valid.length; i += IMPORT_CHUNK_ROWS) {
        late.push(...(await inviteRows(trx, access, batch, valid.slice(i, i + IMPORT_CHUNK_ROWS))).late);
        // The transaction stays open, but the process keeps answering what needs no database meanwhile.
        await yieldToOtherRequests();
      }
      if (late.length > 0) {
        throw new RosterError('import.rows_invalid', `${late.length} of ${row.total_rows} rows became invalid while importing; nothing was imported`, 'body', { problems: late });
      }
      const done = { ...row, status: 'finished' as const, processed_rows: row.total_rows, invited_rows: valid.length, finished_at: now() };
      await updateImport(trx, access.organizationId, row.id, { status: done.status, processed_rows: done.processed_rows, invited_rows: done.invited_rows, finished_at: done.finished_at });
      await record(trx, access.actor, finishedAudit(access, done));
    });
  }

  /**
   * The invalid rows are skipped at once (the import starts with them counted); the valid ones are
   * invited a chunk a transaction, with the counts updated in each. The last transaction also
   * finishes the import, so a running import never shows every row processed.
   */
  async function importValid(access: Access, checked: CheckedFile, row: ImportRow): Promise<void> {
    const batch = await openInvitationBatch(db, access, mail.publicUrl, row.id);
    const rows = inWriteOrder(checked.valid.values());
    const skippedAtOnce = checked.rows.length - rows.length;
    const late: ImportProblem[] = [];
    let invited = 0;
    for (let i = 0; i === 0 || i < rows.length; i += IMPORT_CHUNK_ROWS) {
      const chunk = rows.slice(i, i + IMPORT_CHUNK_ROWS);
      await inTransaction(db, async (trx) => {
        const result = await inviteRows(trx, access, batch, chunk);
        late.push(...result.late);
        invited += result.invited;
        const processed = skippedAtOnce + i + chunk.length;
        const counts = { processed_rows: processed, invited_rows: invited, skipped_rows: processed - invited };
        if (i + IMPORT_CHUNK_ROWS < rows.length) {
          await updateImport(trx, access.organizationId, row.id, counts);
          return;
        }
        const finished = { status: 'finished' as const, finished_at: now(), ...counts };
        await updateImport(trx, access.organizationId, row.id, { ...finished, ...(late.length > 0 ? { problems: JSON.stringify(sortProblems([...checked.problems, ...late])) } : {}) });
        await record(trx, access.actor, finishedAudit(access, { ...row, ...finished }));
      });
      await yieldToOtherRequests();
    }
  }

  return {
    /**
     * Checks a CSV file and, unless it is a dry run, imports it. A dry run answers every problem of
     * every row. An all-or-nothing import of a file with problems is refused with all of them.
     */
    async run(access: Access, csv: unknown, options: { mode: ImportMode; dryRun: boolean }): Promise<DryRunReport | Import> {
      requirePermission(access, 'members.invite');
      if (csv === undefined || csv === null || csv === '') {
        throw new RosterError('import.invalid_csv', 'Send the CSV file as the request body, with Content-Type: text/csv', 'body');
      }
      if (typeof csv !== 'string') throw new RosterError('media_type.unsupported', 'Send the CSV file as the request body, with Content-Type: text/csv');
      const checked = await check(access, csv);
      const totalRows = checked.rows.length;
      const invalidRows = totalRows - checked.valid.size;
      if (options.dryRun) return { dryRun: true, mode: options.mode, totalRows, validRows: checked.valid.size, invalidRows, problems: checked.problems };
      if (options.mode === 'all_or_nothing' && invalidRows > 0) {
        throw new RosterError('import.rows_invalid', `${invalidRows} of ${totalRows} rows have problems; nothing was imported. Fix them, or import with mode=skip_invalid`, 'body', { problems: checked.problems });
      }
      const row: ImportRow = {
        id: newId(), organization_id: access.organizationId, mode: options.mode, status: 'running', total_rows: totalRows,
        processed_rows: invalidRows, invited_rows: 0, skipped_rows: invalidRows, problems: JSON.stringify(checked.problems),
        created_by: access.actor.kind === 'api_key' ? null : access.actor.userId, created_at: now(), finished_at: null, heartbeat_at: now(),
      };
      await insertImport(db, row);
      // Outside the import's transactions, through another connection: shows the import is still alive.
      const heartbeat = setInterval(() => void updateImport(db, access.organizationId, row.id, { heartbeat_at: now() }).catch(() => {}), IMPORT_HEARTBEAT_MS);
      heartbeat.unref();
      try {
        if (options.mode === 'all_or_nothing') await importAll(access, checked, row);
        else await importValid(access, checked, row);
      } catch (error) {
        const late = error instanceof RosterError && error.code === 'import.rows_invalid' ? (error.extensions?.problems as ImportProblem[]) : [];
        await updateImport(db, access.organizationId, row.id, { status: 'failed', finished_at: now(), problems: JSON.stringify(sortProblems([...checked.problems, ...late])) });
        throw error;
      } finally {
        clearInterval(heartbeat);
        mail.wake();
      }
      return toImport((await findImport(db, access.organizationId, row.id))!);
    },

    async list(access: Access, query: { limit: number; cursor?: string }): Promise<{ items: Import[]; nextCursor: string | null }> {
      requirePermission(access, 'members.invite');
      const before = query.cursor ? decodeCursor(query.cursor, 1)[0] : undefined;
      const result = page(await listImports(db, access.organizationId, { before, limit: query.limit + 1 }), query.limit, (r) => [r.id]);
      return { items: result.items.map(toImport), nextCursor: result.nextCursor };
    },

    /** One import with its progress and every problem found so far. */
    async get(access: Access, id: string): Promise<Import> {
      requirePermission(access, 'members.invite');
      const row = await findImport(db, access.organizationId, id);
      if (!row) throw new RosterError('import.not_found', 'No such import in this organization');
      return toImport(row);
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
