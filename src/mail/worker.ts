/**
 * @module The outbox worker: claims due messages, delivers them, and records the outcome. Several
 * workers (several processes on PostgreSQL) share one outbox: a claim takes rows with
 * `FOR UPDATE SKIP LOCKED` and leases them, so no two workers send the same row; a lease that runs
 * out (the worker died mid-delivery) makes its rows due again. Failures that may pass are retried
 * with exponential backoff; a permanent refusal (5xx) is reported to `onBounce` (seed 004).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, OutboxRow } from '../db/schema.js';
import { DeliveryError, type MailTransport } from './transport.js';

export interface WorkerOptions {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  transport: MailTransport;
  from: string;
  /** Called in its own transaction when the mail server refuses an address for good. */
  onBounce?: (trx: Kysely<Database>, row: OutboxRow, reason: string) => Promise<void>;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Backoff base: after failed attempt n the message waits base × 2^(n-1), at most an hour. */
  retryBaseMs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const MAX_DELAY_MS = 3_600_000;

export function createOutboxWorker(o: WorkerOptions) {
  // `locked_by` holds 64 characters; a long host name is cut, the pid and random part keep it unique.
  const id = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const pollMs = o.pollMs ?? 500;
  const batchSize = o.batchSize ?? 20;
  const leaseMs = o.leaseMs ?? 60_000;
  // 12 attempts, waiting 5 s, 10 s, 20 s … (at most an hour) in between: the last is about 2.4 hours after the first.
  const maxAttempts = o.maxAttempts ?? 12;
  const retryBaseMs = o.retryBaseMs ?? 5_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  /** A wake-up that came while a pass was running: the pass may have looked already, so run another. */
  let wokenWhileRunning = false;

  /**
   * Takes up to `batchSize` due messages in one statement: pending ones whose time has come, and
   * ones whose lease ran out (their worker died mid-delivery). On PostgreSQL `SKIP LOCKED` lets
   * several workers claim side by side without waiting for or taking each other's rows; on SQLite
   * the single statement holds the write lock, which does the same between processes.
   */
  async function claim(): Promise<OutboxRow[]> {
    const nowMs = Date.now();
    const due = o.db.selectFrom('outbox').select('id')
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', iso(nowMs))]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', iso(nowMs))]),
      ]))
      .orderBy('next_attempt_at').limit(batchSize);
    return o.db.updateTable('outbox')
      .set({ status: 'sending', locked_by: id, locked_until: iso(nowMs + leaseMs), attempts: sql`attempts + 1` })
      .where('id', 'in', o.dialect === 'postgres' ? due.modifyEnd(sql`for update skip locked`) : due)
      .returningAll().execute();
  }

  // Every outcome is written only while this worker still holds the lease: a worker that lost its
  // rows (it was paused past the lease) must not overwrite what their new holder records.
  const held = (rowId: string) => o.db.updateTable('outbox').where('id', '=', rowId).where('locked_by', '=', id);

  async function deliver(row: OutboxRow): Promise<void> {
    try {
      await o.transport.send({ id: row.id, from: o.from, to: row.to_address, replyTo: row.reply_to, subject: row.subject, text: row.text, html: row.html });
    } catch (error) {
      const reason = error instanceof DeliveryError ? error.reason : String(error);
      if (error instanceof DeliveryError && error.permanent) {
        await o.db.transaction().execute(async (trx) => {
          const marked = await trx.updateTable('outbox').set({ status: 'bounced', last_error: reason, locked_by: null, locked_until: null })
            .where('id', '=', row.id).where('locked_by', '=', id).executeTakeFirst();
          if (Number(marked.numUpdatedRows) > 0) await o.onBounce?.(trx, row, reason);
        });
        o.log?.warn({ outboxId: row.id, reason }, 'mail refused by the server');
        return;
      }
      const giveUp = row.attempts >= maxAttempts;
      const delay = Math.min(retryBaseMs * 2 ** (row.attempts - 1), MAX_DELAY_MS);
      await held(row.id).set({
        status: giveUp ? 'failed' : 'pending', last_error: reason, locked_by: null, locked_until: null, next_attempt_at: iso(Date.now() + delay),
      }).execute();
      o.log?.warn({ outboxId: row.id, attempt: row.attempts, reason, giveUp }, 'mail delivery failed');
      return;
    }
    // Between the server's acceptance and this update a crash re-sends the message once its lease
    // runs out: delivery is at least once, and the Message-ID (the outbox id) lets receivers tell.
    await held(row.id).set({ status: 'sent', sent_at: iso(Date.now()), locked_by: null, locked_until: null, last_error: null }).execute();
  }

  /** One pass: claims and delivers due messages until none is left; returns how many it handled. */
  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await claim();
      if (rows.length === 0) return handled;
      await Promise.all(rows.map(deliver));
      handled += rows.length;
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref?.();
  }

  async function tick(): Promise<void> {
    timer = null;
    if (running) return;
    wokenWhileRunning = false;
    running = drain();
    try {
      await running;
    } catch (error) {
      o.log?.error({ err: error }, 'outbox worker pass failed');
    } finally {
      running = null;
      schedule(wokenWhileRunning ? 0 : pollMs);
    }
  }

  return {
    id,
    drain,
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** Runs a pass soon, e.g. right after a transaction queued mail. */
    wake(): void {
      if (stopped) return;
      if (running) {
        wokenWhileRunning = true;
        return;
      }
      if (timer) clearTimeout(timer);
      schedule(0);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
