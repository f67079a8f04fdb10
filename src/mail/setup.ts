/**
 * @module Builds the outbox worker from the configuration: SMTP when SMTP_URL is set, else the dev
 * mailbox; bounces go to the invitation service (seed 004).
 */
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Services } from '../services/index.js';
import { createTransport } from './transport.js';
import { createOutboxWorker, type OutboxWorker, type WorkerOptions } from './worker.js';

export type MailLog = NonNullable<WorkerOptions['log']>;

export function createMailWorker(config: Config, database: DatabaseHandle, services: Services, log: MailLog): OutboxWorker {
  const transport = createTransport(config.smtpUrl, new URL(config.publicUrl).hostname);
  if (transport.kind === 'mailbox') {
    log.info({}, 'SMTP_URL is not set: email is not sent but kept in the dev mailbox (GET /api/v1/organizations/{organizationId}/mailbox, or `roster mailbox`)');
  } else {
    log.info({ smtp: redactedSmtpUrl(config.smtpUrl!) }, 'email goes out through the SMTP server in SMTP_URL');
  }
  return createOutboxWorker({
    db: database.db, dialect: database.dialect, transport, from: config.smtpFrom, log,
    pollMs: config.mailPollMs, leaseMs: config.mailLeaseMs,
    onBounce: (trx, row, reason) => services.invitations.handleBounce(trx, row, reason),
  });
}

/** The SMTP URL without its password, for the log. */
function redactedSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an SMTP_URL that is not a URL';
  }
}
