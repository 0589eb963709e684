// Background work as jobs: what a started analysis run enqueues, what a worker does with each kind
// of job, and how the embedded database picks up runs a stopped server left behind. The web
// request only enqueues; the work happens in whichever worker takes the job (the web process's own
// worker with `npm start`, or `npm run worker` processes next to web-only instances).
import type { Db } from "~/server/db/client";
import type { JobQueue } from "~/server/infra/jobs";
import { config } from "~/server/infra/config";
import { executeRun } from "./analysis-runs";

interface AnalysisRunJob {
  runId: string;
  /** Set by recovery: the run may be marked running by a process that no longer exists. */
  takeover?: boolean;
}

/** Hands a queued run to the workers; enqueuing the same run again is a no-op. */
export async function enqueueAnalysisRun(queue: JobQueue, runId: string): Promise<void> {
  await queue.enqueue<AnalysisRunJob>("analysis-run", { runId }, { key: runId });
}

/**
 * Analysis runs at once per worker process: each run is one child process on one core, so one
 * per core (WORKER_CONCURRENCY, default 1) keeps a run from slowing down the other.
 */
export function workerConcurrency(env: Record<string, string | undefined> = process.env): number {
  return config(env).workerConcurrency;
}

/** Makes this process a worker: it pulls analysis runs from the queue and executes them. */
export async function startWorking(queue: JobQueue, db: Db): Promise<void> {
  await queue.work<AnalysisRunJob>(
    "analysis-run",
    (job) =>
      executeRun(db, job.data.runId, {
        // A retry (attempt > 0) means the previous holder failed or lost its lease.
        takeover: job.attempt > 0 || job.data.takeover === true,
        signal: job.signal,
      }),
    { concurrency: workerConcurrency() },
  );
}

/**
 * Run at a worker's start. On the embedded database the queue lives in memory and the database
 * allows one process, so any run still queued or running was left by this same server before it
 * stopped: each is enqueued again and taken over rather than failed. On PostgreSQL jobs live in the
 * database and an expired lease hands a dead worker's job to another; only queued runs are offered
 * again (same key, so a run that has its job already is left alone), in case a web instance
 * stopped between creating a run and enqueuing it. Runs other instances are working on are never
 * touched.
 */
export async function recoverUnfinishedRuns(queue: JobQueue, db: Db): Promise<number> {
  const inProcess = queue.kind === "in-process";
  const runs = await db.analysisRun.findMany({
    where: {
      status: { in: inProcess ? ["QUEUED", "RUNNING"] : ["QUEUED"] },
      cancelRequested: false,
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const run of runs) {
    await queue.enqueue<AnalysisRunJob>(
      "analysis-run",
      { runId: run.id, takeover: inProcess },
      { key: run.id },
    );
  }
  return runs.length;
}
