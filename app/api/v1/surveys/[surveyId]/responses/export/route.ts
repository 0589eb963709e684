// GET /api/v1/surveys/:surveyId/responses/export (API key): see server/http/v1/responses.ts.
import { getDb } from "~/server/db";
import { handleExportResponses } from "~/server/http/v1/responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ surveyId: string }> }) {
  return handleExportResponses(getDb(), request, await context.params);
}
