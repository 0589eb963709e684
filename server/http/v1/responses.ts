// /api/v1/surveys/:surveyId/responses for API keys: POST submits a response (source API,
// idempotent on the client's responseId, validated like the public page's), GET lists a page of
// responses with answers, and .../export downloads them as CSV or JSON.
import type { z } from "zod";
import type { Db } from "~/server/db/client";
import type { ApiKeyPrincipal } from "~/server/features/api-keys/api-keys";
import { listResponsePage, submitApiResponse } from "~/server/features/responses/api-responses";
import { HttpError, jsonResponse } from "../errors";
import { PUBLIC_SUBMIT_MAX_BYTES } from "../public-submit";
import { readJsonBody, requireJsonContentType } from "../read-json";
import { exportDownload, queryObject } from "../response-download";
import {
  ZApiSubmitInput,
  ZExportQuery,
  ZListResponsesQuery,
  ZSurveyPathParams,
  type ZApiResponsePage,
  type ZSaveResponseResult,
} from "./schemas";
import { withApiKey, type ApiKeyDeps } from "./with-api-key";

/** The same limit as the public page: one response, however long its texts, fits easily. */
export const API_SUBMIT_MAX_BYTES = PUBLIC_SUBMIT_MAX_BYTES;

type SurveyApiHandler = (
  db: Db | Promise<Db>,
  request: Request,
  params: { surveyId: string },
  deps?: ApiKeyDeps,
) => Promise<Response>;

/** One operation on a survey's responses: the API key checked first, then the path's survey id. */
function surveyOperation(
  operation: string,
  run: (
    database: Db,
    actor: ApiKeyPrincipal["actor"],
    surveyId: string,
    request: Request,
  ) => Promise<Response>,
): SurveyApiHandler {
  return (db, request, params, deps) =>
    withApiKey(
      db,
      request,
      operation,
      async (database, { actor }) => {
        const { surveyId } = ZSurveyPathParams.parse(params);
        return run(database, actor, surveyId, request);
      },
      deps,
    );
}

export const handleSubmitResponse = surveyOperation(
  "POST /api/v1/surveys/{surveyId}/responses",
  async (database, actor, surveyId, request) => {
    requireJsonContentType(request);
    const raw = await readJsonBody(request, { maxBytes: API_SUBMIT_MAX_BYTES });
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new HttpError(400, "BAD_REQUEST", "The request body must be a JSON object.");
    }
    const input = ZApiSubmitInput.parse(raw);
    const result = await submitApiResponse(database, actor, surveyId, input);
    return jsonResponse(result satisfies z.infer<typeof ZSaveResponseResult>);
  },
);

export const handleListResponses = surveyOperation(
  "GET /api/v1/surveys/{surveyId}/responses",
  async (database, actor, surveyId, request) => {
    const query = ZListResponsesQuery.parse(queryObject(request));
    const result = await listResponsePage(database, actor, surveyId, {
      versionNumber: query.version,
      status: query.status,
      page: query.page,
    });
    const body: z.infer<typeof ZApiResponsePage> = {
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      items: result.items.map((r) => ({
        ...r,
        startedAt: r.startedAt.toISOString(),
        completedAt: r.completedAt?.toISOString() ?? null,
      })),
    };
    return jsonResponse(body);
  },
);

export const handleExportResponses = surveyOperation(
  "GET /api/v1/surveys/{surveyId}/responses/export",
  async (database, actor, surveyId, request) => {
    const query = ZExportQuery.parse(queryObject(request));
    return exportDownload(database, actor, surveyId, query);
  },
);
