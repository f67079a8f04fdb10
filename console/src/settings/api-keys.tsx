/**
 * @module Settings → API keys: the organization's keys (name, visible prefix, permissions, last
 * used, expiry), a form to create one, the new key's secret shown once, and revoking after a
 * confirmation. A key works at once over `Authorization: Bearer` and stops at once when revoked.
 */
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Empty, ErrorState, Loading } from '../components/states';
import { formatTime } from '../components/time';
import { CreateApiKey } from './api-key-create';
import { useApiKeys, useRevokeApiKey, type ApiKey } from './queries';

export function ApiKeysSettings({ organizationId, holds }: { organizationId: string; holds(permission: string): boolean }) {
  const keys = useApiKeys(organizationId, holds('api_keys.manage'));
  const revoke = useRevokeApiKey(organizationId);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useMemo(() => keys.data?.pages.flatMap((p) => p.items) ?? [], [keys.data]);

  if (!holds('api_keys.manage')) {
    return <p className="notice-info">Only members with the permission to manage API keys can see and create them.</p>;
  }

  const confirmRevoke = () => {
    if (!revoking) return;
    setFailure(null);
    revoke.mutate(revoking.id, {
      onSuccess: () => setNotice(`The key ${revoking.name} (${revoking.prefix}) was revoked; it no longer works.`),
      onError: (error) => setFailure(error.message),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <div className="api-keys">
      <CreateApiKey organizationId={organizationId} holds={holds} onCreated={() => setNotice(null)} onClosed={() => void keys.refetch()} />
      <h3 className="api-keys-title">Keys in use</h3>
      <div role="status">{notice ? <p className="notice">{notice}</p> : null}</div>
      {failure ? <div className="form-alert" role="alert">{failure}</div> : null}
      {keys.isPending ? <Loading /> : keys.isError ? <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
        : rows.length === 0 ? <Empty>No API keys yet. Programs call Roster with a key created here.</Empty> : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="sr-only">API keys</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Permissions</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
              </thead>
              <tbody>
                {rows.map((k) => (
                  <tr key={k.id}>
                    <td className="cell-strong">{k.name}</td>
                    <td><code>{k.prefix}</code></td>
                    <td><ul className="chips">{k.permissions.map((p) => <li key={p}><code>{p}</code></li>)}</ul></td>
                    <td>{k.lastUsedAt ? <time dateTime={k.lastUsedAt}>{formatTime(k.lastUsedAt)}</time> : <span className="muted">Never</span>}</td>
                    <td>{k.expiresAt ? <Expiry at={k.expiresAt} /> : <span className="muted">Never</span>}</td>
                    <td className="cell-actions">
                      <button type="button" className="button button-danger-outline button-small" onClick={() => { setNotice(null); setRevoking(k); }}
                        aria-label={`Revoke ${k.name}`}>Revoke</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {keys.hasNextPage ? (
        <button type="button" className="button load-more" onClick={() => void keys.fetchNextPage()} disabled={keys.isFetchingNextPage}>
          {keys.isFetchingNextPage ? 'Loading…' : 'Load more keys'}
        </button>
      ) : null}
      <ConfirmDialog open={revoking !== null} title={`Revoke ${revoking?.name ?? ''}?`} confirmLabel="Revoke key" busy={revoke.isPending}
        onConfirm={confirmRevoke} onCancel={() => setRevoking(null)}>
        <p>Programs using the key <code>{revoking?.prefix}</code> will be refused from their very next request. This can not be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

function Expiry({ at }: { at: string }) {
  const expired = Date.parse(at) <= Date.now();
  return <><time dateTime={at}>{formatTime(at)}</time>{expired ? <span className="tag tag-danger">expired</span> : null}</>;
}
