// Benchmark of the persona engine's clustering at survey scale: planted segments at N = 10k, 100k
// and 1M respondents × 30 encoded features, and on the same data, per N:
//   ours       fitKMeans at the planted k (the path the app takes for that N);
//   oursFull   the typed engine without sampling (a full fit, as a reference for the inertia);
//   mlKmeans   ml-kmeans' full fit with the same restarts (at 1M one restart, time-boxed);
//   sklearn    scikit-learn's KMeans (same k and n_init), when python3 has it;
//   autoK      chooseK (k = 2..8) + clusterStability (20 rounds), from a dense matrix, and again
//              from number[][] as server/analysis/pipeline.ts passes it (autoKArrays).
// Each runs in its own child process, so its time and peak memory (maxRSS) are its own; the data
// go to the children through a binary file in a temp dir (as they do to Python). Prints one JSON
// document on stdout, progress on stderr. Timings are wall clock with the process's CPU time next
// to them: the machine may be shared, and CPU time is what contention inflates least.
//
//   npm run bench:analysis                       # N = 10k, 100k, 1M
//   npx tsx bench/analysis.ts --sizes 10000,100000 [--no-sklearn] [--no-ml-kmeans]
//       [--quick-ml-kmeans]   one ml-kmeans restart at 1M instead of ten (~2 minutes)
//       [--uniform]           also auto-k on structureless uniform data (the slow case)
import { spawnSync } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chooseK } from "~/server/analysis/choose-k";
import { fitKMeans, type KMeansFit } from "~/server/analysis/kmeans";
import { denseMatrix, type DenseMatrix } from "~/server/analysis/kmeans-matrix";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { clusterStability } from "~/server/analysis/stability";
import { plantedMatrix, uniformMatrix } from "./planted-data";

const SEED = 1;
const RESTARTS = 10;
const COLS = 30;
/** With --quick-ml-kmeans, ml-kmeans gets one restart from this N on (ten take ~2 minutes). */
const ML_KMEANS_ONE_RESTART_FROM = 1_000_000;
const ML_KMEANS_TIMEOUT_MS = 15 * 60_000;
/** Rows read per chunk when building number[][] from the data file. */
const CHUNK_ROWS = 32_768;

type ChildResult = Record<string, unknown> | null;

interface RunSummary {
  n: number;
  cols: number;
  plantedK: number;
  restarts: number;
  ours: ChildResult;
  oursFull: ChildResult;
  mlKmeans: ChildResult;
  sklearn: ChildResult;
  autoK: ChildResult;
  autoKArrays: ChildResult;
  /** With --uniform: auto-k on structureless data of the same size (the slow case). */
  uniformAutoK?: ChildResult;
  comparison: {
    bestFullInertia: number | null;
    inertiaGapPct: number | null;
    mlKmeansTimeOverOurs: number | null;
    mlKmeansRatioEstimated: boolean;
    oursTimeOverSklearn: number | null;
  };
}

type Mode = "ours" | "oursFull" | "mlKmeans" | "autoK" | "autoKArrays";

/** Modes that get the matrix as number[][], as the encoder produces it. */
const ARRAY_MODES: readonly Mode[] = ["mlKmeans", "autoKArrays"];

interface ChildArgs {
  mode: Mode;
  dir: string;
  n: number;
  k: number;
  restarts: number;
}

const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function measure<T>(run: () => T): { result: T; wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = run();
  return { result, wallMs: round(performance.now() - wall), cpuMs: round(cpuMs() - cpu) };
}

