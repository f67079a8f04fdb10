/**
 * @module Your sessions: every browser or program signed in as you, most recently used first, with
 * this one marked. Ending one, or all the others, asks first: whoever uses it is signed out.
 */
import { useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Empty, ErrorState, Loading } from '../components/states';
import { formatTime } from '../components/time';
import { useEndOtherSessions, useEndSession, useMySessions, type MySession } from './queries';
import { describeUserAgent } from './user-agent';

type Pending = { kind: 'one'; session: MySession } | { kind: 'others' };

export function Sessions() {
  const sessions = useMySessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const confirm = () => {
    if (!pending) return;
    setError(null);
    const done = { onError: (e: Error) => setError(e.message), onSettled: () => setPending(null) };
    if (pending.kind === 'one') {
      const device = describeUserAgent(pending.session.userAgent);
      endOne.mutate(pending.session.id, { ...done, onSuccess: () => setNotice(`The session on ${device} was ended.`) });
    } else {
      endOthers.mutate(undefined, { ...done, onSuccess: (r) => setNotice(`${r.ended} other ${r.ended === 1 ? 'session was' : 'sessions were'} ended.`) });
    }
  };

  const others = (sessions.data ?? []).filter((s) => !s.current);
  return (
    <section className="profile-card" aria-labelledby="sessions-title">
      <div className="card-header">
        <h2 id="sessions-title">Sessions</h2>
        <button type="button" className="button button-danger-outline" disabled={others.length === 0} onClick={() => setPending({ kind: 'others' })}>
          End all other sessions
        </button>
      </div>
      <p className="muted">Where you are signed in. End a session you do not recognise, then change your password.</p>
      <p className="form-status" role="status">{notice ? <span className="notice">{notice}</span> : null}</p>
      {error ? <div className="form-alert" role="alert">{error}</div> : null}
      {sessions.isPending ? <Loading label="Loading sessions…" />
        : sessions.isError ? <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
          : sessions.data.length === 0 ? <Empty>No sessions.</Empty> : (
            <ul className="session-list" aria-label="Your sessions">
              {sessions.data.map((s) => (
                <li key={s.id} className="session">
                  <div className="session-main">
                    <strong>{describeUserAgent(s.userAgent)}</strong>
                    {s.current ? <span className="tag">This session</span> : null}
                    <span className="session-meta">
                      {s.ipAddress ?? 'unknown address'} · last seen {formatTime(s.lastSeenAt)} · signed in {formatTime(s.createdAt)}
                    </span>
                    {s.userAgent ? <span className="session-agent">{s.userAgent}</span> : null}
                  </div>
                  {s.current ? null : (
                    <button type="button" className="button" onClick={() => setPending({ kind: 'one', session: s })}
                      aria-label={`End session on ${describeUserAgent(s.userAgent)}, last seen ${formatTime(s.lastSeenAt)}`}>
                      End session
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
      <ConfirmDialog open={pending !== null} busy={endOne.isPending || endOthers.isPending} onConfirm={confirm} onCancel={() => setPending(null)}
        title={pending?.kind === 'others' ? 'End all other sessions?' : 'End this session?'}
        confirmLabel={pending?.kind === 'others' ? 'End all other sessions' : 'End session'}>
        {pending?.kind === 'others'
          ? <p>Every browser and program signed in as you, except this one, is signed out ({others.length} {others.length === 1 ? 'session' : 'sessions'}).</p>
          : <p>{pending ? describeUserAgent(pending.session.userAgent) : ''} is signed out and must sign in again.</p>}
      </ConfirmDialog>
    </section>
  );
}
