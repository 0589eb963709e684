// GET /api/v1/surveys/:surveyId/versions/:version (API key): see server/http/v1/surveys.ts.
import { getDb } from "~/server/db";
import { handleGetSurveyVersion } from "~/server/http/v1/surveys";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ surveyId: string; version: string }> },
) {
  return handleGetSurveyVersion(getDb(), request, await context.params);
}
