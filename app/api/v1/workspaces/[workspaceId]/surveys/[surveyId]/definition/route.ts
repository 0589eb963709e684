// GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/definition[?version=N]: the survey's
// definition as survey.json for `npm run analyze -- --survey`, for any member of the workspace
// signed in with the browser session. Transport only; the file is
// server/http/survey-definition-download.ts. Errors are JSON: { error: { code, message } }.
import { sessionDownloads } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; surveyId: string }> },
) {
  return sessionDownloads.surveyDefinition(request, await context.params);
}
