/**
 * @module The Users page's server state: members page by page (the API's cursor, 50 at a time, so
 * the first rows come as fast with 100,000 members as with ten), one member, roles and groups, and
 * the changes, each of which refreshes the lists it affects.
 */
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type MembersPath = paths['/api/v1/organizations/{organizationId}/members'];
export type Member = MembersPath['get']['responses'][200]['content']['application/json']['items'][number];
export type NewMember = NonNullable<MembersPath['post']['requestBody']>['content']['application/json'];
export type MemberPatch = NonNullable<paths['/api/v1/organizations/{organizationId}/members/{userId}']['patch']['requestBody']>['content']['application/json'];
export type MemberStatus = 'active' | 'inactive';

export const PAGE_SIZE = 50;

export interface MemberFilter {
  status: MemberStatus;
  q: string;
  role: string;
}

const membersKey = (organizationId: string) => ['members', organizationId] as const;

/** The list's query, shared by the page and by main.tsx, which starts it before the profile is back. */
export const membersQuery = (organizationId: string, filter: MemberFilter) => infiniteQueryOptions({
  queryKey: [...membersKey(organizationId), 'list', filter],
  queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/members', {
    params: { path: { organizationId }, query: { status: filter.status, q: filter.q || undefined, role: filter.role || undefined, limit: PAGE_SIZE, cursor: pageParam } },
    signal,
  })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  // Fresh for a few seconds, so the page does not ask again for rows main.tsx just fetched; every
  // change made here refreshes the lists at once anyway.
  staleTime: 5_000,
});

export function useMembers(organizationId: string, filter: MemberFilter) {
  // While the search is retyped the previous rows stay, instead of the list blinking empty.
  return useInfiniteQuery({ ...membersQuery(organizationId, filter), placeholderData: keepPreviousData });
}

export function useMember(organizationId: string, userId: string | null) {
  return useQuery({
    queryKey: [...membersKey(organizationId), 'one', userId],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{organizationId}/members/{userId}', { params: { path: { organizationId, userId: userId! } } })),
    enabled: userId !== null,
  });
}

export function useRoles(organizationId: string) {
  return useQuery({
    queryKey: ['roles', organizationId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/roles', { params: { path: { organizationId } } }))).items,
    staleTime: 60_000,
  });
}

/** The first 200 groups, by name: enough for the check boxes of seed 002's User Groups. */
export function useGroups(organizationId: string) {
  return useQuery({
    queryKey: ['groups', organizationId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/groups', { params: { path: { organizationId }, query: { limit: 200 } } }))).items,
    staleTime: 60_000,
  });
}

export function useOrganization(organizationId: string) {
  return useQuery({
    queryKey: ['organization', organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{organizationId}', { params: { path: { organizationId } } })),
    staleTime: 60_000,
  });
}

function useRefreshMembers(organizationId: string) {
  const client = useQueryClient();
  // A member's role, groups and status are what their effective access is made of.
  return () => Promise.all([membersKey(organizationId), ['member-access', organizationId]].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useSetMemberStatus(organizationId: string) {
  const refresh = useRefreshMembers(organizationId);
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: 'deactivate' | 'activate' }) => action === 'deactivate'
      ? unwrap(api.POST('/api/v1/organizations/{organizationId}/members/{userId}/deactivate', { params: { path: { organizationId, userId } } }))
      : unwrap(api.POST('/api/v1/organizations/{organizationId}/members/{userId}/activate', { params: { path: { organizationId, userId } } })),
    onSuccess: refresh,
  });
}

export function useDeleteMembers(organizationId: string) {
  const refresh = useRefreshMembers(organizationId);
  return useMutation({
    mutationFn: (selection: { userIds: string[] } | { all: true }) =>
      unwrap(api.POST('/api/v1/organizations/{organizationId}/members/bulk', { params: { path: { organizationId } }, body: { action: 'delete', ...selection } })),
    onSuccess: refresh,
  });
}

export function useAddMember(organizationId: string) {
  const refresh = useRefreshMembers(organizationId);
  return useMutation({
    mutationFn: async ({ body, groups }: { body: NewMember; groups: string[] }) => {
      const member = await unwrap(api.POST('/api/v1/organizations/{organizationId}/members', { params: { path: { organizationId } }, body }));
      // Adding takes no groups; seed 002's check boxes are applied right after, by the same admin.
      if (groups.length === 0) return member;
      return unwrap(api.PATCH('/api/v1/organizations/{organizationId}/members/{userId}', { params: { path: { organizationId, userId: member.userId } }, body: { groups } }));
    },
    onSuccess: refresh,
  });
}

export function useUpdateMember(organizationId: string) {
  const refresh = useRefreshMembers(organizationId);
  return useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: MemberPatch }) =>
      unwrap(api.PATCH('/api/v1/organizations/{organizationId}/members/{userId}', { params: { path: { organizationId, userId } }, body: patch })),
    onSuccess: refresh,
  });
}

/** Seed 004's "Resend Invite": the welcome email again, for a user who never signed in. */
export function useResendMemberInvitation(organizationId: string) {
  const refresh = useRefreshMembers(organizationId);
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.POST('/api/v1/organizations/{organizationId}/members/{userId}/resend-invitation', { params: { path: { organizationId, userId } } })),
    onSuccess: refresh,
  });
}
