// Benchmark of the persona engine's clustering at survey scale: planted segments at N = 10k, 100k
// and 1M respondents × 30 encoded features, and on the same data, per N:
//   ours       fitKMeans at the planted k (the path the app takes for that N);
//   oursFull   the typed engine without sampling (a full fit, as a reference for the inertia);
//   mlKmeans   ml-kmeans' full fit with the same restarts (at 1M one restart, time-boxed);
//   sklearn    scikit-learn's KMeans (same k and n_init), when python3 has it;
//   autoK      chooseK (k = 2..8) + clusterStability (20 rounds), from a dense matrix, and again
//              from number[][] as server/analysis/pipeline.ts passes it (autoKArrays).
// Time ratios compare like with like and say so: full fit against full fit (ml-kmeans and
// scikit-learn against oursFull), and our sampled fit against full fits (what sampling saves, and
// what it costs in inertia), each labelled.
//
// Then end to end (bench/analysis-e2e.ts), at 100k and 1M respondents: a planted survey CSV
// through the `analyze` command with default inputs and automatic k to personas.json (wall time,
// peak memory, ARI to the planted personas), next to scikit-learn's full fit of the very matrix
// our engine clustered (inertia) and its fit of a plain one-hot + standardised encoding (ARI).
//
// Each runs in its own child process, so its time and peak memory (maxRSS) are its own; the data
// go to the children through a binary file in a temp dir (as they do to Python). Prints one JSON
// document on stdout, progress on stderr. Timings are wall clock with the process's CPU time next
// to them: the machine may be shared, and CPU time is what contention inflates least.
// scikit-learn comes from python3 (or $PYTHON, or Debian's /usr/bin/python3); when none has it,
// the bench installs python3-sklearn with apt-get if it runs as root, and otherwise skips those
// figures and says so.
//
//   npm run bench:analysis                       # k-means at N = 10k, 100k, 1M; end to end 100k, 1M
//   npx tsx bench/analysis.ts --sizes 10000,100000 [--no-sklearn] [--no-ml-kmeans]
//       [--quick-ml-kmeans]   one ml-kmeans restart at 1M instead of ten (~2 minutes)
//       [--uniform]           also auto-k on structureless uniform data (the slow case)
//       [--e2e-sizes 100000]  end-to-end sizes (default 100000,1000000); --no-e2e skips them
//       [--no-kmeans]         only the end-to-end runs
//       [--no-same-matrix]    skip scikit-learn's refit of our encoded matrix (slow at 1M)
// End to end, the pandas + scikit-learn pipeline (bench/analysis-pandas.ts) reads the same CSV
// and does our steps; comparison.sideBySide puts its wall, CPU, peak memory and ARI next to ours.
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
import {
  runEndToEndChild,
  SKLEARN_SURVEY_SCRIPT,
  SURVEY_CSV,
  SURVEY_TRUTH,
  writePlantedSurvey,
} from "./analysis-e2e";
import { runPandasPipeline } from "./analysis-pandas";
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
    /** Our sampled fit's inertia above the best full fit's, in %. */
    inertiaGapPct: number | null;
    /** Full fit against full fit: ml-kmeans' time over oursFull's (same restarts). */
    fullFit: {
      mlKmeansOverOurs: number | null;
      /** ml-kmeans ran fewer restarts; its time was scaled up to ours. */
      mlKmeansRatioEstimated: boolean;
      oursOverSklearn: number | null;
    };
    /** Our sampled fit (the default above 20k rows) against full fits. */
    sampledAgainstFull: {
      oursSampledOverOursFull: number | null;
      oursSampledOverSklearnFull: number | null;
      mlKmeansFullOverOursSampled: number | null;
    };
  };
}

interface EndToEndRun {
  n: number;
  ours: ChildResult;
  sklearn: Record<string, unknown> | null;
  /** pandas + scikit-learn doing our steps on the same CSV (bench/analysis-pandas.ts). */
  pandas: Record<string, unknown> | null;
  comparison: {
    /** Our inertia over scikit-learn's full fit of the same matrix at the same k, minus 1, in %. */
    inertiaGapPct: number | null;
    /** Ours next to the pandas pipeline: wall, CPU, peak memory and ARI of each. */
    sideBySide: {
      ours: {
        wallMs: number | null;
        cpuMs: number | null;
        peakRssMb: number | null;
        ari: number | null;
      };
      pandas: {
        wallMs: number | null;
        cpuMs: number | null;
        peakRssMb: number | null;
        ari: number | null;
      };
      wallRatio: number | null;
      cpuRatio: number | null;
      peakRssRatio: number | null;
    };
  };
}

type Mode = "ours" | "oursFull" | "mlKmeans" | "autoK" | "autoKArrays" | "endToEnd";

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

