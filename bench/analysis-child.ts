// The k-means benchmark's child processes (bench/analysis.ts): each measured run (our fit, our
// full fit, ml-kmeans, auto-k from a dense matrix or from number[][]) happens in a process of its
// own so that its time and peak memory are its own. This module owns how a child loads the planted
// data from the temp dir, what it measures and prints, and how the parent starts one.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chooseK } from "~/server/analysis/choose-k";
import { fitKMeans, type KMeansFit } from "~/server/analysis/kmeans";
import { denseMatrix, type DenseMatrix } from "~/server/analysis/kmeans-matrix";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { clusterStability } from "~/server/analysis/stability";
import {
  COLS,
  type ChildResult,
  measure,
  peakRssMb,
  progress,
  round,
  SEED,
} from "./analysis-shared";

/** Rows read per chunk when building number[][] from the data file. */
const CHUNK_ROWS = 32_768;

/** The bench's entry point: children are started as `analysis.ts --child <mode> ...`. */
const BENCH_ENTRY = fileURLToPath(new URL("./analysis.ts", import.meta.url));

export type Mode = "ours" | "oursFull" | "mlKmeans" | "autoK" | "autoKArrays" | "endToEnd";

/** Modes that get the matrix as number[][], as the encoder produces it. */
const ARRAY_MODES: readonly Mode[] = ["mlKmeans", "autoKArrays"];

export interface ChildArgs {
  mode: Mode;
  dir: string;
  n: number;
  k: number;
  restarts: number;
}

function loadTruth(dir: string): Int32Array {
  const y = readFileSync(join(dir, "y.i32"));
  return new Int32Array(new Uint8Array(y).buffer);
}

function loadDense(dir: string, n: number): DenseMatrix {
  const x = readFileSync(join(dir, "x.f64"));
  // A large file's Buffer owns its ArrayBuffer from offset 0; copy only if it does not.
  const values =
    x.byteOffset % 8 === 0
      ? new Float64Array(x.buffer, x.byteOffset, x.byteLength / 8)
      : new Float64Array(new Uint8Array(x).buffer);
  return denseMatrix(n, COLS, values);
}

/**
 * The matrix as number[][], read in chunks: the child's peak memory is then that of the arrays
 * (what server/analysis/pipeline.ts holds), not arrays plus a whole-file buffer.
 */
function loadArrays(dir: string, n: number): number[][] {
  const fd = openSync(join(dir, "x.f64"), "r");
  const chunk = new Float64Array(CHUNK_ROWS * COLS);
  const bytes = new Uint8Array(chunk.buffer);
  const rows: number[][] = [];
  try {
    for (let start = 0; start < n; start += CHUNK_ROWS) {
      const count = Math.min(CHUNK_ROWS, n - start);
      readSync(fd, bytes, 0, count * COLS * 8, start * COLS * 8);
      for (let r = 0; r < count; r++)
        rows.push(Array.from(chunk.subarray(r * COLS, (r + 1) * COLS)));
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}

function describeFit(fit: KMeansFit, truth: Int32Array) {
  return {
    k: fit.k,
    inertia: fit.inertia,
    ariToTruth: round(adjustedRandIndex(truth, fit.assignments), 4),
    iterations: fit.iterations,
    method: fit.method,
  };
}

/** A child process: one measured run, JSON on stdout. */
export function runChild(args: ChildArgs): void {
  const truth = loadTruth(args.dir);
  const arrays = ARRAY_MODES.includes(args.mode) ? loadArrays(args.dir, args.n) : null;
  const matrix = arrays ?? loadDense(args.dir, args.n);
  const loadedRssMb = peakRssMb();
  const base = { input: arrays ? "number[][]" : "DenseMatrix", loadedRssMb };
  let out: Record<string, unknown>;
  switch (args.mode) {
    case "ours":
    case "oursFull": {
      const m = measure(() =>
        fitKMeans(matrix, args.k, {
          seed: SEED,
          restarts: args.restarts,
          ...(args.mode === "oursFull" ? { engine: "typed", sampleThreshold: Infinity } : {}),
        }),
      );
      out = { wallMs: m.wallMs, cpuMs: m.cpuMs, ...describeFit(m.result, truth) };
      break;
    }
    case "mlKmeans": {
      const m = measure(() =>
        fitKMeans(matrix, args.k, { seed: SEED, restarts: args.restarts, engine: "ml-kmeans" }),
      );
      out = { restarts: args.restarts, wallMs: m.wallMs, cpuMs: m.cpuMs };
      Object.assign(out, describeFit(m.result, truth));
      break;
    }
    case "endToEnd":
      throw new Error("The end-to-end child is started from main(), not runChild().");
    case "autoK":
    case "autoKArrays": {
      const choice = measure(() => chooseK(matrix, { seed: SEED }));
      const stability = measure(() =>
        clusterStability(matrix, choice.result.fit.assignments, { seed: SEED + 1 }),
      );
      out = {
        wallMs: round(choice.wallMs + stability.wallMs),
        cpuMs: round(choice.cpuMs + stability.cpuMs),
        chooseK: {
          wallMs: choice.wallMs,
          cpuMs: choice.cpuMs,
          k: choice.result.k,
          reason: choice.result.reason,
          structure: choice.result.structure,
          curveRows: choice.result.curveRows,
          curve: choice.result.curve.map((c) => ({
            k: c.k,
            silhouette: round(c.silhouette, 4),
            minShare: round(c.minShare, 4),
          })),
          fit: describeFit(choice.result.fit, truth),
        },
        stability: {
          wallMs: stability.wallMs,
          cpuMs: stability.cpuMs,
          rounds: stability.result.rounds,
          bootstrapRows: stability.result.bootstrapRows,
          meanJaccard: stability.result.clusters.map((c) => round(c.meanJaccard, 3)),
          labels: stability.result.clusters.map((c) => c.label),
        },
      };
      break;
    }
  }
  process.stdout.write(JSON.stringify({ ...base, ...out, peakRssMb: peakRssMb() }));
}

export function spawnChild(args: ChildArgs, timeoutMs = 30 * 60_000): ChildResult {
  const result = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      BENCH_ENTRY,
      "--child",
      args.mode,
      "--dir",
      args.dir,
      "--n",
      String(args.n),
      "--k",
      String(args.k),
      "--restarts",
      String(args.restarts),
    ],
    { encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? result.stderr.slice(-2000);
    progress(`  ${args.mode} failed: ${why}`);
    return { failed: true, reason: result.signal === "SIGTERM" ? "timed out" : why.slice(-500) };
  }
  return JSON.parse(result.stdout) as Record<string, unknown>;
}
