// What GET /api/ready reports: can this instance serve requests that need the database? The
// database answers, every migration in prisma/migrations is applied, and the job queue can be
// read (its depth and how many workers are busy).
//
// Queued and running analysis runs come from the AnalysisRun table (the same on every engine);
// when the job queue is passed in (the route does), its depth and its live workers (all
// instances on PostgreSQL) are reported as they are.
import type { Db } from "~/server/db/client";
import { readMigrations } from "~/server/db/migrate";

export interface QueueStatus {
  /** Jobs waiting for a worker. */
  queued: number;
  /** Jobs a worker is on right now. */
  running: number;
  /** Workers busy with a job, or alive and pulling jobs when the job queue reports them. */
  activeWorkers: number;
  /** Jobs of any kind waiting in the job queue (when it is passed in). */
  depth?: number;
}

/** What the job queue says of itself (server/infra/jobs queueStats). */
export type JobQueueStats = () => Promise<{ depth: number; activeWorkers: number }>;

export interface Readiness {
  ready: boolean;
  database: { ok: boolean; error?: string };
  migrations: { ok: boolean; applied: number; expected: number; missing: string[]; error?: string };
  queue: { ok: boolean; error?: string } & Partial<QueueStatus>;
}

export async function queueStatus(db: Db, jobStats?: JobQueueStats): Promise<QueueStatus> {
  const rows = await db.$queryRaw<{ queued: number; running: number }[]>`
    SELECT count(*) FILTER (WHERE "status" = 'QUEUED')::int AS queued,
           count(*) FILTER (WHERE "status" = 'RUNNING')::int AS running
    FROM "AnalysisRun" WHERE "status" IN ('QUEUED', 'RUNNING')`;
  const queued = Number(rows[0]?.queued ?? 0);
  const running = Number(rows[0]?.running ?? 0);
  if (!jobStats) return { queued, running, activeWorkers: running };
  const jobs = await jobStats();
  return { queued, running, activeWorkers: jobs.activeWorkers, depth: jobs.depth };
}

/** Names of the migrations the database has finished applying (as `prisma migrate` records them). */
async function appliedMigrations(db: Db): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations"
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((r) => r.migration_name));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function checkReadiness(
  db: Db,
  expectedMigrations: () => Promise<string[]> = async () =>
    (await readMigrations()).migrations.map((m) => m.name),
  jobStats?: JobQueueStats,
): Promise<Readiness> {
  const database: Readiness["database"] = { ok: true };
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    database.ok = false;
    database.error = reason(error);
  }
  const migrations: Readiness["migrations"] = { ok: false, applied: 0, expected: 0, missing: [] };
  const queue: Readiness["queue"] = { ok: false };
  if (database.ok) {
    try {
      const [expected, applied] = await Promise.all([expectedMigrations(), appliedMigrations(db)]);
      migrations.expected = expected.length;
      migrations.applied = applied.size;
      migrations.missing = expected.filter((name) => !applied.has(name));
      migrations.ok = migrations.missing.length === 0;
    } catch (error) {
      migrations.error = reason(error);
    }
    try {
      Object.assign(queue, await queueStatus(db, jobStats), { ok: true });
    } catch (error) {
      queue.error = reason(error);
    }
  } else {
    migrations.error = queue.error = "The database did not answer.";
  }
  return { ready: database.ok && migrations.ok && queue.ok, database, migrations, queue };
}
