// GET /api/v1/workspaces/:workspaceId/runs/:runId/personas/:index/pdf: asks for one persona's
// card as an A4 landscape PDF. A worker renders it; the answer is 202 with the job's URL in
// Location, to poll until the file is there. Transport only; see server/http/persona-downloads.ts.
import { personaCardDownload } from "~/server/http/persona-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; runId: string; index: string }> },
) {
  return personaCardDownload(request, await context.params, "pdf");
}
