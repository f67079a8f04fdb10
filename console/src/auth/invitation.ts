/**
 * @module The invitee's side of an invitation: what the emailed link offers (GET, no session
 * needed) and accepting it, as a new account, as the signed-in user, or signing in first.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { freshSession } from './session';

export interface NewAccountFields { username: string; firstName: string; lastName: string; password: string }

/** How the invitee accepts: as whoever is signed in, with a new account, or signing in first. */
export type Acceptance = { as: 'signed-in' } | { as: 'new'; account: NewAccountFields } | { as: 'existing'; login: string; password: string };

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
    // The link is single use: once accepted, asking again would only say it is gone.
    staleTime: Infinity,
  });
}

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    // Signing in and accepting are one step for the invitee, so one mutation: its outcome stays on
    // the page even when signing in worked and accepting did not.
    mutationFn: async (acceptance: Acceptance) => {
      if (acceptance.as === 'existing') await unwrap(api.POST('/api/v1/session', { body: { login: acceptance.login, password: acceptance.password } }));
      return unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: acceptance.as === 'new' ? acceptance.account : {} }));
    },
    // Who is signed in may have changed (a new account, a sign-in), and the organizations did.
    onSettled: () => freshSession(client, ['invitation', token]),
  });
}
