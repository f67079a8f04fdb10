/**
 * @module Where Roster may send a browser: a path on Roster itself, or a URL on one of the allowed
 * origins (PUBLIC_URL's and ALLOWED_ORIGINS). Everything else — `//evil.example`, `\\evil.example`,
 * `/\evil.example`, `https:evil.example`, `javascript:…`, credentials in the URL, control characters
 * a browser would strip — is refused, so no route can be turned into an open redirect.
 */

/** Tab, newline and other control characters, which browsers drop from URLs; and backslashes, which they read as slashes. */
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * The target to redirect to, or null when `target` is not a path on this server nor a URL on an
 * allowed origin. `allowedOrigins[0]` is this server's own origin, against which paths are read.
 * A path comes back as a path (`/x?y#z`), a URL as its normalized form.
 */
export function safeRedirectTarget(target: string, allowedOrigins: readonly string[]): string | null {
  const own = allowedOrigins[0];
  if (!own || target.length === 0 || target.length > 2048 || UNSAFE.test(target) || target !== target.trim()) return null;
  if (target.startsWith('/')) {
    // `//host` and `/\host` are scheme-relative URLs to another host, not paths.
    if (target.startsWith('//')) return null;
    const url = new URL(target, own);
    return url.origin === own ? `${url.pathname}${url.search}${url.hash}` : null;
  }
  // Only full http(s) URLs: `https:evil.example` (no slashes) is read relative to the current URL's scheme by browsers.
  if (!/^https?:\/\//i.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  return allowedOrigins.includes(url.origin) ? url.href : null;
}
