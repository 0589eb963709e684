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
// Parts: bench/analysis-shared.ts (seed, helpers, flags), bench/analysis-child.ts (the measured
// child processes), bench/analysis-sklearn.ts (python3 and scikit-learn), bench/analysis-kmeans-runs.ts
// and bench/analysis-e2e-runs.ts (one N each, and their targets); this file runs them and prints.
import { cpus, loadavg } from "node:os";
import { runChild, type Mode } from "./analysis-child";
import { runEndToEndChild } from "./analysis-e2e";
import { endToEndTargets, runEndToEndAt, type EndToEndRun } from "./analysis-e2e-runs";
import { kmeansTargets, runKMeansAt, type RunSummary } from "./analysis-kmeans-runs";
import { parseArgs, round, SEED } from "./analysis-shared";
import { findOrInstallPython } from "./analysis-sklearn";

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
  for (const n of sizes) runs.push(runKMeansAt(n, args, python));
  const endToEnd: EndToEndRun[] = [];
  for (const n of e2eSizes) endToEnd.push(await runEndToEndAt(n, args, python));
  const targets = { ...kmeansTargets(runs), ...endToEndTargets(endToEnd) };

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
