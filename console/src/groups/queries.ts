/**
 * @module The Group Manager's server state (seed 002): a group's members page by page, and the
 * changes to groups and their members. Each change refreshes the groups, the members (whose rows
 * list their groups) and members' effective access, which groups feed.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type GroupsPath = paths['/api/v1/organizations/{organizationId}/groups'];
export type Group = GroupsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type NewGroup = NonNullable<GroupsPath['post']['requestBody']>['content']['application/json'];
export type GroupPatch = NonNullable<paths['/api/v1/organizations/{organizationId}/groups/{groupId}']['patch']['requestBody']>['content']['application/json'];

const GROUP_MEMBERS_PAGE = 50;

/** One group, asked by id: the list holds the first 200 only. */
export function useGroup(organizationId: string, groupId: string | null) {
  return useQuery({
    queryKey: ['groups', organizationId, 'one', groupId],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{organizationId}/groups/{groupId}', { params: { path: { organizationId, groupId: groupId! } } })),
    enabled: groupId !== null,
  });
}

export function useGroupMembers(organizationId: string, groupId: string) {
  return useInfiniteQuery({
    queryKey: ['members', organizationId, 'group', groupId],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/groups/{groupId}/members', {
      params: { path: { organizationId, groupId }, query: { limit: GROUP_MEMBERS_PAGE, cursor: pageParam } },
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useRefresh(organizationId: string) {
  const client = useQueryClient();
  return () => Promise.all(['groups', 'members', 'member-access'].map((k) => client.invalidateQueries({ queryKey: [k, organizationId] })));
}

export function useCreateGroup(organizationId: string) {
  const refresh = useRefresh(organizationId);
  return useMutation({
    mutationFn: (body: NewGroup) => unwrap(api.POST('/api/v1/organizations/{organizationId}/groups', { params: { path: { organizationId } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateGroup(organizationId: string) {
  const refresh = useRefresh(organizationId);
  return useMutation({
    mutationFn: ({ groupId, patch }: { groupId: string; patch: GroupPatch }) =>
      unwrap(api.PATCH('/api/v1/organizations/{organizationId}/groups/{groupId}', { params: { path: { organizationId, groupId } }, body: patch })),
    onSuccess: refresh,
  });
}

export function useDeleteGroup(organizationId: string) {
  const refresh = useRefresh(organizationId);
  return useMutation({
    mutationFn: (groupId: string) => unwrap(api.DELETE('/api/v1/organizations/{organizationId}/groups/{groupId}', { params: { path: { organizationId, groupId } } })),
    // Not awaited: the page moves to the list before the refreshed list drops what was deleted,
    // which would unmount the form whose callbacks say where to go.
    onSuccess: () => { void refresh(); },
  });
}

export function useGroupMembership(organizationId: string) {
  const refresh = useRefresh(organizationId);
  return useMutation({
    mutationFn: ({ groupId, userId, action }: { groupId: string; userId: string; action: 'add' | 'remove' }) => {
      const options = { params: { path: { organizationId, groupId, userId } } };
      return action === 'add'
        ? unwrap(api.PUT('/api/v1/organizations/{organizationId}/groups/{groupId}/members/{userId}', options))
        : unwrap(api.DELETE('/api/v1/organizations/{organizationId}/groups/{groupId}/members/{userId}', options));
    },
    onSuccess: refresh,
  });
}
