/**
 * @module Latency bookkeeping for the load test: every request's kind, status and time, summed up
 * per kind as counts and percentiles.
 */

export interface Sample {
  kind: string;
  status: number;
  ms: number;
}

export interface KindSummary {
  kind: string;
  requests: number;
  perSecond: number;
  /** Answers by status class, e.g. `{ '2xx': 1200 }`; `error` counts requests that got no answer. */
  statuses: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** The value below which `p` percent of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const statusClass = (status: number) => (status === 0 ? 'error' : `${Math.floor(status / 100)}xx`);
const round = (ms: number) => Math.round(ms * 10) / 10;

export function summarize(samples: readonly Sample[], seconds: number): KindSummary[] {
  const byKind = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byKind.get(s.kind) ?? [];
    list.push(s);
    byKind.set(s.kind, list);
  }
  const all = { kind: 'all', list: [...samples] };
  return [...[...byKind].map(([kind, list]) => ({ kind, list })), all].map(({ kind, list }) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const s of list) statuses[statusClass(s.status)] = (statuses[statusClass(s.status)] ?? 0) + 1;
    return {
      kind, requests: list.length, perSecond: Math.round(list.length / seconds), statuses,
      p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0),
    };
  });
}
