/**
 * The request log never holds a working emailed link: invitation and password reset tokens are
 * replaced in every logged URL — the console pages the emails open and the API routes that take
 * the token — on every database.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from '../../src/http/logging.js';
import { DIALECTS } from '../support/databases.js';
import { signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

describe('redactUrl', () => {
  it('replaces the token of the emailed links and of the routes that take it, and nothing else', () => {
    expect(redactUrl('/invitations/abcDEF_123-xyz')).toBe('/invitations/[token]');
    expect(redactUrl('/reset-password/abcDEF_123-xyz?x=1')).toBe('/reset-password/[token]?x=1');
    expect(redactUrl('/api/v1/invitations/abcDEF_123-xyz/accept')).toBe('/api/v1/invitations/[token]/accept');
    expect(redactUrl('//api//v1/Password-Resets/abcDEF_123-xyz')).toBe('//api//v1/Password-Resets/[token]');
    expect(redactUrl('/api/v1/password-resets')).toBe('/api/v1/password-resets');
    expect(redactUrl('/api/v1/organizations/org-1/invitations/inv-1/resend')).toBe('/api/v1/organizations/org-1/invitations/inv-1/resend');
    expect(redactUrl('/organizations/org-1/invitations')).toBe('/organizations/org-1/invitations');
  });
});

describe.each(DIALECTS)('the request log on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    // Requests are logged one line each at debug (http/request-log.ts).
    server = await startRoster(dialect, {}, { logger: loggerOptions('debug', stream) });
    owner = await signUp(server, `logan${dialect}`, 'Log Cabin');
  });
  afterAll(async () => { await server?.close(); });

  /** The token of the latest email of a kind to an address, as its link carries it. */
  async function tokenFrom(kind: string, to: string, path: string): Promise<string> {
    const mail = await server.database.db.selectFrom('outbox').select('text').where('kind', '=', kind).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const token = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  it('logs the requests of invitation and reset links with the token replaced', async () => {
    const invited = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/invitations`, { emails: `lou${dialect}@example.com`, role: 'member' });
    expect(invited.status).toBe(201);
    const invitation = await tokenFrom('invitation', `lou${dialect}@example.com`, 'invitations');
    const visitor = server.client();
    expect((await visitor.get(`/invitations/${invitation}`)).status).toBe(200);
    expect((await visitor.get(`/api/v1/invitations/${invitation}`)).status).toBe(200);
    const accepted = await visitor.post(`/api/v1/invitations/${invitation}/accept`, { username: `lou${dialect}`, firstName: 'Lou', lastName: 'Logger', password: 'a long enough passphrase 42' });
    expect(accepted.status).toBe(200);

    expect((await visitor.post('/api/v1/password-resets', { login: `logan${dialect}` })).status).toBe(202);
    await server.services.passwordResets.settled();
    const reset = await tokenFrom('password_reset', `logan${dialect}@example.com`, 'reset-password');
    expect((await visitor.get(`/reset-password/${reset}`)).status).toBe(200);
    expect((await visitor.post(`/api/v1/password-resets/${reset}`, { newPassword: 'another long passphrase 43' })).status).toBe(204);

    const log = lines.join('');
    expect(log).not.toContain(invitation);
    expect(log).not.toContain(reset);
    for (const url of ['/invitations/[token]', '/api/v1/invitations/[token]', '/api/v1/invitations/[token]/accept', '/reset-password/[token]', '/api/v1/password-resets/[token]']) {
      expect(log).toContain(`"url":"${url}"`);
    }
  });
});
