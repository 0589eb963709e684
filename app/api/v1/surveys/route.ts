// GET /api/v1/surveys (API key): transport only, see server/http/v1/surveys.ts.
import { apiRoutes } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return apiRoutes.listSurveys(request);
}
