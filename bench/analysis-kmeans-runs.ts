// The k-means part of the benchmark (bench/analysis.ts) at one N: planted data written to a temp
// dir, then our sampled fit, our full fit, ml-kmeans, scikit-learn and auto-k on it (each in its own
// child process, see bench/analysis-child.ts), and the comparisons between them; plus the issue's
// k-means targets read off all the runs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildArgs, type Mode, spawnChild } from "./analysis-child";
import {
  type BenchArgs,
  type ChildResult,
  COLS,
  num,
  progress,
  ratio,
  RESTARTS,
  round,
  SEED,
} from "./analysis-shared";
import { runSklearn } from "./analysis-sklearn";
import { plantedMatrix, uniformMatrix } from "./planted-data";

/** With --quick-ml-kmeans, ml-kmeans gets one restart from this N on (ten take ~2 minutes). */
const ML_KMEANS_ONE_RESTART_FROM = 1_000_000;
const ML_KMEANS_TIMEOUT_MS = 15 * 60_000;

export interface RunSummary {
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

/** Every k-means figure at N = n (the runs[] entry of the report). */
export function runKMeansAt(n: number, args: BenchArgs, python: string | null): RunSummary {
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

    return {
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
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The k-means targets, from the runs at every N (those at 100k and 1M when they ran). */
export function kmeansTargets(runs: RunSummary[]): Record<string, unknown> {
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
  return targets;
}
