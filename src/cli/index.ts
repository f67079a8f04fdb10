/**
 * @module The `roster` command: serve, migrate, create-admin. Each command has `--help`.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig, loadDotEnv } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { RosterError } from '../domain/errors.js';
import { createPasswordHasher } from '../services/passwords.js';
import { createUserService } from '../services/users.js';
import { startServer } from '../server.js';

const USAGE = `Usage: roster <command> [options]

Commands:
  serve          Run the API and console (applies migrations first)
  migrate        Apply database migrations and exit
  create-admin   Create a platform super admin, or promote an existing user

Run "roster <command> --help" for a command's options. Configuration comes from environment
variables (see README.md); a .env file in the working directory is read when present.`;

const HELP: Record<string, string> = {
  serve: `Usage: roster serve\n\nStarts Roster on HOST:PORT (default 127.0.0.1:3000) with the database in DATABASE_URL\n(default: SQLite under DATA_DIR). Migrations are applied before listening.`,
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

  const database = openDatabase({ url: config.databaseUrl });
  try {
    if (command === 'migrate') {
      const { results } = await migrateToLatest(database.db);
      const applied = results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    // create-admin
    if (!values.username || !values.email) {
      console.error(`--username and --email are required.\n\n${HELP['create-admin']}`);
      return 1;
    }
    await migrateToLatest(database.db);
    const users = createUserService(database.db, createPasswordHasher(), { signupEnabled: true });
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
