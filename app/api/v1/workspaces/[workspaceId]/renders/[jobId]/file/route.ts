// GET /api/v1/workspaces/:workspaceId/renders/:jobId/file: the finished PDF or PNG, as an
// attachment, for a signed-in member of the workspace (kept an hour after it is done). Transport
// only; see server/http/render-downloads.ts.
import { renderJobFile } from "~/server/http/render-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ workspaceId: string; jobId: string }> },
) {
  return renderJobFile(await context.params);
}
