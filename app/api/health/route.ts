// Liveness: transport only, see server/http/health.ts.
import { handleHealth } from "~/server/http/health";

export const dynamic = "force-dynamic";

export function GET() {
  return handleHealth();
}
