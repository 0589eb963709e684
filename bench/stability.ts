// What the persona stability check costs, on planted segments (bench/planted-data.ts, 30
// columns, five overlapping segments of 30..10 %) at the sizes a run meets: a demo survey (400
// rows), 2 000 (the largest ml-kmeans would fit), 10 000, 20 000 and 100 000 rows. Three set-ups
// per size:
//   before    the old defaults: 20 rounds, ml-kmeans refits up to 2 000 rows, the whole input
//             bootstrapped up to 20 000 rows;
//   rounds20  today's defaults at 20 rounds (typed refits, bootstrap capped at 10 000 rows);
//   rounds100 today's defaults (100 rounds, clusterboot's B).
// Per set-up: wall-clock and CPU seconds, and each persona's mean Jaccard with its Monte Carlo
// standard error, so the cost can be read next to the precision it buys. Prints one JSON
// document on stdout, progress on stderr. The machine may be shared: CPU time is the steadier
// figure.
//
//   npm run bench:stability
//   npx tsx bench/stability.ts --sizes 400,10000
import { fitKMeans } from "~/server/analysis/kmeans";
import { clusterStability } from "~/server/analysis/stability";
import { cpus, loadavg } from "node:os";
import { plantedMatrix } from "./planted-data";

const SEED = 1;

function listArg(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  return value ? value.split(",").map(Number) : fallback;
}

const sizes = listArg("--sizes", [400, 2000, 10_000, 20_000, 100_000]);

const setups = [
  { name: "before", rounds: 20, engine: "auto", sampleThreshold: 20_000 },
  { name: "rounds20", rounds: 20 },
  { name: "rounds100", rounds: 100 },
] as const;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

const runs = sizes.map((n) => {
  // Wider spread than the default so the personas overlap and their Jaccards vary by round.
  const data = plantedMatrix({ n, seed: SEED, sd: 0.35 });
  const fit = fitKMeans(data.matrix, data.segments, { seed: SEED, restarts: 10 });
  const bySetup = setups.map((setup) => {
    process.stderr.write(`n = ${n}, ${setup.name}…\n`);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = clusterStability(data.matrix, fit.assignments, { ...setup, seed: SEED + 100 });
    const wallSeconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      setup: setup.name,
      rounds: setup.rounds,
      wallSeconds: round3(wallSeconds),
      cpuSeconds: round3((used.user + used.system) / 1e6),
      bootstrapRows: result.bootstrapRows,
      personas: result.clusters.map((c) => ({
        meanJaccard: round3(c.meanJaccard),
        monteCarloError: round3(c.monteCarloError),
        label: c.label,
        nearThreshold: c.nearThreshold,
      })),
    };
  });
  const cpu = (name: string) => bySetup.find((b) => b.setup === name)?.cpuSeconds ?? NaN;
  return {
    n,
    k: data.segments,
    bySetup,
    /** CPU time of 100 rounds today over 20 rounds before. */
    rounds100OverBefore: round3(cpu("rounds100") / cpu("before")),
  };
});

process.stdout.write(
  `${JSON.stringify({ cpus: cpus().length, loadavg: loadavg().map(round3), runs }, null, 2)}\n`,
);
