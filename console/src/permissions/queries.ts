/**
 * @module Server state the access screens share: the catalogue, resource types and their resources,
 * templates, and a member's user-specific permissions and effective access.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useCatalog(organizationId: string) {
  return useQuery({
    queryKey: ['catalog', organizationId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/permissions', { params: { path: { organizationId } } }))).items,
    staleTime: 60_000,
  });
}

export function useResourceTypes(organizationId: string) {
  return useQuery({
    queryKey: ['catalog', organizationId, 'resource-types'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/resource-types', { params: { path: { organizationId } } }))).items,
    staleTime: 60_000,
  });
}

/** The first 200 resources of a type, by id: enough to pick from (seed 003's "list of partners to select from"). */
export function useResources(organizationId: string, type: string) {
  return useQuery({
    queryKey: ['catalog', organizationId, 'resources', type],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/resource-types/{resourceType}/resources', {
      params: { path: { organizationId, resourceType: type }, query: { limit: 200 } },
    }))).items,
    staleTime: 60_000,
  });
}

export function useTemplates(organizationId: string) {
  return useQuery({
    queryKey: ['catalog', organizationId, 'templates'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/templates', { params: { path: { organizationId } } }))).items,
  });
}

export const memberAccessKey = (organizationId: string, userId: string) => ['member-access', organizationId, userId] as const;

/** The member's overrides (allow / deny) and granted resources, as PATCH takes them. */
export function useMemberGrants(organizationId: string, userId: string) {
  return useQuery({
    queryKey: [...memberAccessKey(organizationId, userId), 'grants'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{organizationId}/members/{userId}/permissions', { params: { path: { organizationId, userId } } })),
  });
}

/** What the member may do now, each permission with the reason (role, group, user allow). */
export function useMemberAccess(organizationId: string, userId: string) {
  return useQuery({
    queryKey: [...memberAccessKey(organizationId, userId), 'effective'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{organizationId}/members/{userId}/access', { params: { path: { organizationId, userId } } })),
  });
}
