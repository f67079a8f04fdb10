/**
 * @module The Settings page's server state: the organization and its settings, its terms, its API
 * keys, the permission catalogue and what the signed-in member holds (only those can go on a key).
 */
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type OrganizationPath = paths['/api/v1/organizations/{organizationId}'];
export type Organization = OrganizationPath['get']['responses'][200]['content']['application/json'];
export type OrganizationPatch = NonNullable<OrganizationPath['patch']['requestBody']>['content']['application/json'];
export type Settings = Organization['settings'];
export type PasswordPolicy = Settings['passwordPolicy'];
type ApiKeysPath = paths['/api/v1/organizations/{organizationId}/api-keys'];
export type ApiKey = ApiKeysPath['get']['responses'][200]['content']['application/json']['items'][number];
export type NewApiKey = NonNullable<ApiKeysPath['post']['requestBody']>['content']['application/json'];
export type CreatedApiKey = ApiKeysPath['post']['responses'][201]['content']['application/json'];
export type Terms = paths['/api/v1/organizations/{organizationId}/terms']['get']['responses'][200]['content']['application/json'];

const organizationKey = (organizationId: string) => ['organization', organizationId] as const;

export function useUpdateOrganization(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationPatch) => unwrap(api.PATCH('/api/v1/organizations/{organizationId}', { params: { path: { organizationId } }, body })),
    onSuccess: (organization) => {
      client.setQueryData(organizationKey(organizationId), organization);
      // The top bar and My Organizations show the name.
      void client.invalidateQueries({ queryKey: ['my-organizations'] });
    },
  });
}

/** The current terms, or null while the organization has published none. */
export function useTerms(organizationId: string) {
  return useQuery({
    queryKey: ['terms', organizationId],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/organizations/{organizationId}/terms', { params: { path: { organizationId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'terms.not_found') return null;
        throw error;
      }
    },
  });
}

export function usePublishTerms(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: string; text: string }) =>
      unwrap(api.PUT('/api/v1/organizations/{organizationId}/terms', { params: { path: { organizationId } }, body })),
    onSuccess: (terms) => client.setQueryData(['terms', organizationId], terms),
  });
}

const apiKeysKey = (organizationId: string) => ['api-keys', organizationId] as const;

export function useApiKeys(organizationId: string, enabled: boolean) {
  return useInfiniteQuery(infiniteQueryOptions({
    enabled,
    queryKey: apiKeysKey(organizationId),
    queryFn: ({ pageParam, signal }) => unwrap(api.GET('/api/v1/organizations/{organizationId}/api-keys', {
      params: { path: { organizationId }, query: { limit: 50, cursor: pageParam } }, signal,
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  }));
}

export function useCreateApiKey(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiKey) => unwrap(api.POST('/api/v1/organizations/{organizationId}/api-keys', { params: { path: { organizationId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey(organizationId) }),
  });
}

export function useRevokeApiKey(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => unwrap(api.DELETE('/api/v1/organizations/{organizationId}/api-keys/{keyId}', { params: { path: { organizationId, keyId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey(organizationId) }),
  });
}

export function usePermissionCatalog(organizationId: string) {
  return useQuery({
    queryKey: ['permissions', organizationId],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/permissions', { params: { path: { organizationId } } }))).items,
    staleTime: 60_000,
  });
}

/**
 * What the signed-in member may do here, as the API decides it (a member may always read their own
 * access). `holds` answers for one permission; owners and admins hold `*`, which is every one.
 */
export function useMyPermissions(organizationId: string, userId: string) {
  const access = useQuery({
    queryKey: ['my-access', organizationId, userId],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{organizationId}/members/{userId}/access', { params: { path: { organizationId, userId } } })),
    staleTime: 30_000,
  });
  const held = new Set(access.data?.permissions.map((p) => p.permission) ?? []);
  return { ...access, holds: (permission: string) => held.has('*') || held.has(permission) };
}
