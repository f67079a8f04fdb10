/**
 * @module The emails Roster sends, each as text and HTML: invitation, bounce notice to the inviter,
 * password reset, welcome and organization notices. Messages are signed with the sender's alias
 * and signature (seed 000: the alias replaces the real name towards end users).
 */

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface Sender {
  /** The sender's communication name: alias, or real name when no alias is set. */
  name: string;
  signature: string | null;
}

/** Names and subjects go into a mail header: line breaks there could forge further headers. */
const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const paragraphs = (text: string): string =>
  text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('\n');

function layout(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:36rem;margin:auto;padding:1rem">${body}</body></html>`;
}

const button = (href: string, label: string): string =>
  `<p><a href="${escape(href)}" style="display:inline-block;padding:.6rem 1rem;background:#2457c5;color:#fff;border-radius:4px;text-decoration:none">${escape(label)}</a></p>`;

const signed = (sender: Sender): string => (sender.signature ? `${sender.name}\n${sender.signature}` : sender.name);

const formatDate = (iso: string): string => new Date(iso).toUTCString().replace(/ GMT$/, ' UTC');

export function invitationMail(p: { organization: string; sender: Sender; role: string; note: string | null; link: string; expiresAt: string }): Rendered {
  const subject = oneLine(`${p.sender.name} invited you to ${p.organization} on Roster`);
  const note = p.note?.trim() ? `\n\n${p.note.trim()}` : '';
  const text = `Hello,\n\n${p.sender.name} invited you to join ${p.organization} as ${p.role}.${note}\n\n` +
    `Accept the invitation: ${p.link}\n\nThe link works once and expires on ${formatDate(p.expiresAt)}. ` +
    `If you already have a Roster account, sign in with your usual password to join.\n\n${signed(p.sender)}\n`;
  const html = layout(subject,
    `<p>Hello,</p><p>${escape(p.sender.name)} invited you to join <strong>${escape(p.organization)}</strong> as ${escape(p.role)}.</p>` +
    (note ? `<blockquote style="border-left:3px solid #ccd;margin:0;padding-left:1rem">${paragraphs(p.note!.trim())}</blockquote>` : '') +
    button(p.link, 'Accept the invitation') +
    `<p>Or open this link: <a href="${escape(p.link)}">${escape(p.link)}</a></p>` +
    `<p>The link works once and expires on ${escape(formatDate(p.expiresAt))}. If you already have a Roster account, sign in with your usual password to join.</p>` +
    paragraphs(signed(p.sender)));
  return { subject, text, html };
}

export function bounceNoticeMail(p: { organization: string; address: string; reason: string; link: string }): Rendered {
  const subject = oneLine(`We could not deliver your invitation to ${p.address}`);
  const text = `Hello,\n\nThe mail server did not accept the address ${p.address}, so the invitation to ${p.organization} did not reach them.\n\n` +
    `The server said: ${p.reason}\n\nPlease double-check the address, then invite them again: ${p.link}\n`;
  const html = layout(subject,
    `<p>Hello,</p><p>The mail server did not accept the address <strong>${escape(p.address)}</strong>, so the invitation to ${escape(p.organization)} did not reach them.</p>` +
    `<p>The server said: <code>${escape(p.reason)}</code></p><p>Please double-check the address, then invite them again.</p>` + button(p.link, 'Open invitations'));
  return { subject, text, html };
}

export function passwordResetMail(p: { link: string; expiresAt: string }): Rendered {
  const subject = 'Reset your Roster password';
  const text = `Hello,\n\nSomeone asked to reset the password of your Roster account. If it was you, choose a new password here:\n${p.link}\n\n` +
    `The link works once and expires on ${formatDate(p.expiresAt)}. If it was not you, ignore this email: your password stays as it is.\n`;
  const html = layout(subject,
    `<p>Hello,</p><p>Someone asked to reset the password of your Roster account. If it was you, choose a new password:</p>` + button(p.link, 'Choose a new password') +
    `<p>The link works once and expires on ${escape(formatDate(p.expiresAt))}. If it was not you, ignore this email: your password stays as it is.</p>`);
  return { subject, text, html };
}

/**
 * The email a member added directly receives (seed 004: "Once added … a user will be sent an email
 * invitation"), sent again by "Resend Invite" while they have never signed in. The password is never
 * in it: the admin who chose it tells them.
 */
export function welcomeMail(p: { organization: string; name: string; username: string; sender: Sender; link: string }): Rendered {
  const subject = oneLine(`${p.sender.name} added you to ${p.organization} on Roster`);
  const text = `Hello ${p.name},\n\n${p.sender.name} added you to ${p.organization}. Sign in with your username ${p.username} ` +
    `and the password you were given: ${p.link}\n\nYou use the same password for every organization you belong to.\n\n${signed(p.sender)}\n`;
  const html = layout(subject,
    `<p>Hello ${escape(p.name)},</p><p>${escape(p.sender.name)} added you to <strong>${escape(p.organization)}</strong>. ` +
    `Sign in with your username <strong>${escape(p.username)}</strong> and the password you were given.</p>` +
    button(p.link, 'Sign in') + `<p>Or open this link: <a href="${escape(p.link)}">${escape(p.link)}</a></p>` +
    `<p>You use the same password for every organization you belong to.</p>` + paragraphs(signed(p.sender)));
  return { subject, text, html };
}

export function noticeMail(p: { organization: string; subject: string; body: string }): Rendered {
  const subject = oneLine(`[${p.organization}] ${p.subject}`);
  const text = `${p.body.trim()}\n\n— ${p.organization}\n`;
  const html = layout(subject, `${paragraphs(p.body.trim())}<p style="color:#66788a">— ${escape(p.organization)}</p>`);
  return { subject, text, html };
}
