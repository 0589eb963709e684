// GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/responses/export?format=csv|json
// [&version=N][&status=PARTIAL|COMPLETE]: the survey's responses as a download, for any member
// of the workspace signed in with the browser session. Transport only; the download itself is
// server/http/response-download.ts, shared with the API-key route. Errors are JSON:
// { error: { code, message } }.
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { errorResponse, responseForError } from "~/server/http/errors";
import { exportDownload, queryObject, ZExportQuery } from "~/server/http/response-download";
import { requireMembership } from "~/server/services/access";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; surveyId: string }> },
) {
  try {
    const user = await getSessionUser();
    if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export responses.");
    const { workspaceId, surveyId } = await context.params;
    const query = ZExportQuery.parse(queryObject(request));
    const db = await getDb();
    const actor = await requireMembership(db, user.id, workspaceId, access.anyMember);
    return await exportDownload(db, actor, surveyId, query);
  } catch (error) {
    return responseForError(error, "Response export");
  }
}
