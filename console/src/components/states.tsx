/**
 * @module The loading, empty and error states every screen shows the same way.
 */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return <p className="state state-loading" role="status"><span className="spinner" aria-hidden="true" />{label}</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : 'Something went wrong';
  return (
    <div className="state state-error" role="alert">
      <p>{message}</p>
      {onRetry ? <button type="button" className="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}
