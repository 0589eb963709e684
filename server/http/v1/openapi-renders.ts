// OpenAPI paths of the PDF and PNG downloads, which are jobs (server/http/render-downloads.ts):
// asking for a file answers 202 with the job's URL in Location; a client polls that URL (Retry-After
// says how long to wait) until the job is done, then fetches the file from fileUrl.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  ZJourneyRenderQuery,
  ZMapParams as ZMapPathParams,
  ZPersonaParams as ZPersonaPathParams,
  ZRenderJobParams,
} from "../download-schemas";
import { errors } from "./openapi-parts";

const session = [{ session: [] }];

const ZRenderJob = z
  .object({
    jobId: z.string(),
    status: z.enum(["queued", "running", "done", "failed"]),
    format: z.enum(["pdf", "png"]),
    position: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Place in line while queued (1 is next); null otherwise." }),
    fileName: z.string().nullable(),
    error: z.string().nullable().meta({ description: "Why it failed, for a person to read." }),
    statusUrl: z.string().meta({ description: "This job's URL, to poll." }),
    fileUrl: z.string().nullable().meta({ description: "The file's URL, once done." }),
  })
  .meta({ id: "RenderJob" });

const studioErrors = (notFound: string) =>
  errors([400, 401, 403, 404], { 401: "Not signed in.", 404: notFound });

const accepted = {
  "202": {
    description:
      "The render is queued (or an identical one of the caller's, still pending, is joined). " +
      "Location holds the job's URL; poll it.",
    headers: z.object({
      location: z.string().meta({ description: "The job's URL." }),
      "retry-after": z.string().meta({ description: "Seconds to wait before polling." }),
    }),
    content: { "application/json": { schema: ZRenderJob } },
  },
  ...errors([429], { 429: "Too many downloads are waiting; Retry-After says when to try again." }),
};

const description =
  "Rendered by a worker from the app's print page as the caller (so it shows exactly what the " +
  "caller may see). The answer is 202 with the job's URL in Location: poll it until status is " +
  "done, then GET its fileUrl. Files are kept for an hour.";

const personaCard = (format: "pdf" | "png") => ({
  get: {
    operationId: format === "pdf" ? "downloadPersonaPdf" : "downloadPersonaPng",
    tags: ["Studio"],
    summary: `Ask for one persona's card as ${format === "pdf" ? "an A4 PDF" : "a PNG image"}`,
    description,
    security: session,
    requestParams: { path: ZPersonaPathParams },
    responses: { ...accepted, ...studioErrors("No such run or persona in the workspace.") },
  },
});

const journeyMapFile = (format: "pdf" | "png") => ({
  get: {
    operationId: format === "pdf" ? "downloadJourneyMapPdf" : "downloadJourneyMapPng",
    tags: ["Studio"],
    summary: `Ask for a journey map with its evidence as ${format === "pdf" ? "a landscape PDF (A4 or Letter)" : "a PNG image"}`,
    description:
      "Stages, touchpoints by layer and the evidence grid of a run (the newest by default) with " +
      `the emotion chart. ${description}`,
    security: session,
    requestParams: { path: ZMapPathParams, query: ZJourneyRenderQuery },
    responses: { ...accepted, ...studioErrors("No such journey map in the workspace.") },
  },
});

export const renderPaths: ZodOpenApiPathsObject = {
  "/api/v1/workspaces/{workspaceId}/runs/{runId}/personas/{index}/pdf": personaCard("pdf"),
  "/api/v1/workspaces/{workspaceId}/runs/{runId}/personas/{index}/png": personaCard("png"),
  "/api/v1/workspaces/{workspaceId}/journeys/{mapId}/pdf": journeyMapFile("pdf"),
  "/api/v1/workspaces/{workspaceId}/journeys/{mapId}/png": journeyMapFile("png"),
  "/api/v1/workspaces/{workspaceId}/renders/{jobId}": {
    get: {
      operationId: "getRenderJob",
      tags: ["Studio"],
      summary: "Where a PDF or PNG download stands",
      description:
        "Queued (with its place in line), running, done (with fileUrl) or failed (with the " +
        "reason). While pending, Retry-After says how long to wait before asking again.",
      security: session,
      requestParams: { path: ZRenderJobParams },
      responses: {
        "200": {
          description: "The job.",
          content: { "application/json": { schema: ZRenderJob } },
        },
        ...studioErrors("No such download in the workspace (files are kept an hour)."),
      },
    },
  },
  "/api/v1/workspaces/{workspaceId}/renders/{jobId}/file": {
    get: {
      operationId: "downloadRenderedFile",
      tags: ["Studio"],
      summary: "Download a finished PDF or PNG",
      security: session,
      requestParams: { path: ZRenderJobParams },
      responses: {
        "200": {
          description: "The file, as an attachment.",
          content: {
            "application/pdf": { schema: z.string().meta({ format: "binary" }) },
            "image/png": { schema: z.string().meta({ format: "binary" }) },
          },
        },
        ...studioErrors("No such download in the workspace (files are kept an hour)."),
        ...errors([409], { 409: "The file is not ready yet." }),
      },
    },
  },
};
