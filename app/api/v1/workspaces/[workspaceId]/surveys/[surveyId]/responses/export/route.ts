// GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/responses/export?format=csv|json
// [&version=N][&status=PARTIAL|COMPLETE]: the survey's responses as a download, for any member
// of the workspace signed in with the browser session. Transport only; the download itself is
// server/http/response-download.ts, shared with the API-key route. Errors are JSON:
// { error: { code, message } }.
import { sessionDownloads } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; surveyId: string }> },
) {
  return sessionDownloads.responses(request, await context.params);
}
