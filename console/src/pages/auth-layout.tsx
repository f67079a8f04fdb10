/**
 * @module The frame of the signed-out pages (sign-in, sign-up, the pages emailed links open) and of
 * the required actions, and the alert above a form for an error that names no field.
 */
import type { ReactNode } from 'react';

/** `wide`: for reading (terms), not only a short form. */
export function AuthLayout({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
        <p className="brand brand-large" aria-hidden="true"><span className="brand-mark">R</span>Roster</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

export function FormAlert({ message }: { message: string | null }) {
  return message ? <div className="form-alert" role="alert">{message}</div> : null;
}
