// What GET /api/ready reports: can this instance serve requests that need the database? The
// database answers, every migration in prisma/migrations is applied, and the job queue can be
// read (its depth and how many workers are busy).
//
// The queue is, for now, the AnalysisRun table: queued runs wait, running runs each hold one
// worker. queueStatus is the one place to re-point when a real queue takes over.
import type { Db } from "~/server/db/client";
import { readMigrations } from "~/server/db/migrate";

export interface QueueStatus {
  /** Jobs waiting for a worker. */
  queued: number;
  /** Jobs a worker is on right now. */
  running: number;
  /** Workers busy with a job. */
  activeWorkers: number;
}

export interface Readiness {
  ready: boolean;
  database: { ok: boolean; error?: string };
  migrations: { ok: boolean; applied: number; expected: number; missing: string[]; error?: string };
  queue: { ok: boolean; error?: string } & Partial<QueueStatus>;
}

export async function queueStatus(db: Db): Promise<QueueStatus> {
  const rows = await db.$queryRaw<{ queued: number; running: number }[]>`
    SELECT count(*) FILTER (WHERE "status" = 'QUEUED')::int AS queued,
           count(*) FILTER (WHERE "status" = 'RUNNING')::int AS running
    FROM "AnalysisRun" WHERE "status" IN ('QUEUED', 'RUNNING')`;
  const queued = Number(rows[0]?.queued ?? 0);
  const running = Number(rows[0]?.running ?? 0);
  return { queued, running, activeWorkers: running };
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
      Object.assign(queue, await queueStatus(db), { ok: true });
    } catch (error) {
      queue.error = reason(error);
    }
  } else {
    migrations.error = queue.error = "The database did not answer.";
  }
  return { ready: database.ok && migrations.ok && queue.ok, database, migrations, queue };
}
