// GET /api/v1/workspaces/:workspaceId/journeys/:mapId/pdf: the journey map with its evidence as
// an A4 or Letter (?paper=a4|letter) landscape PDF, rendered from the app's print page by
// headless Chromium with the caller's session (503 when Chromium is missing). Transport only; see
// server/http/journey-downloads.ts.
import { journeyMapDownload } from "~/server/http/journey-downloads";

export const dynamic = "force-dynamic";
// Chromium needs Node, and a render can take a few seconds.
export const runtime = "nodejs";
export const maxDuration = 60;

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; mapId: string }> },
) {
  return journeyMapDownload(request, await context.params, "pdf");
}
