// GET /api/v1/surveys/:surveyId/responses/export (API key): see server/http/v1/responses.ts.
import { apiRoutes } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ surveyId: string }> }) {
  return apiRoutes.exportResponses(request, await context.params);
}
