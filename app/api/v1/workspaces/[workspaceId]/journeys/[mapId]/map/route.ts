// GET /api/v1/workspaces/:workspaceId/journeys/:mapId/map: the journey map's stages and
// touchpoints as map.json (for `npm run analyze -- --journey`), for a signed-in member.
// Transport only; see server/http/journey-downloads.ts.
import { journeyMapFileDownload } from "~/server/http/journey-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ workspaceId: string; mapId: string }> },
) {
  return journeyMapFileDownload(await context.params);
}
