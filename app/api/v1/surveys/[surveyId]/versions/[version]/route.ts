// GET /api/v1/surveys/:surveyId/versions/:version (API key): see server/http/v1/surveys.ts.
import { apiRoutes } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ surveyId: string; version: string }> },
) {
  return apiRoutes.getSurveyVersion(request, await context.params);
}
