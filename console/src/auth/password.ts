/**
 * @module Passwords without an admin: asking for a reset link ("Forgot password?"), setting a new
 * password with the link, and changing one's own password (the `change_password` required action).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ME_KEY } from './session';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (login: string) => unwrap(api.POST('/api/v1/password-resets', { body: { login } })),
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
