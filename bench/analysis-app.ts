// In-app analysis at scale: seeds a survey with 100,000 complete responses (13 questions, three
// planted groups), starts an analysis through the service (startAnalysis, then the analysis-run
// job) and, while it runs, keeps other requests going on the same database from this process,
// which plays the web server: respondents submitting through the public endpoint's handler and a
// researcher polling the run's progress (getRun). Prints one JSON document on stdout: seed time,
// and per engine and placement the run's wall time and outcome and the latency of the other
// requests (p50/p95/p99/max), side by side; progress on stderr.
//
// Two placements of the run, as the app has them. On PostgreSQL `npm start` runs the jobs in a
// worker process next to the web server ("worker process": dist/worker.mjs, started before the
// run and at the worker's lower CPU priority). On the embedded database, and with WORKER=on, the
// web server is the worker ("web process": executeRun in this process), so whatever the run does
// on the event loop (loading answers, storing the result) is what a respondent waits for. The
// others' pace is modest (each client waits 50 ms between requests): the figure is their latency,
// not the throughput (bench:ingest measures that).
//
//   npm run bench:analysis-app                               # 100,000 responses, both engines
//   npx tsx bench/analysis-app.ts --responses 20000 --engines postgres --clients 10
//   npx tsx bench/analysis-app.ts --engines postgres --read-pages 1000,5000,20000  # time the read
//   npx tsx bench/analysis-app.ts --responses 20000 --engines postgres --cpu-prof /tmp/prof
//   npx tsx bench/analysis-app.ts --engines postgres --workers process   # only the worker process
// The analysis child is the bundled dist/analysis-worker.mjs, built first with the build's own
// esbuild step (scripts/build-worker.mjs), so the bench times what production runs rather than
// tsx compiling TypeScript. --cpu-prof DIR writes a V8 CPU profile of every child (and of
// nothing else) into DIR.
// PostgreSQL: a throwaway local server (Debian package postgresql), default durability.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type Engine, measure, type Options, type Placement, round } from "./analysis-app-run";
import { startThrowawayPostgres } from "./throwaway-postgres";

/** "process" or "web" (the --workers values) as a placement. */
function placement(value: string): Placement {
  if (value === "process") return "worker process";
  if (value === "web") return "web process";
  throw new Error(`--workers takes process and/or web, not ${value}`);
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    responses: 100_000,
    clients: 10,
    engines: ["postgres", "pglite"],
    readPages: [],
    workers: ["worker process", "web process"],
    cpuProfDir: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--") continue;
    if (!value) throw new Error(`${flag} needs a value`);
    i += 1;
    if (flag === "--responses") options.responses = Number(value);
    else if (flag === "--clients") options.clients = Number(value);
    else if (flag === "--engines") options.engines = value.split(",") as Engine[];
    else if (flag === "--read-pages") options.readPages = value.split(",").map(Number);
    else if (flag === "--cpu-prof") options.cpuProfDir = value;
    else if (flag === "--workers") options.workers = value.split(",").map(placement);
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  execFileSync(process.execPath, ["scripts/build-worker.mjs"], { stdio: ["ignore", 2, 2] });
  process.env.ANALYSIS_CHILD = "built";
  if (options.cpuProfDir) process.env.ANALYSIS_CHILD_CPU_PROF = options.cpuProfDir;
  const loadBefore = loadavg().map((x) => round(x, 2));
  const engines: Record<string, unknown> = {};
  for (const engine of options.engines) {
    if (engine === "postgres") {
      const server = await startThrowawayPostgres();
      try {
        engines.postgres = await measure(engine, { kind: "postgres", url: server.url }, options);
      } finally {
        server.stop();
      }
    } else {
      const dir = mkdtempSync(join(tmpdir(), "persona-atlas-bench-analysis-"));
      try {
        engines.pglite = await measure(
          engine,
          { kind: "pglite", dataDir: join(dir, "pglite") },
          options,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const report = {
    bench: "analysis-app",
    targets: {
      analysisSeconds: "<= 60",
      othersP99Ms: "< 200 on PostgreSQL, worker process (what npm start runs there)",
    },
    machine: {
      cpus: cpus().length,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg().map((x) => round(x, 2)),
      node: process.version,
    },
    analysisChild: "dist/analysis-worker.mjs (bundled by scripts/build-worker.mjs)",
    engines,
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
