/**
 * @module Passwords without an admin: asking for a reset link ("Forgot password?"), whether a link
 * still works, setting a new password with it, and changing one's own password (the `change_password` required action).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ME_KEY } from './session';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (login: string) => unwrap(api.POST('/api/v1/password-resets', { body: { login } })),
  });
}

/** Whether the emailed link still works (and until when), asked before the form is shown. */
export function usePasswordResetLink(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => unwrap(api.GET('/api/v1/password-resets/{token}', { params: { path: { token } } })),
    staleTime: Infinity,
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (newPassword: string) => unwrap(api.POST('/api/v1/password-resets/{token}', { params: { path: { token } }, body: { newPassword } })),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.PUT('/api/v1/me/password', { body })),
    // The answer says which actions remain; the profile carries them to the router.
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}
