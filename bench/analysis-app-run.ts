// One engine's measurement for the in-app analysis bench (bench/analysis-app.ts): seed, optionally
// time the answer read at several page sizes, then run the analysis once per placement (in a
// worker process, as `npm start` and `npm run worker` do on PostgreSQL, and in the web process, as
// on the embedded database) while respondents submit and a researcher polls the run in this
// process, logging each phase with the others' latency since the last line; returns that engine's
// figures (the report's engines.<engine>). Also the latency summary (p50/p95/p99/max) those
// figures use. Later runs find the responses the earlier runs' respondents added (a few thousand).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { openDatabase, type Db } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import type { DatabaseTarget } from "~/server/db/target";
import { handlePublicSubmit } from "~/server/http/public-submit";
import { RequestLimiter } from "~/server/http/rate-limit";
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import { getRun } from "~/server/features/analysis-runs/analysis-run-views";
import { executeRun, startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { enqueueAnalysisRun } from "~/server/features/analysis-runs/analysis-jobs";
import { createJobQueue } from "~/server/infra/jobs";
import { seed, setUp } from "./analysis-app-seed";
import { completeAnswers } from "./ingest-fixture";

export type Engine = "pglite" | "postgres";

export interface Options {
  responses: number;
  clients: number;
  engines: Engine[];
  /** Page sizes to time the answer read with before the run (tunes analysis-input.ts's default). */
  readPages: number[];
  /** Where PostgreSQL runs execute (PGlite's always run in the web process). */
  workers: Placement[];
  /** Where the analysis child writes its V8 CPU profile (--cpu-prof), or null for none. */
  cpuProfDir: string | null;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (message: string) => process.stderr.write(`${message}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export async function measure(engine: Engine, target: DatabaseTarget, options: Options) {
  const database = await openDatabase(target);
  try {
    await applyMigrations(database.adapterFactory);
    const db = database.prisma;
    const { actor, survey, version } = await setUp(db);
    log(`${engine}: seeding ${options.responses} responses`);
    const t0 = performance.now();
    await seed(db, version, options.responses);
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`${engine}: seeded in ${round(seedSeconds)} s; starting the analysis`);
    const readSeconds: Record<string, number> = {};
    // The longest the event loop was held during each read: what a request would have waited.
    const readLoopMaxMs: Record<string, number> = {};
    for (const pageSize of options.readPages) {
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const started = performance.now();
      const versionIds = [version.id];
      const input = await loadAnalysisInput(
        db,
        { surveyId: survey.id, versionIds, includePartial: false },
        { pageSize },
      );
      readSeconds[pageSize] = round((performance.now() - started) / 1000, 2);
      loop.disable();
      readLoopMaxMs[pageSize] = round(loop.max / 1e6);
      log(
        `${engine}: read ${input.responses.length} responses, page ${pageSize}: ${readSeconds[pageSize]} s, event loop held up to ${readLoopMaxMs[pageSize]} ms`,
      );
    }

    const runs: Record<string, unknown> = {};
    for (const placement of placementsFor(engine, options.workers)) {
      runs[placement] = await runWithOthers(engine, target, db, actor, survey, placement, options);
    }
    return {
      database:
        engine === "postgres"
          ? "throwaway local PostgreSQL, default durability, pool of 10"
          : "PGlite on disk (temp dir), one connection",
      responses: options.responses,
      seedSeconds: round(seedSeconds),
      ...(options.readPages.length > 0
        ? { answerReadSeconds: readSeconds, answerReadLoopMaxMs: readLoopMaxMs }
        : {}),
      runs,
    };
  } finally {
    await database.close();
  }
}

/**
 * Where the run executes. "worker process": a `npm run worker` process (dist/worker.mjs, started
 * and ready before the run is enqueued), what `npm start` runs next to the web server on
 * PostgreSQL; the others' requests stay in this process, which plays the web server. "web
 * process": executeRun in this process, what the web server does on the embedded database (the
 * only choice there) and with WORKER=on.
 */
export type Placement = "worker process" | "web process";

function placementsFor(engine: Engine, wanted: Placement[]): Placement[] {
  return engine === "pglite" ? ["web process"] : wanted;
}

/** Starts the bundled worker on the database and resolves once it says it is pulling jobs. */
async function startWorkerProcess(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["dist/worker.mjs"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (/is pulling jobs/.test(line)) {
        log(`worker: ${line}`);
        resolve();
      }
    });
    child.on("exit", (code) =>
      reject(new Error(`the worker exited (${code}) before it was ready`)),
    );
  });
  return child;
}

async function runWithOthers(
  engine: Engine,
  target: DatabaseTarget,
  db: Db,
  actor: Awaited<ReturnType<typeof setUp>>["actor"],
  survey: { id: string; slug: string },
  placement: Placement,
  options: Options,
) {
  const label = `${engine}, ${placement}`;
  const worker =
    placement === "worker process" && target.kind === "postgres"
      ? {
          process: await startWorkerProcess(target.url),
          queue: createJobQueue({ ...process.env, DATABASE_URL: target.url }),
        }
      : null;
  // This process's queue is started before the clock, as a web instance's is at its boot.
  await worker?.queue.stats();
  // The others: respondents submitting, and the researcher's page polling the run.
  const limiter = new RequestLimiter({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 });
  const submits: number[] = [];
  const polls: number[] = [];
  let errors = 0;
  let running = true;
  const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 1 });
  const submitLoop = async () => {
    while (running) {
      const body = JSON.stringify({
        responseId: randomUUID(),
        answers: completeAnswers(),
        complete: true,
        locale: "en",
      });
      const request = new Request(`http://bench/api/v1/public/surveys/${survey.slug}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const started = performance.now();
      const response = await handlePublicSubmit(db, request, { slug: survey.slug }, { limiter });
      await response.arrayBuffer();
      submits.push(performance.now() - started);
      if (response.status !== 200) errors += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const pollLoop = async () => {
    while (running) {
      const started = performance.now();
      try {
        await getRun(db, actor, runId);
      } catch {
        errors += 1;
      }
      polls.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const others = [
    ...Array.from({ length: Math.max(1, options.clients - 1) }, submitLoop),
    pollLoop(),
  ];
  const t0 = performance.now();
  // The run's phases as the row shows them (load until the respondent count is written, the
  // worker's phases, "stored" once the result is saved and the journey fill runs), each with the
  // seconds since the start and the other requests' latency since the previous line, so a run
  // that never ends still yields figures.
  const phases: { phase: string; atSeconds: number }[] = [];
  let lastPhase = "";
  let seenSubmits = 0;
  let seenPolls = 0;
  // The event loop's longest hold per progress line and over the whole run.
  const windowLoop = monitorEventLoopDelay({ resolution: 10 });
  const runLoop = monitorEventLoopDelay({ resolution: 10 });
  windowLoop.enable();
  runLoop.enable();
  const progress = setInterval(() => {
    void db.analysisRun
      .findUnique({
        where: { id: runId },
        select: { phase: true, progress: true, respondentCount: true, status: true },
      })
      .then((r) => {
        if (!r) return;
        const name =
          r.status === "SUCCEEDED"
            ? "stored; journey fill"
            : r.phase === "load" && r.respondentCount === null
              ? "load answers"
              : (r.phase ?? "?");
        const at = round((performance.now() - t0) / 1000);
        if (name !== lastPhase) phases.push({ phase: name, atSeconds: at });
        const recent = latencySummary([...submits.slice(seenSubmits), ...polls.slice(seenPolls)]);
        [seenSubmits, seenPolls] = [submits.length, polls.length];
        const held = round(windowLoop.max / 1e6);
        windowLoop.reset();
        log(
          `${label}: ${at} s ${name} ${r.progress}% | others since last: n=${recent.requests} p50=${recent.p50} p99=${recent.p99} max=${recent.max} ms | loop held <= ${held} ms | load ${loadavg()[0]?.toFixed(2)}`,
        );
        lastPhase = name;
      });
  }, 2000);
  try {
    if (worker) {
      // As the app does: the request creates the run and enqueues it; a worker takes it.
      await enqueueAnalysisRun(worker.queue, runId);
      await untilFinished(db, runId);
    } else await executeRun(db, runId);
  } finally {
    if (worker) {
      worker.process.kill("SIGTERM");
      await worker.queue.stop();
    }
    clearInterval(progress);
    windowLoop.disable();
    runLoop.disable();
    running = false;
  }
  const analysisSeconds = (performance.now() - t0) / 1000;
  await Promise.all(others);
  const run = await getRun(db, actor, runId);
  return {
    analysisSeconds: round(analysisSeconds),
    phases,
    run: {
      status: run.status,
      respondentCount: run.respondentCount,
      personas: run.personaCount,
      error: run.error ?? null,
    },
    eventLoopMaxHoldMs: round(runLoop.max / 1e6),
    othersMeanwhile: {
      clients: options.clients,
      all: latencySummary([...submits, ...polls]),
      publicSubmit: latencySummary(submits),
      runPolling: latencySummary(polls),
      errors,
    },
  };
}

/** Resolves once the run has left the queued and running states. */
async function untilFinished(db: Db, runId: string): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const row = await db.analysisRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (row && row.status !== "QUEUED" && row.status !== "RUNNING") return;
  }
}
