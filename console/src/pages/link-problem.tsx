/**
 * @module The page an emailed link leads to once it can not be used any more (expired, used,
 * revoked): what happened and what to do instead, never a bare error code.
 */
import type { ReactNode } from 'react';
import { AuthLayout } from './auth-layout';

export function LinkProblemPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <AuthLayout title={title}>
      <div className="link-problem">{children}</div>
    </AuthLayout>
  );
}
