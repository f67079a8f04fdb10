/**
 * The emails Roster sends: the text and HTML of each, signed with the sender's alias and signature
 * (seed 000), with whatever people typed escaped in the HTML.
 */
import { describe, expect, it } from 'vitest';
import { bounceNoticeMail, invitationMail, noticeMail, passwordResetMail, welcomeMail } from '../../src/mail/templates.js';
import { communicationName } from '../../src/domain/profile.js';
import { isPermanentRefusal } from '../../src/mail/transport.js';

const sender = { name: communicationName({ username: 'jsmith', firstName: 'John', lastName: 'Smith', displayName: null, alias: 'Agent J' }), signature: 'Best,\nthe Acme team' };
const invitation = () => invitationMail({
  organization: 'Acme & Co', sender, role: 'Partner', note: 'Welcome aboard! <script>alert("x")</script>\n\nSee you soon.',
  link: 'https://roster.example/invitations/abc?x=1&y=2', expiresAt: '2030-01-08T12:00:00.000Z',
});

describe('the invitation email (seed 003)', () => {
  it('names the organization, the inviter, the role, the note, the link and the expiry, in text and HTML', () => {
    const mail = invitation();
    expect(mail.subject).toBe('Agent J invited you to Acme & Co on Roster');
    for (const part of ['Acme & Co', 'Agent J', 'Partner', 'Welcome aboard!', 'https://roster.example/invitations/abc?x=1&y=2', 'Tue, 08 Jan 2030 12:00:00 UTC']) {
      expect(mail.text, part).toContain(part);
    }
    expect(mail.html).toContain('href="https://roster.example/invitations/abc?x=1&amp;y=2"');
    expect(mail.html).toContain('Acme &amp; Co');
    expect(mail.html).toContain('Tue, 08 Jan 2030 12:00:00 UTC');
  });

  it('escapes the note in the HTML: a <script> in it is shown, never run', () => {
    const mail = invitation();
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('is signed with the alias instead of the real name, and the signature (seed 000)', () => {
    const mail = invitation();
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Agent J');
      expect(body).not.toContain('John');
      expect(body).not.toContain('Smith');
    }
    expect(mail.text).toMatch(/Agent J\nBest,\nthe Acme team\n$/);
    expect(mail.html).toContain('Agent J<br>Best,<br>the Acme team');
  });

  it('falls back to the real name when there is no alias, and leaves the note out when there is none', () => {
    const name = communicationName({ username: 'jsmith', firstName: 'John', lastName: 'Smith', displayName: null, alias: '  ' });
    const mail = invitationMail({ organization: 'Acme', sender: { name, signature: null }, role: 'Member', note: null, link: 'https://r.example/i/t', expiresAt: '2030-01-01T00:00:00Z' });
    expect(mail.subject).toBe('John Smith invited you to Acme on Roster');
    expect(mail.html).not.toContain('blockquote');
    expect(mail.text.trimEnd().endsWith('John Smith')).toBe(true);
  });
});

describe('the other emails', () => {
  it('the welcome email of a member added directly names who added them, the username and the sign-in link (seed 004)', () => {
    const mail = welcomeMail({ organization: 'Acme', name: 'Ann <b>', username: 'ann', sender, link: 'https://r.example/sign-in?login=ann&organization=o1' });
    expect(mail.subject).toBe('Agent J added you to Acme on Roster');
    expect(mail.text).toContain('Hello Ann <b>,');
    expect(mail.text).toContain('username ann');
    expect(mail.text).toContain('https://r.example/sign-in?login=ann&organization=o1');
    expect(mail.text).toContain('Best,\nthe Acme team');
    expect(mail.html).toContain('Hello Ann &lt;b&gt;,');
    expect(mail.html).toContain('href="https://r.example/sign-in?login=ann&amp;organization=o1"');
    expect(mail.text).not.toMatch(/password: \S/);
  });

  it('the bounce notice names the refused address and the server\'s reason (seed 004)', () => {
    const mail = bounceNoticeMail({ organization: 'Acme', address: 'nobody@example.com', reason: '550 5.1.1 <nobody@example.com>: User unknown', link: 'https://r.example/o/invitations' });
    expect(mail.subject).toContain('nobody@example.com');
    expect(mail.text).toContain('550 5.1.1 <nobody@example.com>: User unknown');
    expect(mail.html).toContain('550 5.1.1 &lt;nobody@example.com&gt;: User unknown');
  });

  it('the password reset and notice emails escape what they show', () => {
    const reset = passwordResetMail({ link: 'https://r.example/reset?t="x"', expiresAt: '2030-01-01T00:00:00Z' });
    expect(reset.html).toContain('href="https://r.example/reset?t=&quot;x&quot;"');
    const notice = noticeMail({ organization: 'A<b>', subject: 'Invoice', body: 'Due <now>' });
    expect(notice.subject).toBe('[A<b>] Invoice');
    expect(notice.html).toContain('Due &lt;now&gt;');
  });
});

describe('which refusals of the mail server are bounces', () => {
  it('a 5xx to the recipient or to the message is final; a 5xx to the login or the sender, and every 4xx, is retried', () => {
    expect(isPermanentRefusal({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 })).toBe(true);
    expect(isPermanentRefusal({ code: 'EMESSAGE', command: 'DATA', responseCode: 554 })).toBe(true);
    expect(isPermanentRefusal({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553 })).toBe(false);
    expect(isPermanentRefusal({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 })).toBe(false);
    expect(isPermanentRefusal({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450 })).toBe(false);
    expect(isPermanentRefusal({ code: 'ECONNECTION' })).toBe(false);
  });
});

describe('mail headers', () => {
  it('a line break in a name can not forge a header in the subject', () => {
    const mail = invitationMail({ organization: 'Acme\r\nBcc: x@evil.example', sender: { name: 'a\r\nSet-Cookie: x=y', signature: null }, role: 'member', note: null, link: 'https://r/i/t', expiresAt: new Date().toISOString() });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
