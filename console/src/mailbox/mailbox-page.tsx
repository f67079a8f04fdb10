/**
 * @module The Mailbox: while no SMTP server is configured, Roster keeps the organization's email
 * (invitations, password resets, notices) instead of sending it, and admins read it here — the
 * message list (to, subject, time) beside the open message, whose links can be followed. With SMTP
 * configured the API closes the mailbox (`409 mailbox.smtp_configured`) and the page says that mail
 * is delivered. The open message is in the address (`/mailbox/{messageId}`), so Back returns to the list.
 */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../api/client';
import { Empty, ErrorState, Loading } from '../components/states';
import { formatListTime, formatTime } from '../components/time';
import { organizationPath } from '../shell/nav';
import { useDebounced } from '../users/use-debounced';
import { MessageText } from './message-text';
import { useMailbox, type MailboxMessage } from './queries';

export function MailboxPage({ organizationId, messageId }: { organizationId: string; messageId: string | null }) {
  const [, navigate] = useLocation();
  const [to, setTo] = useState('');
  const mailbox = useMailbox(organizationId, useDebounced(to.trim()));
  const base = organizationPath(organizationId, 'mailbox');
  const messagePath = (id: string) => `${base}/${encodeURIComponent(id)}`;

  if (mailbox.isError && mailbox.error instanceof ApiError && mailbox.error.code === 'mailbox.smtp_configured') {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">Mailbox</h1>
        <div className="info-panel" role="status">
          <h2>Mail is delivered</h2>
          <p>This Roster sends its email through an SMTP server, so invitations, password resets and notices go straight to
            their recipients&apos; inboxes. The mailbox, which keeps the email when no SMTP server is configured, is not used.</p>
        </div>
      </section>
    );
  }

  const messages = mailbox.data?.pages.flatMap((p) => p.items) ?? [];
  const open = messageId ? messages.find((m) => m.id === messageId) ?? null : null;
  return (
    <div className={messageId ? 'mailbox mailbox-has-message' : 'mailbox'}>
      <h1 className="page-title">Mailbox</h1>
      <section className="pane list-pane" aria-labelledby="mail-list-title">
        <div className="pane-header">
          <h2 id="mail-list-title">Messages</h2>
          <button type="button" className="button" onClick={() => void mailbox.refetch()} disabled={mailbox.isFetching}>
            {mailbox.isFetching && !mailbox.isPending ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        <p className="mailbox-lead muted">No SMTP server is configured, so Roster keeps this organization&apos;s email here instead of sending it.</p>
        <div className="toolbar">
          <div className="field field-inline">
            <label htmlFor="mail-to">Recipient</label>
            <input id="mail-to" type="search" value={to} onChange={(e) => setTo(e.target.value)} placeholder="Any address" autoComplete="off" />
          </div>
        </div>
        {mailbox.isPending ? <Loading label="Loading messages…" />
          : mailbox.isError ? <ErrorState error={mailbox.error} onRetry={() => void mailbox.refetch()} />
            : messages.length === 0 ? <Empty>{to.trim() ? `No email to ${to.trim()}.` : 'No email yet. Invitations, password resets and notices this organization sends appear here.'}</Empty> : (
              <div className="table-wrap">
                <table className="user-table mail-table" aria-label="Messages, newest first" aria-busy={mailbox.isFetching ? true : undefined}>
                  <thead>
                    <tr>
                      <th scope="col" className="col-to">To</th>
                      <th scope="col">Subject</th>
                      <th scope="col" className="col-time">Time</th>
                    </tr>
                  </thead>
                  <tbody>
                    {messages.map((m) => (
                      <tr key={m.id} className={m.id === messageId ? 'row-current' : undefined} onClick={() => navigate(messagePath(m.id))}>
                        <td className="col-to">{m.to}</td>
                        <td><Link href={messagePath(m.id)} className="username" aria-current={m.id === messageId ? 'true' : undefined}>{m.subject}</Link></td>
                        <td className="col-time"><time dateTime={m.createdAt} title={formatTime(m.createdAt)}>{formatListTime(m.createdAt)}</time></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {mailbox.hasNextPage ? (
                  <button type="button" className="button load-more" onClick={() => void mailbox.fetchNextPage()} disabled={mailbox.isFetchingNextPage}>
                    {mailbox.isFetchingNextPage ? 'Loading…' : 'Load more messages'}
                  </button>
                ) : null}
              </div>
            )}
      </section>
      <section className="pane details-pane" aria-labelledby="message-title">
        {messageId === null ? (
          <>
            <h2 id="message-title" className="sr-only">Message</h2>
            <Empty>Choose a message to read it.</Empty>
          </>
        ) : open ? <Message message={open} listPath={base} />
          : mailbox.isPending ? <><h2 id="message-title" className="sr-only">Message</h2><Loading label="Loading the message…" /></> : (
            <>
              <h2 id="message-title" className="pane-header">Message</h2>
              <Empty>This message is not in the list. <Link href={base}>Back to Mailbox</Link></Empty>
            </>
          )}
      </section>
    </div>
  );
}

const STATUS: Record<MailboxMessage['status'], string> = {
  pending: 'waiting to be delivered', sending: 'being delivered', sent: 'delivered to this mailbox', failed: 'failed', bounced: 'refused by the mail server',
};

function Message({ message, listPath }: { message: MailboxMessage; listPath: string }) {
  return (
    <article className="message">
      <div className="pane-header">
        <h2 id="message-title">{message.subject}</h2>
        <Link href={listPath} className="back-link">Back to Mailbox</Link>
      </div>
      <dl className="message-meta">
        <dt>To</dt><dd>{message.to}</dd>
        <dt>Time</dt><dd><time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time></dd>
        <dt>Status</dt><dd>{STATUS[message.status]}{message.lastError ? ` (${message.lastError})` : ''}</dd>
      </dl>
      <MessageText text={message.text} />
    </article>
  );
}
