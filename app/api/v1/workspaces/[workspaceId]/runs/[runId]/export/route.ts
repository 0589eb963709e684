// GET /api/v1/workspaces/:workspaceId/runs/:runId/export?dataset=personas|traits|result
// &format=csv|json: a run's persona set as a download, for any member signed in with the browser
// session. Transport only; see server/http/persona-downloads.ts.
import { personaSetExport } from "~/server/http/persona-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; runId: string }> },
) {
  return personaSetExport(request, await context.params);
}
