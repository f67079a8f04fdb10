/**
 * @module The frame of the signed-out pages (sign-in, sign-up), and the alert above a form for an
 * error that names no field.
 */
import type { ReactNode } from 'react';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className="auth-card">
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
