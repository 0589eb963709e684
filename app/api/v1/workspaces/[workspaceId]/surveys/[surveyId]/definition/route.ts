// GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/definition[?version=N]: the survey's
// definition as survey.json for `npm run analyze -- --survey`, for any member of the workspace
// signed in with the browser session. Transport only; the file is
// server/http/survey-definition-download.ts. Errors are JSON: { error: { code, message } }.
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { errorResponse, responseForError } from "~/server/http/errors";
import { queryObject } from "~/server/http/response-download";
import {
  surveyDefinitionDownload,
  ZSurveyDefinitionQuery,
} from "~/server/http/survey-definition-download";
import { requireMembership } from "~/server/services/access";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; surveyId: string }> },
) {
  try {
    const user = await getSessionUser();
    if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in to download survey.json.");
    const { workspaceId, surveyId } = await context.params;
    const query = ZSurveyDefinitionQuery.parse(queryObject(request));
    const db = await getDb();
    const actor = await requireMembership(db, user.id, workspaceId, access.anyMember);
    return await surveyDefinitionDownload(db, actor, surveyId, query);
  } catch (error) {
    return responseForError(error, "survey.json download");
  }
}
