// GET /api/v1/workspaces/:workspaceId/journeys/:mapId/pdf: asks for the journey map with its
// evidence as an A4 or Letter (?paper=a4|letter) landscape PDF. A worker renders it; the answer is
// 202 with the job's URL in Location, to poll until the file is there. Transport only; see
// server/http/journey-downloads.ts.
import { journeyMapDownload } from "~/server/http/journey-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; mapId: string }> },
) {
  return journeyMapDownload(request, await context.params, "pdf");
}
