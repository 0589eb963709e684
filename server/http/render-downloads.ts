// PDF and PNG downloads over HTTP, as jobs (server/features/renders/render-jobs.ts): asking for a persona card
// or journey map file answers 202 with the job's URL in Location; that URL answers where the job
// stands (its place in line, done, failed) and, once done, the URL of the file; the file URL
// answers the bytes. All three need a signed-in member of the workspace. A long line answers
// 429 with Retry-After (render-refusals.ts).
import { getJobQueue } from "~/server/infra/jobs";
import {
  getRenderJob,
  readRenderFile,
  startRenderJob,
  type RenderJobView,
  type RenderRequest,
} from "~/server/features/renders/render-jobs";
import { ZRenderJobParams } from "./download-schemas";
import { attachment, signedInActor } from "./download-response";
import { errorResponse, jsonResponse, responseForError } from "./errors";
import { renderRefusal } from "./render-refusals";

/** Seconds a poller is asked to wait before looking again. */
const POLL_SECONDS = 2;

export function renderJobUrl(workspaceId: string, jobId: string): string {
  return `/api/v1/workspaces/${workspaceId}/renders/${jobId}`;
}

/** The job as JSON, with the URLs to poll and (once done) to fetch. */
function renderJobBody(workspaceId: string, view: RenderJobView) {
  const statusUrl = renderJobUrl(workspaceId, view.jobId);
  return { ...view, statusUrl, fileUrl: view.status === "done" ? `${statusUrl}/file` : null };
}

/** Starts (or joins) the render of one file: 202, Location = the job. */
export async function startRenderDownload(
  request: Request,
  workspaceId: string,
  what: RenderRequest,
  label: string,
): Promise<Response> {
  try {
    const session = await signedInActor(workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", `Sign in to download ${label}.`);
    const view = await startRenderJob(session.db, getJobQueue(), session.actor, what, {
      acceptLanguage: request.headers.get("accept-language"),
    });
    const body = renderJobBody(workspaceId, view);
    return jsonResponse(body, 202, {
      location: body.statusUrl,
      "retry-after": String(POLL_SECONDS),
    });
  } catch (error) {
    return renderRefusal(error) ?? responseForError(error, `${label} export`);
  }
}

export async function renderJobStatus(rawParams: unknown): Promise<Response> {
  try {
    const params = ZRenderJobParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to download files.");
    const view = await getRenderJob(session.db, session.actor, params.jobId);
    const pending = view.status === "queued" || view.status === "running";
    return jsonResponse(
      renderJobBody(params.workspaceId, view),
      200,
      pending ? { "retry-after": String(POLL_SECONDS) } : {},
    );
  } catch (error) {
    return responseForError(error, "Download status");
  }
}

export async function renderJobFile(rawParams: unknown): Promise<Response> {
  try {
    const params = ZRenderJobParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to download files.");
    const file = await readRenderFile(session.db, session.actor, params.jobId);
    return attachment(file.body as Uint8Array<ArrayBuffer>, file);
  } catch (error) {
    return responseForError(error, "Download");
  }
}
