/**
 * @module The Audit log: every change in the organization, newest first (seed 000 "lead history and
 * logs"), 50 at a time with "Load more", filtered by action, actor, target and time. Filters are
 * applied together; the buttons on an event narrow the log to its actor, action or target.
 */
import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { Empty, ErrorState, Loading } from '../components/states';
import { AuditEventItem } from './audit-event';
import { AuditFilters } from './audit-filters';
import { NO_FILTER, useAuditEvents, type AuditFilter } from './queries';

export function AuditLogPage({ organizationId }: { organizationId: string }) {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const events = useAuditEvents(organizationId, filter);
  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);
  // Every action seen while the page is open, as suggestions for the Action filter.
  const seen = useRef(new Set<string>());
  for (const e of rows) seen.current.add(e.action);
  const filtered = filter !== NO_FILTER;
  // A refusal (no audit.read) will not change by asking again or by filtering: it is all the page shows.
  const refused = events.error instanceof ApiError && events.error.status === 403;

  const apply = (next: AuditFilter) => setFilter(next);
  const narrow = (change: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <div className="audit">
      <h1 className="page-title">Audit log</h1>
      <p className="muted audit-lead">Every change in this organization, newest first, with who made it (their name at the time) and what it changed.</p>
      {refused ? null : <AuditFilters key={JSON.stringify(filter)} organizationId={organizationId} applied={filter} knownActions={[...seen.current].sort()} onApply={apply} />}
      <section className="audit-results" aria-labelledby="audit-results-title" aria-busy={events.isFetching}>
        <h2 id="audit-results-title" className="sr-only">Events</h2>
        {events.isPending ? <Loading label="Loading events…" />
          : events.isError ? <ErrorState error={events.error} onRetry={refused ? undefined : () => void events.refetch()} />
          : rows.length === 0 ? <Empty>{filtered ? 'No event matches these filters.' : 'No events yet.'}</Empty> : (
            <ol className="audit-list">
              {rows.map((e) => <AuditEventItem key={e.id} event={e} onFilter={narrow} />)}
            </ol>
          )}
        {events.hasNextPage ? (
          <button type="button" className="button load-more" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </section>
    </div>
  );
}
