import { openDatabase } from '../src/db/connect.js';
import { sql } from 'kysely';
const h = openDatabase({ url: '/tmp/plan-test/roster.sqlite' });
const q = h.db.selectFrom('members').select('email_key').where('organization_id', '=', 'x').where('status', 'in', ['active', 'inactive']).where('email_key', 'in', ['a','b']).compile();
console.log(q.sql);
const r = await sql.raw(`explain query plan ${q.sql}`.replace(/\?/g, "'a'")).execute(h.db);
console.log(r.rows);
await h.close();
