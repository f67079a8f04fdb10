/**
 * @module The `roster` command: serve, worker, migrate, create-admin, mailbox, seed. Each command has `--help`.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig, loadDotEnv } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { migrateDatabase } from '../db/migrate.js';
import { randomToken } from '../db/ids.js';
import { DEFAULT_SEED, seedDatabase, SeedRefused, type SeedResult } from '../db/seed/seed.js';
import { RosterError } from '../domain/errors.js';
import { createMailboxService, type MailboxMessage } from '../services/mail.js';
import { createPasswordPolicyService } from '../services/password-policy.js';
import { createPasswordHasher } from '../services/passwords.js';
import { createUserService } from '../services/users.js';
import { startServer } from '../server.js';
import { startMailWorker } from '../worker.js';

const USAGE = `Usage: roster <command> [options]

Commands:
  serve          Run the API and console, and deliver queued email (applies migrations first)
  worker         Deliver queued email only, until stopped (no API)
  migrate        Apply database migrations and exit
  create-admin   Create a platform super admin, or promote an existing user
  mailbox        Print recent email from the outbox (the dev mailbox when SMTP_URL is not set)
  seed           Fill an empty database with generated organizations and members (a million by default)

Run "roster <command> --help" for a command's options. Configuration comes from environment
variables (see README.md); a .env file in the working directory is read when present.`;

const HELP: Record<string, string> = {
  serve: `Usage: roster serve\n\nStarts Roster on HOST:PORT (default 127.0.0.1:3000) with the database in DATABASE_URL\n(default: SQLite under DATA_DIR). Migrations are applied before listening. The process also\ndelivers queued email (through SMTP_URL when set, else into the dev mailbox) unless\nMAIL_WORKER=false leaves that to "roster worker" processes.`,
  worker: `Usage: roster worker\n\nRuns only the outbox worker: delivers queued email through SMTP_URL (or marks it delivered\nto the dev mailbox when SMTP_URL is not set), retrying failures with backoff, until SIGINT or\nSIGTERM. On PostgreSQL several workers, and the ones inside "roster serve", share one outbox\nwithout sending a message twice. MAIL_POLL_MS and MAIL_LEASE_MS tune it (see README.md).`,
  mailbox: `Usage: roster mailbox [--to ADDRESS] [--limit N]\n\nPrints the most recent email of every organization, newest first: subject, recipient,\ndelivery status and the text body. With SMTP_URL unset this is the dev mailbox, where\ninvitation links are read during development.\n\n  --to ADDRESS   only messages to this address (any case)\n  --limit N      how many messages (default 20, at most 1000)`,
  migrate: `Usage: roster migrate\n\nApplies every pending migration to the database in DATABASE_URL (default: SQLite under\nDATA_DIR) and prints what it applied.`,
  seed: `Usage: roster seed [--users N] [--organizations N] [--largest N] [--groups N] [--seed N]

Fills the empty database in DATABASE_URL (default: SQLite under DATA_DIR; migrations are applied
first) with generated users, each a member of one organization: the largest organization has
--largest members and --groups groups, the other organizations share the remaining users. Each
organization has its built-in roles and an owner; about 1% of members are admins and 10% are
deactivated. Every user's password is ROSTER_SEED_PASSWORD, or a random one printed at the end.

  --users N           users in all (default ${DEFAULT_SEED.users.toLocaleString('en')})
  --organizations N   organizations (default ${DEFAULT_SEED.organizations.toLocaleString('en')})
  --largest N         members of the largest organization (default ${DEFAULT_SEED.largest.toLocaleString('en')})
  --groups N          groups in the largest organization, about half its members in one (default ${DEFAULT_SEED.groups})
  --seed N            the same number makes the same people (default ${DEFAULT_SEED.seed})`,
  'create-admin': `Usage: roster create-admin --username NAME --email ADDRESS [--first-name F] [--last-name L]\n\nCreates a super admin: an operator who manages every organization of this instance.\nThe password is read from ROSTER_ADMIN_PASSWORD, or asked for on the terminal.\nAn existing user with that username is promoted instead, keeping their password.`,
};

async function readPassword(): Promise<string> {
  if (process.env.ROSTER_ADMIN_PASSWORD) return process.env.ROSTER_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Password (at least 12 characters): ')).trim();
  } finally {
    rl.close();
  }
}

function printMailbox(messages: MailboxMessage[], smtp: boolean, to: string | undefined): string {
  const where = smtp ? 'SMTP_URL is set: these went to the mail server' : 'SMTP_URL is not set: this is the dev mailbox, nothing left this machine';
  if (messages.length === 0) return `No email${to ? ` to ${to}` : ''} yet (${where}).`;
  const header = `${messages.length} message${messages.length === 1 ? '' : 's'}${to ? ` to ${to}` : ''}, newest first (${where}).`;
  const shown = messages.map((m) => [
    `── ${m.createdAt}  ${m.status}${m.lastError ? ` (${m.lastError})` : ''}  ${m.kind}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    '',
    m.text.trimEnd(),
  ].join('\n'));
  return [header, ...shown].join('\n\n');
}

function printSeeded(result: SeedResult, password: string, generatedPassword: boolean): string {
  const l = result.largest;
  const count = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ');
  return [
    `Seeded ${result.users.toLocaleString('en')} users in ${(result.milliseconds / 1000).toFixed(1)} s.`,
    `Largest organization: ${l.name} (${l.id}), ${l.members.toLocaleString('en')} members (${count(result.roles)}; ${count(result.statuses)}), ${l.groups.length} groups.`,
    `Its owner signs in as ${l.owner}${generatedPassword ? ` with the password ${password}` : ' with ROSTER_SEED_PASSWORD'}; every seeded user has that password.`,
  ].join('\n');
}

/** `roster seed`: sizes from the options, the password from ROSTER_SEED_PASSWORD or made up and printed. */
async function seed(url: string, values: Partial<Record<'users' | 'organizations' | 'largest' | 'groups' | 'seed', string>>): Promise<number> {
  const whole = (text: string | undefined, fallback: number) => (text === undefined ? fallback : /^\d+$/.test(text.replaceAll('_', '')) ? Number(text.replaceAll('_', '')) : Number.NaN);
  const options = {
    users: whole(values.users, DEFAULT_SEED.users),
    organizations: whole(values.organizations, DEFAULT_SEED.organizations),
    largest: whole(values.largest, values.users === undefined ? DEFAULT_SEED.largest : Math.ceil(whole(values.users, 0) / 5)),
    groups: whole(values.groups, DEFAULT_SEED.groups),
    seed: whole(values.seed, DEFAULT_SEED.seed),
  };
  const password = process.env.ROSTER_SEED_PASSWORD || randomToken().slice(0, 20);
  try {
    const result = await seedDatabase(url, { ...options, password }, (message) => console.error(`seed: ${message}`));
    console.log(printSeeded(result, password, !process.env.ROSTER_SEED_PASSWORD));
    return 0;
  } catch (error) {
    if (error instanceof SeedRefused) {
      console.error(`${error.message}\n\n${HELP.seed}`);
      return 1;
    }
    throw error;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (!HELP[command]) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      help: { type: 'boolean', short: 'h' },
      username: { type: 'string' }, email: { type: 'string' },
      to: { type: 'string' }, limit: { type: 'string' },
      'first-name': { type: 'string' }, 'last-name': { type: 'string' },
      users: { type: 'string' }, organizations: { type: 'string' }, largest: { type: 'string' }, groups: { type: 'string' }, seed: { type: 'string' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();

  if (command === 'serve') {
    await startServer(config);
    return 0;
  }
  if (command === 'worker') {
    const worker = await startMailWorker(config);
    console.log(`Roster's outbox worker ${worker.id} is delivering email ${config.smtpUrl ? 'through SMTP_URL' : 'into the dev mailbox (SMTP_URL is not set)'}; stop it with Ctrl-C or SIGTERM.`);
    return 0;
  }

  if (command === 'seed') return seed(config.databaseUrl, values);

  const database = openDatabase({ url: config.databaseUrl });
  try {
    if (command === 'migrate') {
      const { results } = await migrateDatabase(database);
      const applied = results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    if (command === 'mailbox') {
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        console.error(`--limit must be a whole number from 1 to 1000.\n\n${HELP.mailbox}`);
        return 1;
      }
      await migrateDatabase(database);
      const messages = await createMailboxService(database.db, {}).recent({ to: values.to, limit });
      console.log(printMailbox(messages, config.smtpUrl !== null, values.to));
      return 0;
    }
    // create-admin
    if (!values.username || !values.email) {
      console.error(`--username and --email are required.\n\n${HELP['create-admin']}`);
      return 1;
    }
    await migrateDatabase(database);
    const users = createUserService(database.db, createPasswordPolicyService(database.db, createPasswordHasher()), { signupEnabled: true });
    const { user, created } = await users.createSuperAdmin({
      username: values.username,
      email: values.email,
      firstName: values['first-name'] ?? values.username,
      lastName: values['last-name'] ?? '',
      password: await readPassword(),
    });
    console.log(created ? `Created super admin ${user.username} (${user.email}).` : `${user.username} is now a super admin.`);
    return 0;
  } catch (error) {
    if (error instanceof RosterError) {
      console.error(`${error.message}${error.field ? ` (${error.field.replace(/^body\./, '--')})` : ''}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
