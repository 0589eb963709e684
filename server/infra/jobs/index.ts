// The process-wide job queue: pg-boss when DATABASE_URL names a PostgreSQL server, the in-process
// queue on the embedded database. Kept on globalThis, like the database (server/db/index.ts), so
// the web server's route handlers and its in-process worker (instrumentation.ts) share one queue.
import { resolveDatabaseTarget } from "~/server/db/target";
import { config, type Env } from "~/server/infra/config";
import { InProcessJobQueue } from "./in-process";
import { PgBossJobQueue } from "./pg-boss";
import type { JobQueue, QueueStats } from "./types";

export type { JobContext, JobHandler, JobQueue, QueueName, QueueStats } from "./types";

const holder = globalThis as typeof globalThis & { __personaAtlasJobs?: JobQueue };

/**
 * The queue for this environment. JOBS_HEARTBEAT_SECONDS (lease, default 30, at least 10),
 * JOBS_SUPERVISE_SECONDS (how often expired leases are looked for, default 15) and
 * JOBS_POLL_SECONDS (idle polling, default 2) tune the PostgreSQL queue.
 */
export function createJobQueue(env?: Env): JobQueue {
  const target = resolveDatabaseTarget(env);
  const settings = config(env);
  if (target.kind === "pglite") return new InProcessJobQueue();
  return new PgBossJobQueue({
    connectionString: target.url,
    heartbeatSeconds: settings.jobsHeartbeatSeconds,
    superviseSeconds: settings.jobsSuperviseSeconds,
    pollSeconds: settings.jobsPollSeconds,
  });
}

export function getJobQueue(): JobQueue {
  holder.__personaAtlasJobs ??= createJobQueue();
  return holder.__personaAtlasJobs;
}

/** For readiness checks: jobs waiting to start and workers pulling jobs. */
export function queueStats(): Promise<QueueStats> {
  return getJobQueue().stats();
}
