// GET (list) and POST (submit) /api/v1/surveys/:surveyId/responses (API key): transport only,
// see server/http/v1/responses.ts.
import { getDb } from "~/server/db";
import { handleListResponses, handleSubmitResponse } from "~/server/http/v1/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ surveyId: string }> };

export async function GET(request: Request, context: Context) {
  return handleListResponses(getDb(), request, await context.params);
}

export async function POST(request: Request, context: Context) {
  return handleSubmitResponse(getDb(), request, await context.params);
}
