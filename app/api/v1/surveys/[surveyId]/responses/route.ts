// GET (list) and POST (submit) /api/v1/surveys/:surveyId/responses (API key): transport only,
// see server/http/v1/responses.ts.
import { apiRoutes } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ surveyId: string }> };

export async function GET(request: Request, context: Context) {
  return apiRoutes.listResponses(request, await context.params);
}

export async function POST(request: Request, context: Context) {
  return apiRoutes.submitResponse(request, await context.params);
}
