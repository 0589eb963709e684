// OpenAPI paths of the studio's own routes under /api/v1: downloads that authenticate with the
// browser session of a signed-in member (not with API keys); the PDF/PNG jobs are described in
// ./openapi-renders.ts. Whoever adds a route.ts under app/api/v1 documents it here, there or in
// ./openapi.ts; test/api/openapi.test.ts checks that.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZJourneyExportQuery,
  ZMapParams as ZMapPathParams,
  ZPersonaExportQuery,
  ZRunParams as ZRunPathParams,
} from "../download-schemas";
import { ZSurveyDefinitionQuery } from "../survey-definition-download";
import { errors, exportResponsesOperation } from "./openapi-parts";
import { renderPaths } from "./openapi-renders";
import { ZWorkspaceSurveyPathParams } from "./schemas";

const session = [{ session: [] }];

/** The 200 of the export downloads: the same file as CSV or JSON, as the format query asks. */
const csvOrJsonAttachment = {
  description: "The file, as an attachment.",
  content: {
    "text/csv": { schema: z.string() },
    "application/json": { schema: z.unknown() },
  },
};

const studioErrors = (notFound: string) =>
  errors([400, 401, 403, 404], { 401: "Not signed in.", 404: notFound });

export const studioPaths: ZodOpenApiPathsObject = {
  "/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/responses/export": {
    get: exportResponsesOperation("session"),
  },
  "/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/definition": {
    get: {
      operationId: "downloadSurveyDefinition",
      tags: ["Studio"],
      summary: "Download a survey's definition as survey.json for the analyze command",
      description:
        "The questions of the survey's published versions (the newest wording of each key) with " +
        "their role, kind, app question type, CSV column and journey stage, and the stages in " +
        "map order: the file `npm run analyze -- responses.csv --survey survey.json` reads " +
        "next to the responses CSV export.",
      security: session,
      requestParams: { path: ZWorkspaceSurveyPathParams, query: ZSurveyDefinitionQuery },
      responses: {
        "200": {
          description: "survey.json, as an attachment.",
          content: { "application/json": { schema: z.unknown() } },
        },
        ...studioErrors("No such survey in the workspace, or it has no published questions."),
      },
    },
  },
  "/api/v1/workspaces/{workspaceId}/runs/{runId}/export": {
    get: {
      operationId: "exportPersonaSet",
      tags: ["Studio"],
      summary: "Export a run's personas as CSV or JSON",
      description:
        "The persona set of an analysis run (dataset=personas), its traits (traits) or the " +
        "run's full typed result (result), for a signed-in member of the workspace.",
      security: session,
      requestParams: { path: ZRunPathParams, query: ZPersonaExportQuery },
      responses: {
        "200": csvOrJsonAttachment,
        ...studioErrors("No such run in the workspace."),
      },
    },
  },
  "/api/v1/workspaces/{workspaceId}/journeys/{mapId}/export": {
    get: {
      operationId: "exportJourneyCells",
      tags: ["Studio"],
      summary: "Export a journey map's filled cells as CSV or JSON",
      description:
        "One row per persona (and all respondents) and stage of the fill by a run (the newest " +
        "by default): emotion mean and interval, pain index and interval, severe share, q and " +
        "verdict, the top thought theme; cells without enough evidence say so with their n.",
      security: session,
      requestParams: { path: ZMapPathParams, query: ZJourneyExportQuery },
      responses: {
        "200": csvOrJsonAttachment,
        ...studioErrors("No such journey map, or no run has filled it."),
      },
    },
  },
  "/api/v1/workspaces/{workspaceId}/journeys/{mapId}/map": {
    get: {
      operationId: "downloadJourneyMapJson",
      tags: ["Studio"],
      summary: "Download a journey map as map.json for the analyze command",
      description:
        "The map's stages in order with their touchpoints (layer, channel, team, effort): the " +
        "file `npm run analyze -- responses.csv --survey survey.json --journey map.json` reads, " +
        "so gaps carry the same teams and effort as in the app.",
      security: session,
      requestParams: { path: ZMapPathParams },
      responses: {
        "200": {
          description: "map.json, as an attachment.",
          content: { "application/json": { schema: z.unknown() } },
        },
        ...studioErrors("No such journey map in the workspace."),
      },
    },
  },
  ...renderPaths,
};
