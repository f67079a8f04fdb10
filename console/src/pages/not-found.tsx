/**
 * @module A console path that names no page.
 */
import { Link } from 'wouter';

export function NotFoundPage() {
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p>There is no page at this address.</p>
        <p><Link href="/">Go to the console</Link></p>
      </div>
    </main>
  );
}
