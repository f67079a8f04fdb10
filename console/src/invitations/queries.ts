/**
 * @module The invitation screens' server state: invitations page by page (the API's cursor, 50 at a
 * time, filtered by status), inviting a list, resend and revoke, and what the Invite Users form
 * offers: the permission catalogue and the resources of a type (seed 003's partners).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type InvitationsPath = paths['/api/v1/organizations/{organizationId}/invitations'];
export type Invitation = InvitationsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type InvitationStatus = Invitation['status'];
export type InvitationRequest = NonNullable<InvitationsPath['post']['requestBody']>['content']['application/json'];
export type InvitationResult = InvitationsPath['post']['responses'][201]['content']['application/json']['results'][number];
export type CatalogPermission = paths['/api/v1/organizations/{organizationId}/permissions']['get']['responses'][200]['content']['application/json']['items'][number];
export type Resource = paths['/api/v1/organizations/{organizationId}/resource-types/{resourceType}/resources']['get']['responses'][200]['content']['application/json']['items'][number];

export const INVITATIONS_PAGE_SIZE = 50;

const invitationsKey = (organizationId: string) => ['invitations', organizationId] as const;

export function useInvitations(organizationId: string, status: InvitationStatus | '') {
  return useInfiniteQuery({
    queryKey: [...invitationsKey(organizationId), 'list', status],
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/invitations', {
      params: { path: { organizationId }, query: { status: status || undefined, limit: INVITATIONS_PAGE_SIZE, cursor: pageParam } },
      signal,
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Switching the status filter keeps the previous rows until the new ones come, instead of blinking empty.
    placeholderData: keepPreviousData,
  });
}

function useRefreshInvitations(organizationId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: invitationsKey(organizationId) });
}

export function useInvite(organizationId: string) {
  const refresh = useRefreshInvitations(organizationId);
  return useMutation({
    mutationFn: (body: InvitationRequest) => unwrap(api.POST('/api/v1/organizations/{organizationId}/invitations', { params: { path: { organizationId } }, body })),
    onSuccess: refresh,
  });
}

export function useResendInvitation(organizationId: string) {
  const refresh = useRefreshInvitations(organizationId);
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(api.POST('/api/v1/organizations/{organizationId}/invitations/{invitationId}/resend', { params: { path: { organizationId, invitationId } } })),
    onSuccess: refresh,
  });
}

export function useRevokeInvitation(organizationId: string) {
  const refresh = useRefreshInvitations(organizationId);
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(api.DELETE('/api/v1/organizations/{organizationId}/invitations/{invitationId}', { params: { path: { organizationId, invitationId } } })),
    onSuccess: refresh,
  });
}

export function usePermissionCatalog(organizationId: string) {
  return useQuery({
    queryKey: ['permissions', organizationId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/permissions', { params: { path: { organizationId } } }))).items,
    staleTime: 60_000,
  });
}

export function useResourceTypes(organizationId: string) {
  return useQuery({
    queryKey: ['resource-types', organizationId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/resource-types', { params: { path: { organizationId } } }))).items,
    staleTime: 60_000,
  });
}

/** The resources of a type, 100 at a time: enough to pick from, with "more" for a long list. */
export function useResources(organizationId: string, resourceType: string | null) {
  return useInfiniteQuery({
    queryKey: ['resources', organizationId, resourceType],
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/resource-types/{resourceType}/resources', {
      params: { path: { organizationId, resourceType: resourceType! }, query: { limit: 100, cursor: pageParam } },
      signal,
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: resourceType !== null,
    staleTime: 60_000,
  });
}
