/**
 * @module A section the console does not have yet: its heading and a plain statement of that, with
 * the API route that does the job meanwhile. Nothing on it pretends to work.
 */
export function PlaceholderPage({ title, apiPath }: { title: string; apiPath: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="muted">This page is not in the console yet. Meanwhile the API does it: <code>{apiPath}</code>, described in the <a href="/api/v1/docs">API reference</a>.</p>
    </section>
  );
}
