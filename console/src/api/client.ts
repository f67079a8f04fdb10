/**
 * @module The console's only way to the server: an openapi-fetch client typed by schema.d.ts
 * (generated from Roster's OpenAPI document), and `unwrap`, which turns an error answer into an
 * `ApiError` carrying the problem details so forms can put each message next to its field.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Problem = components['schemas']['Problem'];

export const api = createClient<paths>({ credentials: 'same-origin' });

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string' && typeof (value as Problem).detail === 'string';
}

const unreachable: Problem = {
  type: 'about:blank', title: 'Network error', status: 0, code: 'network', detail: 'Roster could not be reached. Check the connection and try again.',
};

/** The answer's data, or an ApiError with the server's problem details (or a stand-in when there were none). */
export async function unwrap<D>(request: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(unreachable);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    throw new ApiError(isProblem(error) ? error : {
      type: 'about:blank', title: response.statusText, status: response.status, code: 'http.error', detail: `Roster answered ${response.status} ${response.statusText}`.trim(),
    });
  }
  return data as D;
}
