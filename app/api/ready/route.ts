// Readiness: transport only, see server/http/health.ts.
import { readyRoute } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export function GET() {
  return readyRoute();
}
