/**
 * @module `npm run bench`: runs every benchmark one after the other (never two at once, they would
 * measure each other) and rewrites docs/benchmarks.md with the figures, their goals and the machine.
 * Each benchmark also runs alone: `npx tsx bench/me.ts`, `bench/members.ts`, `bench/authz-inprocess.ts`, `bench/signin.ts` (with
 * `bench/signin-overhead.ts`), `bench/invitations.ts`, `bench/authz-http.ts`, `bench/console.ts`, `bench/me-processes.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAuthzInProcess, DEFAULT_AUTHZ } from './authz-inprocess.js';
import { benchInvitations, DEFAULT_INVITATIONS } from './invitations.js';
import { benchAuthzHttp, DEFAULT_AUTHZ_HTTP } from './authz-http.js';
import { benchConsole } from './console.js';
import { log, ROOT, round } from './lib.js';
import { benchMe, DEFAULT_LOAD } from './me.js';
import { benchMeProcesses, DEFAULT_ME_PROCESSES } from './me-processes.js';
import { benchMembers, DEFAULT_MEMBERS } from './members.js';
import { renderReport, timed } from './report.js';
import { writeScaleReport } from './scale-report.js';
import { benchSignIn, DEFAULT_SIGNIN } from './signin.js';

const started = performance.now();
const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

log('1/8 GET /api/v1/me beside a bare Fastify route');
const me = await timed(() => benchMe(['sqlite', 'postgres'], DEFAULT_LOAD));
log('2/8 members list at 100,000 members and at 1,000,000 users');
const members = await timed(() => benchMembers(['sqlite', 'postgres'], DEFAULT_MEMBERS));
log('3/8 access checks in process');
const authz = await timed(() => benchAuthzInProcess(DEFAULT_AUTHZ));
log('4/8 sign-ins beside argon2id alone, and 10,000 sessions');
const signin = await timed(() => benchSignIn(['sqlite', 'postgres'], DEFAULT_SIGNIN));
log('5/8 invitations, CSV import and outbox delivery');
const invitations = await timed(() => benchInvitations(['sqlite', 'postgres'], DEFAULT_INVITATIONS));
log('6/8 authorization check over HTTP, 50 connections');
const authzHttp = await timed(() => benchAuthzHttp(['sqlite', 'postgres'], DEFAULT_AUTHZ_HTTP));
log('7/8 the console: JavaScript on first load, first rows of the Users page in 100,000 members');
const consoleFigures = await timed(() => benchConsole());
log('8/8 GET /api/v1/me from 2 Roster processes beside 1, 1,000,000 users on PostgreSQL');
const meProcesses = await timed(() => benchMeProcesses(DEFAULT_ME_PROCESSES));

const report = renderReport({
  date, command: 'npm run bench', totalSeconds: round((performance.now() - started) / 1000, 0),
  me, meOptions: DEFAULT_LOAD, members, membersOptions: DEFAULT_MEMBERS, authz, signin, invitations, authzHttp, console: consoleFigures,
  meProcesses,
});
const file = join(ROOT, 'docs', 'benchmarks.md');
writeFileSync(file, report);
log(`wrote ${file}`);
writeScaleReport(members.result, date, 'npm run bench');
console.log(report.slice(report.indexOf('## Goals'), report.indexOf('## 1.')).trim());
