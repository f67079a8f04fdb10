/**
 * @module The personal pages' server state: saving the own profile, changing the password, the
 * own sessions, and creating an organization. Each change refreshes what it affects.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { ME_KEY } from '../auth/session';

export type ProfilePatch = NonNullable<paths['/api/v1/me']['patch']['requestBody']>['content']['application/json'];
export type MySession = paths['/api/v1/me/sessions']['get']['responses'][200]['content']['application/json']['items'][number];

const SESSIONS_KEY = ['my-sessions'] as const;

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => unwrap(api.PATCH('/api/v1/me', { body: patch })),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.PUT('/api/v1/me/password', { body })),
    // The API ends every other session of the user.
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: async () => (await unwrap(api.GET('/api/v1/me/sessions'))).items,
  });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => unwrap(api.DELETE('/api/v1/me/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/sessions')),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

/** Creates an organization the user owns (seed 001), and refreshes "My Organizations". */
export function useCreateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/organizations', { body: { name } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-organizations'] }),
  });
}
