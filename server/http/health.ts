// GET /api/health and GET /api/ready, for load balancers and orchestrators. Health says the
// process is up and answers (no database, so a slow database never gets a live instance
// restarted); ready says it can serve real requests (server/infra/readiness.ts), 503 when not.
import type { Db } from "~/server/db/client";
import { checkReadiness, type JobQueueStats } from "~/server/infra/readiness";
import { jsonResponse } from "./errors";

const noStore = { "cache-control": "no-store" };

export function handleHealth(): Response {
  return jsonResponse({ status: "ok" }, 200, noStore);
}

export async function handleReady(
  db: () => Promise<Db>,
  expectedMigrations?: () => Promise<string[]>,
  jobStats?: JobQueueStats,
): Promise<Response> {
  let database: Db;
  try {
    database = await db();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return jsonResponse(
      {
        ready: false,
        database: { ok: false, error: `The database could not be opened: ${message}` },
      },
      503,
      noStore,
    );
  }
  const readiness = await checkReadiness(database, expectedMigrations, jobStats);
  return jsonResponse(readiness, readiness.ready ? 200 : 503, noStore);
}