/** A python3 that can import scikit-learn and pandas: $PYTHON, python3 on the PATH, or Debian's. */
function findPython(): string | null {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3"].filter(
    (c): c is string => typeof c === "string" && c.length > 0,
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import sklearn, numpy, pandas"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  return null;
}

/**
 * findPython, and when no python3 has scikit-learn and pandas: install Debian's python3-sklearn and
 * python3-pandas with apt-get if running as root (a few minutes), else skip with the reason.
 */
function findOrInstallPython(): string | null {
  const found = findPython();
  if (found) {
    progress(`scikit-learn via ${found}`);
    return found;
  }
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (!root || !apt) {
    progress(
      `scikit-learn: no python3 with scikit-learn and pandas found and ${root ? "no apt-get" : "not root"}; its figures are skipped (install python3-sklearn and python3-pandas, or set PYTHON to a python3 that has them)`,
    );
    return null;
  }
  progress(
    "scikit-learn or pandas: not found; installing python3-sklearn python3-pandas with apt-get",
  );
  const install = spawnSync(
    "apt-get",
    ["install", "-y", "--no-install-recommends", "python3-sklearn", "python3-pandas"],
    {
      encoding: "utf8",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 20 * 60_000,
    },
  );
  const after = install.status === 0 ? findPython() : null;
  progress(
    after
      ? `scikit-learn via ${after}`
      : `scikit-learn: apt-get install failed, its figures are skipped: ${install.stderr.slice(-300)}`,
  );
  return after;
}

