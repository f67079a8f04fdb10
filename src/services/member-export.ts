/**
 * @module The members export (CSV, members.read): every member, or those of one status, read a page
 * of 1,000 at a time by keyset on (username, user id) and written out as it is read, so an export of
 * 100,000 members never holds them all in memory and pages stay stable under concurrent writes.
 */
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { EXPORT_COLUMNS, exportCells } from '../domain/member-export.js';
import type { MemberStatus } from '../domain/types.js';
import { listMembers, toMember } from '../db/queries/members.js';
import type { Database } from '../db/schema.js';
import { requirePermission, type Access } from './access.js';

type Db = Kysely<Database>;

const PAGE = 1000;
const CSV = { record_delimiter: 'windows' as const };

export function createMemberExportService(db: Db) {
  return {
    /** Checks the permission at once, then yields the CSV text a page at a time, header first. */
    csv(access: Access, status?: MemberStatus): AsyncIterable<string> {
      requirePermission(access, 'members.read');
      const organizationId = access.organizationId;
      return (async function* () {
        yield stringify([[...EXPORT_COLUMNS]], CSV);
        let after: [string, string] | undefined;
        for (;;) {
          const rows = await listMembers(db, organizationId, { status, after, limit: PAGE });
          if (rows.length > 0) yield stringify(rows.map((r) => exportCells(toMember(r))), CSV);
          if (rows.length < PAGE) return;
          const last = rows[rows.length - 1]!;
          after = [last.username_key, last.user_id];
        }
      })();
    },
  };
}
