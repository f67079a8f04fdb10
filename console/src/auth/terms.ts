/**
 * @module The terms the signed-in user must accept (seed 002): the documents that apply (the
 * instance's and their organizations'), accepting one, and declining, which signs out.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ME_KEY } from './session';

const MY_TERMS_KEY = ['my-terms'] as const;

export function useMyTerms() {
  return useQuery({ queryKey: MY_TERMS_KEY, queryFn: () => unwrap(api.GET('/api/v1/me/terms')) });
}

export type MyTerms = NonNullable<ReturnType<typeof useMyTerms>['data']>['items'][number];

export function useAcceptTerms() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (termsId: string) => unwrap(api.POST('/api/v1/me/terms/accept', { body: { termsId } })),
    onSuccess: async (answer) => {
      client.setQueryData(MY_TERMS_KEY, answer);
      // Once every document is accepted the session is free: the profile says so to the router.
      if (!answer.requiredActions.includes('accept_terms')) await client.invalidateQueries({ queryKey: ME_KEY, exact: true });
    },
  });
}

export function useDeclineTerms() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/terms/decline')),
    // Declining signs out: a fresh page load, as for sign-out.
    onSuccess: () => {
      client.clear();
      window.location.assign('/sign-in?declined=terms');
    },
  });
}
