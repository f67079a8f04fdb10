/**
 * @module A real SMTP server for tests (smtp-server on 127.0.0.1, any free port, no TLS, no login):
 * it refuses recipients matching a pattern with `550 5.1.1`, accepts the rest, parses every message
 * with mailparser and keeps it. A message counts as received only when the server's 250 reply went
 * to a client that was still connected: one killed while waiting for that reply never got it.
 *
 * `delayMs` holds the reply to DATA for a while, so a test can kill the sender mid-delivery, and
 * `hold()` holds every reply until `release()`, so a test can pick a moment when no message sits
 * between the server's 250 and the sender's record of it.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower case. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  replyTo: string;
  parsed: ParsedMail;
}

export interface SmtpOptions {
  /** Recipients the server refuses for good (550 5.1.1). */
  reject?: RegExp;
  /** How long to wait before answering DATA, in ms (a number, or a function for a new value each time). */
  delayMs?: number | (() => number);
}

export interface TestSmtp {
  url: string;
  port: number;
  /** Every message the server accepted, in order. */
  received: ReceivedMail[];
  /** Every recipient the server refused. */
  refused: string[];
  /** Messages whose DATA reply is waiting (delay or hold). */
  readonly pending: number;
  /** Connections currently open. */
  readonly connections: number;
  to(address: string): ReceivedMail[];
  waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs?: number, what?: string): Promise<ReceivedMail>;
  waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs?: number, what?: string): Promise<void>;
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export async function startSmtpServer(options: SmtpOptions = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const closedSessions = new Set<string>();
  const heldReplies: Array<() => void> = [];
  let holding = false;
  let pending = 0;
  let connections = 0;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onClose(session: SMTPServerSession) {
      connections--;
      closedSessions.add(session.id);
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.test(address.address)) {
        refused.push(address.address.toLowerCase());
        const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown in local recipient table`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const envelope = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      pending++;
      simpleParser(stream).then(async (parsed) => {
        const delay = typeof options.delayMs === 'function' ? options.delayMs() : options.delayMs ?? 0;
        if (delay > 0) await sleep(delay);
        const answer = () => {
          pending--;
          // A client that went away while waiting never saw the 250: the message was not delivered.
          if (closedSessions.has(session.id)) return;
          callback(null, 'OK: queued');
          received.push({
            to: envelope, from, parsed,
            subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '', replyTo: parsed.replyTo?.text ?? '',
          });
        };
        if (holding) heldReplies.push(answer);
        else answer();
      }, (error: unknown) => {
        pending--;
        callback(error as Error);
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refused,
    get pending() { return pending; },
    get connections() { return connections; },
    to: (address) => received.filter((m) => m.to.includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 10_000, what = 'a message') {
      let found: ReceivedMail | undefined;
      await waitUntil(() => (found = received.find(predicate)) !== undefined, timeoutMs, what);
      return found!;
    },
    waitUntil,
    hold() { holding = true; },
    release() {
      holding = false;
      for (const answer of heldReplies.splice(0)) answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
