// Pieces shared by the OpenAPI paths (./openapi.ts, ./openapi-studio.ts): the error responses
// with their examples, example values, and the responses export operation, which exists twice
// (API key and studio session) with one implementation (server/http/response-download.ts).
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import {
  ZErrorBody,
  ZExportJsonBody,
  ZExportQuery,
  ZSurveyPathParams,
  ZWorkspaceSurveyPathParams,
} from "./schemas";

const errorText: Record<number, string> = {
  400: "The request is not valid; `fieldErrors` names each problem.",
  401: "No API key, or an unknown or revoked one.",
  404: "No such survey (or version) in the key's workspace.",
  409: "The response id belongs to another survey.",
  410: "The survey is closed and accepts no more answers.",
  413: "The body is larger than 64 KB.",
  415: "The body is not sent as application/json.",
  429: "Too many requests; wait for the seconds in Retry-After.",
  403: "The signed-in user is not a member of the workspace.",
};

const errorExample: Record<number, { code: string; message: string }> = {
  403: { code: "FORBIDDEN", message: "You are not a member of this workspace." },
  400: { code: "INVALID_INPUT", message: "One answer needs your attention." },
  401: {
    code: "UNAUTHENTICATED",
    message:
      "This API key is not valid or has been revoked. Send a current key as “Authorization: Bearer pa_…”.",
  },
  404: { code: "NOT_FOUND", message: "That survey does not exist in this workspace." },
  409: { code: "CONFLICT", message: "This response id belongs to another survey." },
  410: { code: "SURVEY_CLOSED", message: "This survey is closed and no longer accepts answers." },
  413: {
    code: "PAYLOAD_TOO_LARGE",
    message: "The request body is too large: at most 64 KB is accepted.",
  },
  415: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: 'Send the body as JSON with the header "Content-Type: application/json".',
  },
  429: {
    code: "RATE_LIMITED",
    message: "Too many requests. Please wait 12 seconds and try again.",
  },
};

/** Error responses for the given statuses, each with the shared error body and an example. */
export function errors(
  statuses: number[],
  texts: Record<number, string> = {},
): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {};
  for (const status of statuses) {
    const example = errorExample[status];
    out[`${status}` as `4${string}`] = {
      description: texts[status] ?? errorText[status] ?? "Refused.",
      content: {
        "application/json": {
          schema: ZErrorBody,
          ...(example ? { example: { error: example } } : {}),
        },
      },
    };
  }
  return out;
}

export const exampleResponseId = "5b1f0c7e-2d4a-4f0e-9c61-0a8e3b7d9f12";
export const exampleAnswers = {
  price_focus: 4,
  channel: "online",
  feeling: 1,
  thoughts: "Quick and easy.",
};
export const saveResultExample = {
  responseId: exampleResponseId,
  status: "COMPLETE",
  versionNumber: 1,
  alreadyComplete: false,
};

export const exportResponsesOperation = (
  auth: "apiKey" | "session",
): ZodOpenApiOperationObject => ({
  operationId: auth === "apiKey" ? "exportResponses" : "exportWorkspaceResponses",
  tags: [auth === "apiKey" ? "Responses" : "Studio"],
  summary:
    auth === "apiKey"
      ? "Export responses as CSV or JSON"
      : "Export responses (signed-in browser session)",
  description:
    "One row per response, one column per question key; multiple choice as one 0/1 column per " +
    "option (`<key>__<option>`). Columns are the union over all published versions. CSV cells " +
    "that a spreadsheet would run as a formula are neutralised with a leading apostrophe." +
    (auth === "session"
      ? " This is the studio's download link: it authenticates with the session cookie of a " +
        "signed-in member; scripts use GET /api/v1/surveys/{surveyId}/responses/export with a key."
      : ""),
  security: auth === "apiKey" ? [{ apiKey: [] }] : [{ session: [] }],
  requestParams: {
    path: auth === "apiKey" ? ZSurveyPathParams : ZWorkspaceSurveyPathParams,
    query: ZExportQuery,
  },
  responses: {
    "200": {
      description: "The file, as an attachment; X-Response-Count holds the number of rows.",
      headers: z.object({
        "x-response-count": z.string().meta({ description: "Rows in the file." }),
      }),
      content: {
        "text/csv": {
          schema: z.string(),
          example:
            "response_id,version,status,started_at,completed_at,locale,price_focus,channel\r\n" +
            `${exampleResponseId},1,COMPLETE,2026-11-23T10:15:00.000Z,2026-11-23T10:17:41.000Z,en,4,online`,
        },
        "application/json": {
          schema: ZExportJsonBody,
          example: [
            {
              response_id: exampleResponseId,
              version: 1,
              status: "COMPLETE",
              started_at: "2026-11-23T10:15:00.000Z",
              completed_at: "2026-11-23T10:17:41.000Z",
              locale: "en",
              price_focus: 4,
              channel: "online",
            },
          ],
        },
      },
    },
    ...(auth === "apiKey"
      ? errors([400, 401, 404, 429])
      : errors([400, 401, 403, 404], { 401: "Not signed in.", 404: "No such survey." })),
  },
});
