/**
 * @module Delivery of one message: over SMTP with nodemailer when SMTP_URL is set, else into the dev
 * mailbox (the outbox rows themselves, readable through the API and `roster mailbox`). A refusal
 * is classified as permanent (5xx: the address does not exist, seed 004) or worth retrying.
 */
import nodemailer from 'nodemailer';

export interface Message {
  id: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
}

export class DeliveryError extends Error {
  constructor(readonly permanent: boolean, readonly reason: string) {
    super(reason);
    this.name = 'DeliveryError';
  }
}

export interface MailTransport {
  kind: 'smtp' | 'mailbox';
  send(message: Message): Promise<void>;
  close(): void;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  command?: string;
  message?: string;
}

/**
 * A 5xx answer to the recipient or to the message is the server's final word on this email (seed 004:
 * "the system didn't accept the email address"). A 5xx elsewhere — to the login, to the sender address,
 * to the greeting — says Roster's mail settings are wrong, which no recipient should be blamed for:
 * it is retried like an outage, and shows in the log and the message's last error.
 */
export function isPermanentRefusal(e: SmtpError): boolean {
  const code = e.responseCode ?? 0;
  if (code < 500 || code >= 600) return false;
  const command = (e.command ?? '').toUpperCase();
  return e.code === 'EENVELOPE' ? command !== 'MAIL FROM' : command === 'RCPT TO' || command === 'DATA';
}

export function createTransport(smtpUrl: string | null, messageIdDomain: string): MailTransport {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => {}, close: () => {} };
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(m) {
      try {
        await transporter.sendMail({
          // The outbox id as Message-ID: should a crash make a message go out twice, receivers can tell.
          messageId: `<${m.id}@${messageIdDomain}>`,
          from: m.from, to: m.to, replyTo: m.replyTo ?? undefined, subject: m.subject, text: m.text, html: m.html,
        });
      } catch (error) {
        const e = error as SmtpError;
        throw new DeliveryError(isPermanentRefusal(e), (e.response ?? e.message ?? String(error)).slice(0, 1000));
      }
    },
    close: () => transporter.close(),
  };
}
