/**
 * @module Who is signed in: `useMe` reads GET /api/v1/me (null when signed out), and the sign-in,
 * sign-up and sign-out calls, which refresh it.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';

export type SignInBody = { login: string; password: string };

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export type Me = NonNullable<ReturnType<typeof useMe>['data']>;
export type MyOrganization = { organization: { id: string; name: string }; role: string; status: string; current: boolean };

export function useMyOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['my-organizations'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/me/organizations'))).items,
    enabled,
  });
}

/**
 * After signing in or up: drops whatever was cached for the previous session and waits for the new
 * profile, keeping the page mounted meanwhile so it can go on to where the user was heading.
 * `keep`: queries of the page itself (its first key part) that stay.
 */
export async function freshSession(client: QueryClient, keep: readonly unknown[] = ME_KEY): Promise<void> {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] && query.queryKey[0] !== keep[0] });
  await client.invalidateQueries({ queryKey: ME_KEY });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => unwrap(api.POST('/api/v1/session', { body })),
    onSuccess: () => freshSession(client),
  });
}

export interface SignUpFields { username: string; email: string; password: string; firstName: string; lastName: string; organizationName: string }

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpFields) => unwrap(api.POST('/api/v1/signup', { body })),
    onSuccess: () => freshSession(client),
  });
}

/** `to`: where to go afterwards (a signed-out page such as an invitation link), sign-in by default. */
export function useSignOut(to = '/sign-in') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/session')),
    // A fresh page load: nothing of the previous user stays on screen, in the cache or in memory.
    onSettled: () => {
      client.clear();
      window.location.assign(to);
    },
  });
}

/** Remembers the organization the session works in (seed 001 "My Organizations"). */
export function useSwitchOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => unwrap(api.PUT('/api/v1/session/organization', { body: { organizationId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-organizations'] }),
  });
}
