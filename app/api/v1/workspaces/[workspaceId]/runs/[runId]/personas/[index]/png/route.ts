// GET /api/v1/workspaces/:workspaceId/runs/:runId/personas/:index/png: one persona's card as
// a PNG image, rendered from the app's print page by headless Chromium with the caller's
// session (503 when Chromium is missing). Transport only; see server/http/persona-downloads.ts.
import { personaCardDownload } from "~/server/http/persona-downloads";

export const dynamic = "force-dynamic";
// Chromium needs Node, and a render can take a few seconds.
export const runtime = "nodejs";
export const maxDuration = 60;

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; runId: string; index: string }> },
) {
  return personaCardDownload(request, await context.params, "png");
}
