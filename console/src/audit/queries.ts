/**
 * @module The audit log's server state: events newest first, 50 at a time with the API's cursor,
 * for the filters chosen; and the member search behind the actor and target pickers.
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type EventsPath = paths['/api/v1/organizations/{organizationId}/audit-events'];
export type AuditEvent = EventsPath['get']['responses'][200]['content']['application/json']['items'][number];

/** A filter on an id, with what the page shows for it (the id alone says nothing to people). */
export interface Picked {
  id: string;
  label: string;
}

export interface AuditFilter {
  actor: Picked | null;
  target: Picked | null;
  action: string;
  /** ISO times, or '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilter = { actor: null, target: null, action: '', from: '', to: '' };

export function useAuditEvents(organizationId: string, filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit-events', organizationId, filter.actor?.id ?? '', filter.target?.id ?? '', filter.action, filter.from, filter.to],
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/audit-events', {
      params: {
        path: { organizationId },
        query: {
          actor: filter.actor?.id, target: filter.target?.id, action: filter.action || undefined,
          from: filter.from || undefined, to: filter.to || undefined, limit: 50, cursor: pageParam,
        },
      },
      signal,
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Members whose user name, email or names start with `q`, active and inactive, for the pickers. */
export function useMemberSearch(organizationId: string, q: string) {
  return useQuery({
    queryKey: ['audit-member-search', organizationId, q],
    queryFn: async ({ signal }) => {
      const [active, inactive] = await Promise.all((['active', 'inactive'] as const).map((status) => unwrap(api.GET('/api/v1/organizations/{organizationId}/members', {
        params: { path: { organizationId }, query: { q, status, limit: 10 } }, signal,
      }))));
      return [...active!.items, ...inactive!.items];
    },
    enabled: q.length > 0,
    staleTime: 30_000,
  });
}
