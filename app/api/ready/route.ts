// Readiness: transport only, see server/http/health.ts.
import { getDb } from "~/server/db";
import { queueStats } from "~/server/infra/jobs";
import { handleReady } from "~/server/http/health";

export const dynamic = "force-dynamic";

export function GET() {
  return handleReady(getDb, undefined, queueStats);
}
