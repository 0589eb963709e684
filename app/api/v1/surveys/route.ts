// GET /api/v1/surveys (API key): transport only, see server/http/v1/surveys.ts.
import { getDb } from "~/server/db";
import { handleListSurveys } from "~/server/http/v1/surveys";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleListSurveys(getDb(), request);
}
