// How the PDF/PNG download routes answer when the renderer cannot take the job: a full render
// line is 429 with Retry-After (come back shortly), a missing or broken Chromium is 503 (ask
// whoever runs the server; with renders as jobs the worker usually meets it first and stores its
// message as the job's error). Anything else is left to responseForError.
import { RendererUnavailableError } from "~/server/infra/render/page-render";
import { RenderQueueFullError } from "~/server/infra/render/render-queue";
import { errorResponse } from "./errors";

export function renderRefusal(error: unknown): Response | null {
  if (error instanceof RenderQueueFullError) {
    return errorResponse(429, "RENDER_QUEUE_FULL", error.message, {
      headers: { "retry-after": String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof RendererUnavailableError) {
    return errorResponse(503, "RENDERER_UNAVAILABLE", error.message);
  }
  return null;
}