function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024);
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
function runChild(args: ChildArgs): void {
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

function spawnChild(args: ChildArgs, timeoutMs = 30 * 60_000): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      self,
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

const PYTHON_SCRIPT = `
import json, resource, sys, time
import numpy as np
from sklearn import __version__ as sklearn_version
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
x_path, y_path, n, d, k, n_init = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
X = np.fromfile(x_path, dtype="<f8").reshape(n, d)
y = np.fromfile(y_path, dtype="<i4")
threads = None
try:
    from threadpoolctl import threadpool_info
    threads = max((p.get("num_threads") or 0) for p in threadpool_info())
except Exception:
    pass
start_wall, start_cpu = time.perf_counter(), time.process_time()
km = KMeans(n_clusters=k, n_init=n_init, init="k-means++", algorithm="lloyd", random_state=0).fit(X)
wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
print(json.dumps({
    "version": sklearn_version, "threads": threads, "nInit": n_init,
    "wallMs": round(wall * 1000, 1), "cpuMs": round(cpu * 1000, 1),
    "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
    "ariToTruth": round(float(adjusted_rand_score(y, km.labels_)), 4),
    "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
`;

/** A python3 that can import scikit-learn: $PYTHON, python3 on the PATH, or Debian's. */
function findPython(): string | null {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3"].filter(
    (c): c is string => typeof c === "string" && c.length > 0,
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import sklearn, numpy"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  return null;
}

function runSklearn(python: string, dir: string, n: number, k: number) {
  const script = join(dir, "sklearn_kmeans.py");
  writeFileSync(script, PYTHON_SCRIPT);
  const result = spawnSync(
    python,
    [script, join(dir, "x.f64"), join(dir, "y.i32"), String(n), String(COLS), String(k), "10"],
    { encoding: "utf8", timeout: 30 * 60_000 },
  );
  if (result.status !== 0) {
    progress(`  sklearn failed: ${result.stderr.slice(-2000)}`);
    return { failed: true, reason: result.stderr.slice(-500) };
  }
  return { python, ...(JSON.parse(result.stdout) as Record<string, unknown>) };
}

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
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

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const child = args.get("child");
  if (typeof child === "string") {
    runChild({
      mode: child as Mode,
      dir: String(args.get("dir")),
      n: Number(args.get("n")),
      k: Number(args.get("k")),
      restarts: Number(args.get("restarts")),
    });
    return;
  }

  const sizesArg = args.get("sizes");
  const sizes =
    typeof sizesArg === "string"
      ? sizesArg.split(",").map((s) => Number(s.replace(/_/g, "")))
      : [10_000, 100_000, 1_000_000];
  const python = args.has("no-sklearn") ? null : findPython();
  progress(python ? `scikit-learn via ${python}` : "scikit-learn: not available, skipped");
  const runs: RunSummary[] = [];

  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "persona-bench-"));
    try {
      progress(`N = ${n}: generating planted data`);
      const data = plantedMatrix({ n, seed: SEED, cols: COLS });
      const k = data.segments;
      writeFileSync(join(dir, "x.f64"), data.matrix.data);
      writeFileSync(join(dir, "y.i32"), data.labels);
      const childArgs = (mode: Mode, restarts = RESTARTS): ChildArgs => ({
        mode,
        dir,
        n,
        k,
        restarts,
      });

      progress(`N = ${n}: ours`);
      const ours = spawnChild(childArgs("ours"));
      progress(`N = ${n}: ours, full fit without sampling`);
      const oursFull = spawnChild(childArgs("oursFull"));
      let mlKmeans: ChildResult = null;
      if (!args.has("no-ml-kmeans")) {
        const quick = args.has("quick-ml-kmeans") && n >= ML_KMEANS_ONE_RESTART_FROM;
        const restarts = quick ? 1 : RESTARTS;
        progress(`N = ${n}: ml-kmeans, ${restarts} restart(s)`);
        mlKmeans = spawnChild(childArgs("mlKmeans", restarts), ML_KMEANS_TIMEOUT_MS);
        if (restarts !== RESTARTS && mlKmeans && !mlKmeans.failed) {
          mlKmeans.note = `one restart only (--quick-ml-kmeans); its inertia is not a best-of-${RESTARTS} reference, and the speed ratio compares against ${RESTARTS}x its time`;
        }
      }
      let sklearn: ChildResult = null;
      if (python) {
        progress(`N = ${n}: scikit-learn`);
        sklearn = runSklearn(python, dir, n, k);
      }
      progress(`N = ${n}: auto-k (chooseK + stability), dense input`);
      const autoK = spawnChild(childArgs("autoK"));
      progress(`N = ${n}: auto-k, number[][] input`);
      const autoKArrays = spawnChild(childArgs("autoKArrays"));

      // The best full fit: the lowest inertia of the full fits with all restarts.
      const fullInertias = [
        num(oursFull?.inertia),
        mlKmeans && mlKmeans.restarts === RESTARTS ? num(mlKmeans.inertia) : null,
        num(sklearn?.inertia),
      ].filter((v): v is number => v !== null);
      const bestFull = fullInertias.length > 0 ? Math.min(...fullInertias) : null;
      const oursInertia = num(ours?.inertia);
      const oursWall = num(ours?.wallMs);
      const mlWall = num(mlKmeans?.wallMs);
      const mlRestarts = num(mlKmeans?.restarts) ?? RESTARTS;
      const skWall = num(sklearn?.wallMs);
      let uniformAutoK: ChildResult | undefined;
      if (args.has("uniform")) {
        progress(`N = ${n}: auto-k on uniform noise`);
        const noise = uniformMatrix(n, SEED, COLS);
        writeFileSync(join(dir, "x.f64"), noise.matrix.data);
        writeFileSync(join(dir, "y.i32"), noise.labels);
        uniformAutoK = spawnChild(childArgs("autoK"));
      }

      runs.push({
        n,
        cols: COLS,
        plantedK: k,
        restarts: RESTARTS,
        ours,
        oursFull,
        mlKmeans,
        sklearn,
        autoK,
        autoKArrays,
        ...(uniformAutoK === undefined ? {} : { uniformAutoK }),
        comparison: {
          bestFullInertia: bestFull,
          inertiaGapPct:
            bestFull !== null && oursInertia !== null
              ? round(((oursInertia - bestFull) / bestFull) * 100, 4)
              : null,
          mlKmeansTimeOverOurs:
            mlWall !== null && oursWall !== null
              ? round((mlWall * RESTARTS) / mlRestarts / oursWall, 2)
              : null,
          mlKmeansRatioEstimated: mlRestarts !== RESTARTS,
          oursTimeOverSklearn:
            skWall !== null && oursWall !== null ? round(oursWall / skWall, 3) : null,
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const at = (n: number): RunSummary | undefined => runs.find((r) => r.n === n);
  const targets: Record<string, unknown> = {};
  targets.inertiaWithin1Pct = {
    met: runs.every((r) => r.comparison.inertiaGapPct !== null && r.comparison.inertiaGapPct <= 1),
    gapsPct: Object.fromEntries(runs.map((r) => [r.n, r.comparison.inertiaGapPct])),
  };
  const r100k = at(100_000);
  if (r100k) {
    const ratio = r100k.comparison.mlKmeansTimeOverOurs;
    targets.speedupOverMlKmeansAt100k = { met: ratio !== null && ratio >= 10, ratio };
  }
  const r1m = at(1_000_000);
  if (r1m) {
    const ratio = r1m.comparison.oursTimeOverSklearn;
    targets.sklearnRatioAt1M = { met: ratio === null ? null : ratio <= 1.25, ratio };
    const wall = num(r1m.autoK?.wallMs);
    const rss = num(r1m.autoK?.peakRssMb);
    targets.autoKAt1MUnder15s = { met: wall !== null && wall < 15_000, wallMs: wall };
    targets.autoKAt1MUnder1GB = { met: rss !== null && rss < 1024, peakRssMb: rss };
    const rssArrays = num(r1m.autoKArrays?.peakRssMb);
    targets.autoKArraysAt1MUnder1GB = {
      met: rssArrays !== null && rssArrays < 1024,
      peakRssMb: rssArrays,
    };
  }

  const report = {
    benchmark: "persona k-means",
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
    notes: [
      "Planted data: 5 segments (30/25/20/15/10 %), 24 informative columns with SD 0.2 around each segment's centre on [0, 1], 6 uniform noise columns.",
      "ours = fitKMeans (ml-kmeans up to 2000 rows; typed engine above; above 20k rows the 10 restarts run on a 20k seeded sample, then Lloyd passes over all rows).",
      "autoK = chooseK k = 2..8 (10 restarts each; curve on a 20k sample above 20k rows) + clusterStability (20 rounds x 5 restarts; bootstrap of a 10k sample above 20k rows). Single-threaded.",
      "peakRssMb is the child process's maxRSS, data included (the matrix alone is N x 30 x 8 bytes).",
    ],
    runs,
    targets,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
