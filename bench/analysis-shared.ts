// What every part of the k-means benchmark (bench/analysis.ts) shares: the fixed seed, restarts
// and column count of the planted data, the progress line on stderr, and the small measuring and
// number helpers (wall and CPU time, peak memory, rounding, ratios) plus the flag parser.

export const SEED = 1;
export const RESTARTS = 10;
export const COLS = 30;

/** A child's or Python's JSON figures, or null when that part did not run. */
export type ChildResult = Record<string, unknown> | null;

/** The command line flags: `--name value` or a bare `--name` (true). */
export type BenchArgs = Map<string, string | true>;

export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function measure<T>(run: () => T): { result: T; wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = run();
  return { result, wallMs: round(performance.now() - wall), cpuMs: round(cpuMs() - cpu) };
}

export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024);
}

export const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** a / b rounded, or null when either is missing. */
export const ratio = (a: number | null, b: number | null, digits: number): number | null =>
  a !== null && b !== null && b > 0 ? round(a / b, digits) : null;

export function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      out.set(arg.slice(2), next);
      i++;
    } else {
      out.set(arg.slice(2), true);
    }
  }
  return out;
}
