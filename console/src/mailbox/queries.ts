/**
 * @module The Mailbox page's server state: the organization's email while no SMTP server is
 * configured, newest first, 50 at a time with the API's cursor.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

export type MailboxMessage = paths['/api/v1/organizations/{organizationId}/mailbox']['get']['responses'][200]['content']['application/json']['items'][number];

export const MAILBOX_PAGE_SIZE = 50;

export function useMailbox(organizationId: string, to: string) {
  return useInfiniteQuery({
    queryKey: ['mailbox', organizationId, to],
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/mailbox', {
      params: { path: { organizationId }, query: { to: to || undefined, limit: MAILBOX_PAGE_SIZE, cursor: pageParam } },
      signal,
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