function runSklearnSurvey(python: string, dir: string, ours: Record<string, unknown>) {
  const script = join(dir, "sklearn_survey.py");
  writeFileSync(script, SKLEARN_SURVEY_SCRIPT);
  const result = spawnSync(
    python,
    [script, dir, String(ours.encodedRows), String(ours.encodedCols), String(ours.chosenK)],
    { encoding: "utf8", timeout: 60 * 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    progress(`  sklearn failed: ${result.stderr.slice(-2000)}`);
    return { failed: true, reason: result.stderr.slice(-500) };
  }
  return { python, ...(JSON.parse(result.stdout) as Record<string, unknown>) };
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

/** a / b rounded, or null when either is missing. */
const ratio = (a: number | null, b: number | null, digits: number): number | null =>
  a !== null && b !== null && b > 0 ? round(a / b, digits) : null;

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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const child = args.get("child");
  if (child === "endToEnd") {
    const out = await runEndToEndChild(String(args.get("dir")), SEED);
    process.stdout.write(JSON.stringify(out));
    return;
  }
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

  const sizesOf = (name: string, fallback: number[]): number[] => {
    const value = args.get(name);
    return typeof value === "string"
      ? value.split(",").map((s) => Number(s.replace(/_/g, "")))
      : fallback;
  };
  const sizes = args.has("no-kmeans") ? [] : sizesOf("sizes", [10_000, 100_000, 1_000_000]);
  const e2eSizes = args.has("no-e2e") ? [] : sizesOf("e2e-sizes", [100_000, 1_000_000]);
  const python = args.has("no-sklearn") ? null : findOrInstallPython();
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
      const oursFullWall = num(oursFull?.wallMs);
      const mlWallScaled = mlWall !== null ? (mlWall * RESTARTS) / mlRestarts : null;
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
          fullFit: {
            mlKmeansOverOurs: ratio(mlWallScaled, oursFullWall, 2),
            mlKmeansRatioEstimated: mlRestarts !== RESTARTS,
            oursOverSklearn: ratio(oursFullWall, skWall, 3),
          },
          sampledAgainstFull: {
            oursSampledOverOursFull: ratio(oursWall, oursFullWall, 3),
            oursSampledOverSklearnFull: ratio(oursWall, skWall, 3),
            mlKmeansFullOverOursSampled: ratio(mlWallScaled, oursWall, 2),
          },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const at = (n: number): RunSummary | undefined => runs.find((r) => r.n === n);
  const targets: Record<string, unknown> = {};
  if (runs.length > 0) {
    targets.inertiaWithin1Pct = {
      met: runs.every(
        (r) => r.comparison.inertiaGapPct !== null && r.comparison.inertiaGapPct <= 1,
      ),
      gapsPct: Object.fromEntries(runs.map((r) => [r.n, r.comparison.inertiaGapPct])),
    };
  }
  const r100k = at(100_000);
  if (r100k) {
    const full = r100k.comparison.fullFit.mlKmeansOverOurs;
    const sampled = r100k.comparison.sampledAgainstFull.mlKmeansFullOverOursSampled;
    targets.speedupOverMlKmeansAt100k = {
      met: sampled !== null && sampled >= 10,
      note: "what the app does (our sampled fit) against ml-kmeans' full fit; fullFitRatio compares like with like",
      sampledOverFullRatio: sampled,
      fullFitRatio: full,
    };
  }
  const r1m = at(1_000_000);
  if (r1m) {
    const full = r1m.comparison.fullFit.oursOverSklearn;
    const sampled = r1m.comparison.sampledAgainstFull.oursSampledOverSklearnFull;
    targets.sklearnRatioAt1M = {
      met: sampled === null ? null : sampled <= 1.25,
      note: "our sampled fit's time over scikit-learn's full fit; fullFitRatio is full fit over full fit",
      sampledOverFullRatio: sampled,
      fullFitRatio: full,
    };
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

  const endToEnd: EndToEndRun[] = [];
  for (const n of e2eSizes) {
    const dir = mkdtempSync(join(tmpdir(), "persona-bench-e2e-"));
    try {
      progress(`end to end, N = ${n}: writing the planted survey CSV`);
      await writePlantedSurvey(dir, n, SEED);
      progress(`end to end, N = ${n}: analyze (inference, default inputs, automatic k)`);
      const ours = spawnChild({ mode: "endToEnd", dir, n, k: 0, restarts: RESTARTS }, 60 * 60_000);
      let pandas: Record<string, unknown> | null = null;
      if (python) {
        progress(`end to end, N = ${n}: pandas + scikit-learn pipeline on the same CSV`);
        pandas = runPandasPipeline(
          python,
          dir,
          join(dir, SURVEY_CSV),
          join(dir, SURVEY_TRUTH),
          "respondent_id",
        );
      }
      let sklearn: Record<string, unknown> | null = null;
      if (python && ours && !ours.failed && !args.has("no-same-matrix")) {
        progress(`end to end, N = ${n}: scikit-learn on the same matrix and on a plain encoding`);
        sklearn = runSklearnSurvey(python, dir, ours);
      }
      const same = (sklearn?.sameMatrix ?? null) as Record<string, unknown> | null;
      const oursInertia = num(ours?.inertia);
      const skInertia = num(same?.inertia);
      const figures = (r: Record<string, unknown> | null) => ({
        wallMs: num(r?.wallMs),
        cpuMs: num(r?.cpuMs),
        peakRssMb: num(r?.peakRssMb),
        ari: num(r?.ariToPlanted),
      });
      const o = figures(ours);
      const p = figures(pandas);
      endToEnd.push({
        n,
        ours,
        sklearn,
        pandas,
        comparison: {
          inertiaGapPct:
            oursInertia !== null && skInertia !== null
              ? round(((oursInertia - skInertia) / skInertia) * 100, 3)
              : null,
          sideBySide: {
            ours: o,
            pandas: p,
            wallRatio: ratio(o.wallMs, p.wallMs, 2),
            cpuRatio: ratio(o.cpuMs, p.cpuMs, 2),
            peakRssRatio: ratio(o.peakRssMb, p.peakRssMb, 2),
          },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const run of endToEnd) {
    const ari = num(run.ours?.ariToPlanted);
    targets[`endToEndAt${run.n}`] = {
      met: ari !== null && ari >= 0.95 && run.ours?.chosenK === 4,
      ariToPlanted: ari,
      chosenK: run.ours?.chosenK ?? null,
      wallMs: run.ours?.wallMs ?? null,
      peakRssMb: run.ours?.peakRssMb ?? null,
    };
    const side = run.comparison.sideBySide;
    targets[`endToEndAt${run.n}AgainstPandas`] = {
      met:
        side.wallRatio !== null &&
        side.wallRatio <= 1 &&
        side.ours.peakRssMb !== null &&
        side.ours.peakRssMb <= 1536 &&
        side.ours.ari !== null &&
        side.ours.ari >= 0.95,
      note: "our wall <= 1.0x the pandas + scikit-learn pipeline's, our peak <= 1.5 GB, ARI >= 0.95",
      wallRatio: side.wallRatio,
      peakRssMb: side.ours.peakRssMb,
      ariToPlanted: side.ours.ari,
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
      "comparison.fullFit: full fits against full fits (same data, same restarts); comparison.sampledAgainstFull: our default sampled fit against full fits.",
      "endToEnd: planted survey CSV (4 personas 40/30/20/10 %, 6 agreement items, 4 choice questions, age, trips, a random rating, a random colour, 3 % blanks) -> `analyze` with default inputs and automatic k -> personas.json, in one child process; sklearn.sameMatrix fits the matrix our engine clustered at our k; sklearn.plainOneHotScaled one-hot encodes and standardises every column at k = 4.",
    ],
    runs,
    endToEnd,
    targets,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
