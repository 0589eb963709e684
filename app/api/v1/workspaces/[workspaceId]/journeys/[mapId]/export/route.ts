// GET /api/v1/workspaces/:workspaceId/journeys/:mapId/export?format=csv|json&run=…: the journey
// map's filled cells (one row per persona and stage) of a run, the newest by default, for a
// signed-in member. Transport only; see server/http/journey-downloads.ts.
import { journeyCellExport } from "~/server/http/journey-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; mapId: string }> },
) {
  return journeyCellExport(request, await context.params);
}
