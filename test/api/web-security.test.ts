/**
 * Browser-facing defences (OWASP ASVS 3.3, 3.4, 3.5, 3.7.2 as they bear on V6–V8), on every
 * database: cross-site request forgery refused in layers, no GET that changes anything, security
 * headers and the API reference under its CSP, `__Host-` cookies behind TLS, no open redirect, and
 * authorization that a body can not talk its way around (`userId` in a body, checks about others).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/domain/templates.js';
import { DIALECTS } from '../support/databases.js';
import {
  fetchOpenApi, fillPath, openApiOfAFreshServer, operationsOf, realPathValues, SchemaOracle, storedRows, unique, type Hints,
} from '../support/openapi.js';
import { addMember, PASSWORD, signUp, startRoster, type SignedUp, type TestServer } from '../support/server.js';

const PUBLIC_URL = 'http://roster.test:8080';
const APP_ORIGIN = 'https://app.example.com';
const EVIL = 'https://evil.example';

const DOC = await openApiOfAFreshServer();
const OPERATIONS = operationsOf(DOC);
const WRITES = OPERATIONS.filter((op) => !['GET', 'HEAD', 'OPTIONS'].includes(op.method));
const READS = OPERATIONS.filter((op) => op.method === 'GET');

/** `name value; name value` → a map of CSP directives. */
function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    out.set(name!.toLowerCase(), values);
  }
  return out;
}

