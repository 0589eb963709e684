// GET /api/v1/workspaces/:workspaceId/renders/:jobId: where a PDF or PNG download stands (queued
// with its place in line, running, done with the file's URL, or failed with the reason), for the
// download buttons and API clients to poll. Transport only; see server/http/render-downloads.ts.
import { renderJobStatus } from "~/server/http/render-downloads";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ workspaceId: string; jobId: string }> },
) {
  return renderJobStatus(await context.params);
}
