/**
 * @module The import screen's server state: a CSV file sent as it is (`text/csv`) for a dry run or an
 * import, and the imports list, polled while an import runs to show its progress.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Problem } from '../api/client';
import type { paths } from '../api/schema';

type ImportsPath = paths['/api/v1/organizations/{organizationId}/imports'];
export type DryRunReport = ImportsPath['post']['responses'][200]['content']['application/json'];
export type Import = ImportsPath['post']['responses'][201]['content']['application/json'];
export type ImportProblem = DryRunReport['problems'][number];

/**
 * The file goes as the request body itself, `text/csv`. The route describes that body in words only
 * (a CSV file has no JSON schema), so the generated types have no body for it: the body is spread in
 * untyped and the serializer hands over the text as it is.
 */
const csvBody = (csv: string) => ({ ...({ body: csv } as object), bodySerializer: () => csv, headers: { 'Content-Type': 'text/csv' } });

export function useDryRun(organizationId: string) {
  return useMutation({
    mutationFn: async (csv: string) => {
      const report = await unwrap(api.POST('/api/v1/organizations/{organizationId}/imports', {
        params: { path: { organizationId }, query: { dryRun: true, mode: 'skip_invalid' } }, ...csvBody(csv),
      }));
      if (!('dryRun' in report)) throw new Error('Roster imported the file instead of checking it');
      return report;
    },
  });
}

/** Invites the valid rows and skips the others, a chunk a transaction, so the progress shows while it runs. */
export function useRunImport(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) => {
      const result = await unwrap(api.POST('/api/v1/organizations/{organizationId}/imports', {
        params: { path: { organizationId }, query: { mode: 'skip_invalid' } }, ...csvBody(csv),
      }));
      if ('dryRun' in result) throw new Error('Roster only checked the file instead of importing it');
      return result;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['invitations', organizationId] }),
  });
}

/** The newest imports, asked again three times a second while `polling`. */
export function useRecentImports(organizationId: string, polling: boolean) {
  return useQuery({
    queryKey: ['imports', organizationId, 'recent'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{organizationId}/imports', { params: { path: { organizationId }, query: { limit: 10 } } }))).items,
    refetchInterval: polling ? 300 : false,
  });
}

/** The row problems of a refused import (`import.rows_invalid` carries every one). */
export function problemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.problem as Problem & { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : [];
}