describe.each(DIALECTS)('web security on %s', (dialect) => {
  let server: TestServer;
  let owner: SignedUp;
  let member: SignedUp;

  beforeAll(async () => {
    server = await startRoster(dialect, { PUBLIC_URL, ALLOWED_ORIGINS: `${APP_ORIGIN}, http://localhost:5173` });
    owner = await signUp(server, 'websec-owner', 'Web Security Org');
    member = await addMember(server, owner, 'member', 'websec-member');
  });
  afterAll(async () => { await server?.close(); });

  describe('cross-site request forgery', () => {
    it('a cookie-authenticated write with an Origin of another site is refused with auth.cross_origin and changes nothing', async () => {
      const res = await owner.client.request('PATCH', '/api/v1/me', { title: 'Forged' }, { origin: EVIL });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.cross_origin');
      expect((await owner.client.get('/api/v1/me')).body.title).not.toBe('Forged');
    });

    it('without Origin, Sec-Fetch-Site cross-site or same-site is refused; same-origin and none pass', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const res = await owner.client.request('PATCH', '/api/v1/me', { title: site }, { 'sec-fetch-site': site });
        expect(res.status, site).toBe(403);
        expect(res.body.code).toBe('auth.cross_origin');
      }
      for (const site of ['same-origin', 'none']) {
        expect((await owner.client.request('PATCH', '/api/v1/me', { title: site }, { 'sec-fetch-site': site })).status, site).toBe(200);
      }
    });

    it('writes from PUBLIC_URL\'s origin and from ALLOWED_ORIGINS pass, as do programs that send neither header', async () => {
      for (const origin of [PUBLIC_URL, APP_ORIGIN, 'http://localhost:5173']) {
        const res = await owner.client.request('PATCH', '/api/v1/me', { title: origin }, { origin, 'sec-fetch-site': 'cross-site' });
        expect(res.status, origin).toBe(200);
      }
      expect((await owner.client.patch('/api/v1/me', { title: 'curl' })).status).toBe(200);
    });

    it('another origin that only looks alike is refused: other scheme, port, subdomain, suffix, null', async () => {
      for (const origin of ['http://app.example.com', 'https://app.example.com:8443', 'https://evil.app.example.com', 'https://app.example.com.evil.example', 'http://roster.test', 'null']) {
        const res = await owner.client.request('PATCH', '/api/v1/me', { title: 'x' }, { origin });
        expect(res.status, origin).toBe(403);
      }
    });

    it('sign-in and sign-up from another site are refused too, so no one is signed in as someone else (login CSRF)', async () => {
      const signIn = await server.client().post('/api/v1/session', { login: 'websec-owner', password: PASSWORD }, { origin: EVIL });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.getSetCookie()).toEqual([]);
      const signUpRes = await server.client().post('/api/v1/signup', {
        username: 'forgedsignup', email: 'forgedsignup@example.com', password: PASSWORD, firstName: 'F', lastName: 'S', organizationName: 'F',
      }, { 'sec-fetch-site': 'cross-site' });
      expect(signUpRes.status).toBe(403);
    });

    it('a request with an API key is not held to it: the key is not something a browser adds by itself', async () => {
      const created = await owner.client.post(`/api/v1/organizations/${owner.organization.id}/api-keys`, { name: 'checker', permissions: ['authz.check'] });
      expect(created.status).toBe(201);
      const res = await server.client().post(`/api/v1/organizations/${owner.organization.id}/authz/check`,
        { userId: member.user.id, permission: 'members.read' }, { authorization: `Bearer ${created.body.key}`, origin: EVIL });
      expect(res.status).toBe(200);
    });

    it('an HTML form can not post: form-encoded, multipart and text/plain bodies are refused with 415 (layer 2)', async () => {
      const bodies: Array<[string, string]> = [
        ['application/x-www-form-urlencoded', 'login=websec-owner&password=x'],
        ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="login"\r\n\r\nx\r\n--b--\r\n'],
        ['text/plain', '{"login":"websec-owner","password":"x","pad":"="}'],
      ];
      for (const [type, body] of bodies) {
        const res = await server.client().request('POST', '/api/v1/session', body, { 'content-type': type });
        expect(res.status, type).toBe(415);
        expect(res.body.code).toBe('media_type.unsupported');
      }
    });

    it('the session cookie is SameSite=Lax and HttpOnly (layer 1)', async () => {
      const res = await server.client().post('/api/v1/session', { login: 'websec-member', password: PASSWORD });
      const cookie = res.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/HttpOnly/i);
    });

    it('every state-changing route in the route list refuses a cross-site request before doing anything', async () => {
      const before = await storedRows(server.database);
      for (const op of WRITES) {
        const path = op.path.replace(/\{[^}]+\}/g, 'placeholder-id');
        const res = await owner.client.request(op.method, path, {}, { origin: EVIL });
        expect(res.status, op.id).toBe(403);
        expect(res.body.code, op.id).toBe('auth.cross_origin');
      }
      expect(await storedRows(server.database)).toEqual(before);
    });
  });

  describe('no state change on GET', () => {
    const hints = (): Hints => ({
      organizationId: () => owner.organization.id,
      userId: () => member.user.id,
      role: () => 'member',
      permission: () => 'members.read',
      permissions: () => ['members.read'],
      key: () => `k${unique()}`,
      username: () => `u${unique()}`,
      email: () => `e${unique()}@example.com`,
      emails: () => `e${unique()}@example.com`,
      password: () => PASSWORD,
    });

    it('the route list has GET routes to check', () => {
      expect(READS.length).toBeGreaterThan(20);
    });

    it.each(READS.map((op) => [op.id, op] as const))('%s changes no stored row', async (_id, op) => {
      const oracle = new SchemaOracle(await fetchOpenApi(server.client()));
      const known = { organizationId: owner.organization.id, userId: member.user.id, template: Object.keys(TEMPLATES)[0]! };
      // Finding real ids may create things (through POST): that happens before the snapshot.
      const values = await realPathValues(op, OPERATIONS, oracle, known, owner.client, hints(), { placeholder: true });
      const before = await storedRows(server.database);
      const res = await owner.client.get(fillPath(op.path, values));
      expect(res.status, `${op.id} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
      expect(await storedRows(server.database), op.id).toEqual(before);
    });
  });

  describe('security headers', () => {
    it('every answer carries the CSP, Referrer-Policy no-referrer, nosniff and frame denial; no HSTS over plain HTTP', async () => {
      const answers = [
        await owner.client.get('/api/v1/me'),
        await server.client().get('/api/v1/me'),
        await server.client().get('/healthz'),
        await server.client().get('/no/such/route'),
        await server.client().post('/api/v1/session', { login: 'nobody-here', password: 'wrong' }),
      ];
      for (const res of answers) {
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('the console CSP allows only Roster\'s own scripts, styles and connections, Gravatar images, and no framing', async () => {
      const csp = directives((await server.client().get('/healthz')).headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'https://www.gravatar.com']);
      // Plain HTTP: upgrading would break a localhost install.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    });

    it('the API reference at /api/v1/docs loads under its own CSP: every script and stylesheet it names is served by Roster, and no inline script is allowed', async () => {
      const page = await server.client().get('/api/v1/docs');
      expect(page.status).toBe(200);
      const csp = directives(page.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      const html = String(page.body);
      expect(html).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>[^<\s]/);
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length).toBeGreaterThanOrEqual(4);
      for (const asset of assets) {
        const url = new URL(asset, `${server.url}/api/v1/docs`);
        expect(url.origin).toBe(server.url);
        const res = await server.client().get(url.pathname);
        expect(res.status, asset).toBe(200);
      }
      const initializer = await server.client().get('/api/v1/docs/static/swagger-initializer.js');
      expect(String(initializer.body)).toContain('validatorUrl');
      expect((await server.client().get('/api/v1/docs/json')).status).toBe(200);
    });
  });

  describe('behind TLS', () => {
    let secure: TestServer;
    beforeAll(async () => { secure = await startRoster(dialect, { PUBLIC_URL: 'https://roster.example.com' }); });
    afterAll(async () => { await secure?.close(); });

    it('sends HSTS and upgrade-insecure-requests', async () => {
      const res = await secure.client().get('/healthz');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(directives(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
      expect(directives((await secure.client().get('/api/v1/docs')).headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
    });

    it('names the session cookie __Host-roster_session: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax', async () => {
      const res = await secure.client().post('/api/v1/signup', {
        username: 'tlsuser', email: 'tlsuser@example.com', password: PASSWORD, firstName: 'T', lastName: 'L', organizationName: 'TLS',
      });
      expect(res.status).toBe(201);
      const cookie = res.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^__Host-roster_session=/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    });

    it('plain-HTTP localhost (SECURE_COOKIES off, the default for http:// PUBLIC_URL) names it roster_session, without Secure', async () => {
      const res = await server.client().post('/api/v1/session', { login: 'websec-member', password: PASSWORD });
      const cookie = res.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^roster_session=/);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('redirects', () => {
    /** Where GET /?next= sends the browser, or null when it stays on the console page. */
    const location = async (next: string) => {
      const res = await server.client().get(`/?next=${encodeURIComponent(next)}`);
      expect([200, 302], next).toContain(res.status);
      return res.status === 302 ? res.headers.get('location') : null;
    };

    it('GET / never sends a browser off Roster: scheme-relative //host and every other trick are not followed', async () => {
      const attacks = [
        '//evil.example', '//evil.example/path', '///evil.example', '/\\evil.example', '\\\\evil.example', '\\/evil.example',
        'https:evil.example', 'https:/evil.example', 'http:\\\\evil.example', 'javascript:alert(1)', 'JavaScript:alert(1)',
        'data:text/html,<script>alert(1)</script>', 'https://evil.example', `${APP_ORIGIN}.evil.example/`, `${APP_ORIGIN}@evil.example`,
        `https://user:pass@${APP_ORIGIN.slice(8)}/`, '/\t/evil.example', '/\n/evil.example', ' //evil.example', 'evil.example', '',
      ];
      for (const next of attacks) expect(await location(next), JSON.stringify(next)).toBeNull();
    });

    it('GET /?next= follows a path on Roster or a URL on an allowed origin', async () => {
      expect(await location('/api/v1/openapi.json')).toBe('/api/v1/openapi.json');
      expect(await location('/invitations/abc?x=1#y')).toBe('/invitations/abc?x=1#y');
      expect(await location(`${APP_ORIGIN}/welcome`)).toBe(`${APP_ORIGIN}/welcome`);
      expect(await location(`${PUBLIC_URL}/api/v1/docs`)).toBe(`${PUBLIC_URL}/api/v1/docs`);
    });
  });

  describe('acting for someone else', () => {
    it('PATCH /me with a userId or id field is refused as an unknown field and changes no one', async () => {
      for (const field of ['userId', 'id', 'user_id']) {
        const res = await member.client.patch('/api/v1/me', { [field]: owner.user.id, title: 'Hijacked' });
        expect(res.status, field).toBe(400);
        expect(res.body).toMatchObject({ code: 'request.unknown_field', field: `body.${field}` });
      }
      expect((await owner.client.get('/api/v1/me')).body.title).not.toBe('Hijacked');
      expect((await member.client.get('/api/v1/me')).body.title).not.toBe('Hijacked');
    });

    it('a new email on PATCH /me needs the current password, so a borrowed session can not redirect reset links (ASVS 7.5.1)', async () => {
      const without = await member.client.patch('/api/v1/me', { email: 'thief@evil.example' });
      expect(without.status).toBe(400);
      expect(without.body).toMatchObject({ code: 'user.current_password_invalid', field: 'body.currentPassword' });
      const wrong = await member.client.patch('/api/v1/me', { email: 'thief@evil.example', currentPassword: 'not it' });
      expect(wrong.status).toBe(400);
      expect((await member.client.get('/api/v1/me')).body.email).toBe('websec-member@example.com');
      // The same email in another case, and the other fields, need nothing more.
      expect((await member.client.patch('/api/v1/me', { email: 'WebSec-Member@example.com', title: 'Tester' })).status).toBe(200);
      const right = await member.client.patch('/api/v1/me', { email: 'websec-member2@example.com', currentPassword: PASSWORD });
      expect(right.status).toBe(200);
      expect(right.body.email).toBe('websec-member2@example.com');
      expect((await member.client.patch('/api/v1/me', { email: 'websec-member@example.com', currentPassword: PASSWORD })).status).toBe(200);
    });

    it('asking about another member needs authz.check: a plain member gets 403, about themselves 200', async () => {
      const check = `/api/v1/organizations/${owner.organization.id}/authz/check`;
      const other = await member.client.post(check, { userId: owner.user.id, permission: 'members.delete' });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('auth.forbidden');
      const self = await member.client.post(check, { userId: member.user.id, permission: 'members.read' });
      expect(self.status).toBe(200);
      const access = await member.client.get(`/api/v1/organizations/${owner.organization.id}/members/${owner.user.id}/access`);
      expect(access.status).toBe(403);
    });
  });
});
