// The figures every ingestion load reports (bench/ingest.ts, bench/ingest-bare.ts): responses per
// second and the latency percentiles of the requests or statements that carried them.

export interface LoadResult {
  responses: number;
  /** Mixed load only: partial saves and final submits together. */
  requestsPerSecond?: number;
  seconds: number;
  responsesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: number;
  errorsByStatus: Record<string, number>;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** Summarises one load: `ok` stored responses in `elapsedMs`, with every request's latency. */
export function loadResult(
  ok: number,
  elapsedMs: number,
  latencies: number[],
  errorsByStatus: Record<string, number>,
): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const elapsed = elapsedMs / 1000;
  return {
    responses: ok,
    seconds: round(elapsed, 2),
    responsesPerSecond: round(ok / elapsed),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? Number.NaN),
      mean: round(sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length)),
    },
    errors: Object.values(errorsByStatus).reduce((sum, n) => sum + n, 0),
    errorsByStatus,
  };
}
