/**
 * @module Schemas of the dev mailbox: the outbox's messages as a mail client would show them.
 */
import { Type } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';

export const MailboxMessage = Type.Object({
  id: Id,
  kind: Type.String({ description: 'invitation, welcome, bounce_notice, password_reset or notice' }),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('bounced')], {
    description: 'Without SMTP, `sent` means delivered to this mailbox',
  }),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Timestamp,
  sentAt: Nullable(Timestamp),
});
