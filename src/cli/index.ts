/**
 * @module The `roster` command: serve, worker, migrate, create-admin, mailbox. Each command has `--help`.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig, loadDotEnv } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { migrateDatabase } from '../db/migrate.js';
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

Run "roster <command> --help" for a command's options. Configuration comes from environment
variables (see README.md); a .env file in the working directory is read when present.`;

const HELP: Record<string, string> = {
  serve: `Usage: roster serve\n\nStarts Roster on HOST:PORT (default 127.0.0.1:3000) with the database in DATABASE_URL\n(default: SQLite under DATA_DIR). Migrations are applied before listening. The process also\ndelivers queued email (through SMTP_URL when set, else into the dev mailbox) unless\nMAIL_WORKER=false leaves that to "roster worker" processes.`,
  worker: `Usage: roster worker\n\nRuns only the outbox worker: delivers queued email through SMTP_URL (or marks it delivered\nto the dev mailbox when SMTP_URL is not set), retrying failures with backoff, until SIGINT or\nSIGTERM. On PostgreSQL several workers, and the ones inside "roster serve", share one outbox\nwithout sending a message twice. MAIL_POLL_MS and MAIL_LEASE_MS tune it (see README.md).`,
  mailbox: `Usage: roster mailbox [--to ADDRESS] [--limit N]\n\nPrints the most recent email of every organization, newest first: subject, recipient,\ndelivery status and the text body. With SMTP_URL unset this is the dev mailbox, where\ninvitation links are read during development.\n\n  --to ADDRESS   only messages to this address (any case)\n  --limit N      how many messages (default 20, at most 1000)`,
  migrate: `Usage: roster migrate\n\nApplies every pending migration to the database in DATABASE_URL (default: SQLite under\nDATA_DIR) and prints what it applied.`,
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
