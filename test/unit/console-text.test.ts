/**
 * The console's pure text helpers: the web addresses the Mailbox turns into links, and the words it
 * shows for a session's browser on My profile.
 */
import { describe, expect, it } from 'vitest';
import { splitLinks } from '../../console/src/mailbox/links.js';
import { describeUserAgent } from '../../console/src/profile/user-agent.js';

describe('links in an email\'s text', () => {
  it('cuts the text into plain pieces and addresses, in order, keeping every character', () => {
    const text = 'Accept the invitation: https://roster.example/invitations/abc_DEF-123\n\nThanks';
    const pieces = splitLinks(text);
    expect(pieces).toEqual([
      { text: 'Accept the invitation: ' }, { url: 'https://roster.example/invitations/abc_DEF-123' }, { text: '\n\nThanks' },
    ]);
    expect(pieces.map((p) => ('url' in p ? p.url : p.text)).join('')).toBe(text);
  });

  it('leaves sentence punctuation after an address out of it, and keeps a query string in it', () => {
    expect(splitLinks('Invite them again: http://127.0.0.1:3000/organizations/x/members?status=inactive.')).toEqual([
      { text: 'Invite them again: ' }, { url: 'http://127.0.0.1:3000/organizations/x/members?status=inactive' }, { text: '.' },
    ]);
    expect(splitLinks('(see https://a.example/b), then')).toEqual([{ text: '(see ' }, { url: 'https://a.example/b' }, { text: '), then' }]);
  });

  it('links nothing but http and https addresses', () => {
    expect(splitLinks('javascript:alert(1) mailto:a@b.example ftp://x.example')).toEqual([{ text: 'javascript:alert(1) mailto:a@b.example ftp://x.example' }]);
    expect(splitLinks('')).toEqual([]);
  });
});

describe('a session\'s browser in words', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari on macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
    ['Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0', 'Firefox on Android'],
    ['curl/8.5.0', 'curl'],
    ['node', 'Node.js'],
    ['something else', 'Unknown browser'],
  ])('%s → %s', (userAgent, words) => {
    expect(describeUserAgent(userAgent)).toBe(words);
  });

  it('says so when the session has no user agent', () => {
    expect(describeUserAgent(null)).toBe('Unknown device');
  });
});
