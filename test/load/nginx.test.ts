/**
 * The nginx configuration of docs/deploy.md (deploy/nginx/roster.conf), run by a real nginx in front
 * of two `roster serve` processes, over TLS with a certificate made for the test. Only the addresses,
 * ports and certificate paths the file marks "set:" are replaced. It checks: plain HTTP is sent to
 * HTTPS; a browser-like session signed in through nginx is the `__Host-` cookie and works on both
 * processes; the client's own X-Forwarded-For is not believed; cross-origin writes are refused and
 * same-origin ones pass; /readyz answers through it; and a process going down is skipped.
 *
 * nginx is required (Debian package `nginx`, or NGINX_PATH): without it this test fails, not skips.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { freePort } from '../support/cli.js';
import { killHard, type Serving } from '../support/processes.js';
import { waitUntil } from '../support/smtp.js';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.js';
import { PASSWORD, startProcesses } from './support/roster-pair.js';

// The certificate is the test's own, trusted by nobody.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const NGINX = process.env.NGINX_PATH ?? ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/** The repository's file with the "set:" lines pointed at this test's processes, ports and certificate. */
function renderConfig(upstreams: number[], httpPort: number, httpsPort: number, dir: string): string {
  let conf = readFileSync('deploy/nginx/roster.conf', 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    const matches = conf.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
    if (matches === 0) throw new Error(`deploy/nginx/roster.conf no longer has ${pattern}`);
    conf = conf.replace(new RegExp(pattern.source, 'gm'), by);
  };
  replace(/^(\s*)server 127\.0\.0\.1:3000 (.*)$/, upstreams.map((p) => `$1server 127.0.0.1:${p} $2`).join('\n'));
  replace(/^\s*server 127\.0\.0\.1:3001 .*\n/, '');
  replace(/^(\s*)listen 80;/, `$1listen 127.0.0.1:${httpPort};`);
  replace(/^(\s*)listen 443 ssl http2;/, `$1listen 127.0.0.1:${httpsPort} ssl http2;`);
  replace(/\/etc\/ssl\/roster\/fullchain\.pem/, join(dir, 'cert.pem'));
  replace(/\/etc\/ssl\/roster\/privkey\.pem/, join(dir, 'key.pem'));
  return conf;
}

describe('nginx in front of two Roster processes (deploy/nginx/roster.conf)', () => {
  let cluster: PostgresCluster;
  let processes: Serving[];
  let nginx: ChildProcess;
  let dir: string;
  let base: string;
  let httpPort: number;

  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is required for this test: apt-get install nginx (or set NGINX_PATH)');
    dir = mkdtempSync(join(tmpdir(), 'roster-nginx-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    httpPort = await freePort();
    const httpsPort = await freePort();
    base = `https://127.0.0.1:${httpsPort}`;
    cluster = await startPostgresCluster();
    // As in production: an https PUBLIC_URL (so the cookie is Secure and __Host-), behind a trusted proxy.
    ({ processes } = await startProcesses(cluster, 'roster_nginx', 2, { PUBLIC_URL: base, TRUST_PROXY: 'true', LOG_LEVEL: 'debug' }));
    writeFileSync(join(dir, 'roster.conf'), renderConfig(processes.map((p) => p.port), httpPort, httpsPort, dir));
    writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/roster.conf;
}
`);
    execFileSync(NGINX, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitUntil(async () => (await fetch(`${base}/readyz`).catch(() => null))?.status === 200, 20_000, 'nginx to answer');
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const p of processes ?? []) await killHard(p);
    cluster?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** How many times a process logged a request for `url`. */
  // Each process logs one line per request at debug (src/http/request-log.ts).
  const served = (p: Serving, url: string) => p.output().split('\n').filter((l) => l.includes('"msg":"request"') && l.includes(`"url":"${url}"`)).length;

  it('sends plain HTTP to HTTPS, and answers /readyz through TLS', async () => {
    const plain = await fetch(`http://127.0.0.1:${httpPort}/members?x=1`, { redirect: 'manual' });
    expect(plain.status).toBe(308);
    expect(plain.headers.get('location')).toBe(`https://127.0.0.1/members?x=1`);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'applied' });
  });

  it('keeps one cookie session across both processes, believes only its own X-Forwarded-For, and refuses cross-origin writes', async () => {
    const browser = new Client(base);
    const signup = await browser.post('/api/v1/signup', {
      username: 'edge', email: 'edge@example.com', password: PASSWORD, firstName: 'Edge', lastName: 'Case', organizationName: 'Behind nginx',
    }, { origin: base, 'x-forwarded-for': '203.0.113.9' });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
    expect(browser.cookieNames()).toEqual(['__Host-roster_session']);
    expect(signup.headers.get('set-cookie')).toMatch(/; Secure/i);

    for (let i = 0; i < 10; i++) expect((await browser.get('/api/v1/me')).status).toBe(200);
    expect(served(processes[0]!, '/api/v1/me')).toBeGreaterThan(0);
    expect(served(processes[1]!, '/api/v1/me')).toBeGreaterThan(0);

    // The session recorded the address nginx saw, not the one the client claimed.
    const sessions = await browser.get('/api/v1/me/sessions');
    expect(sessions.body.items.find((s: { current: boolean }) => s.current).ipAddress).toBe('127.0.0.1');

    const organizationId = signup.body.organization.id;
    const same = await browser.patch(`/api/v1/organizations/${organizationId}`, { name: 'Renamed behind nginx' });
    expect(same.status).toBe(200);
    const forged = await browser.request('PATCH', `/api/v1/organizations/${organizationId}`, { name: 'Forged' }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('auth.cross_origin');
  });

  it('goes on serving through the remaining process when one goes down', async () => {
    const browser = new Client(base);
    expect((await browser.post('/api/v1/session', { login: 'edge', password: PASSWORD })).status).toBe(200);
    await killHard(processes[1]!);
    for (let i = 0; i < 6; i++) expect((await browser.get('/api/v1/me')).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
