// The end-to-end part of the benchmark (bench/analysis.ts) at one N: the planted survey CSV through
// our `analyze` command in a child process (bench/analysis-e2e.ts), the pandas + scikit-learn
// pipeline on the same CSV, scikit-learn on the matrix our engine clustered, and the side-by-side
// comparison; plus the end-to-end targets read off the runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnChild } from "./analysis-child";
import { SURVEY_CSV, SURVEY_TRUTH, writePlantedSurvey } from "./analysis-e2e";
import { runPandasPipeline } from "./analysis-pandas";
import {
  type BenchArgs,
  type ChildResult,
  num,
  progress,
  ratio,
  RESTARTS,
  round,
  SEED,
} from "./analysis-shared";
import { runSklearnSurvey } from "./analysis-sklearn";

export interface EndToEndRun {
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

/** Every end-to-end figure at N = n (the endToEnd[] entry of the report). */
export async function runEndToEndAt(
  n: number,
  args: BenchArgs,
  python: string | null,
): Promise<EndToEndRun> {
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
    return {
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
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The end-to-end targets: ARI and k against the planted personas, and against pandas. */
export function endToEndTargets(endToEnd: EndToEndRun[]): Record<string, unknown> {
  const targets: Record<string, unknown> = {};
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
  return targets;
}
