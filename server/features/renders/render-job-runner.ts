// PDF and PNG downloads as jobs, the worker's side: takes a queued RenderJob, renders the app's
// print page in headless Chromium (page-render.ts) as the person who asked (a short-lived session
// signed for them, server/features/accounts/render-session.ts) and stores the file in the row. Two renders run at a
// time per worker: each is a whole browser. The asking side is render-jobs.ts.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import type { JobContext, JobQueue } from "~/server/infra/jobs";
import {
  renderSessionCookie,
  type RenderSessionUser,
} from "~/server/features/accounts/render-session";
import {
  RendererUnavailableError,
  renderAppPage,
  type RenderOptions,
} from "~/server/infra/render/page-render";
import {
  enqueueRender,
  pendingStatuses,
  sweepRenderJobs,
  type StoredRenderOptions,
} from "./render-jobs";

/** Chromium renders at once per worker process. */
export const RENDER_CONCURRENCY = 2;

export interface RenderJobRunOptions {
  signal?: AbortSignal;
  /** The renderer; tests that have no Chromium pass a stand-in for this edge. */
  render?: (options: RenderOptions) => Promise<Buffer>;
  cookieFor?: (user: RenderSessionUser) => Promise<string>;
  now?: Date;
}

const FAILED_UNEXPECTEDLY =
  "Preparing the file failed on the server. Try again; if it keeps failing, ask whoever runs " +
  "Persona Atlas to look at the server log.";

/** The print page a job draws. */
export function printPath(
  row: { workspaceId: string; kind: string; targetId: string },
  options: StoredRenderOptions,
): string {
  if (row.kind === "persona-card") {
    return `/print/w/${row.workspaceId}/runs/${row.targetId}/personas/${options.index ?? 0}`;
  }
  const run = options.runId ? `?run=${encodeURIComponent(options.runId)}` : "";
  return `/print/w/${row.workspaceId}/journeys/${row.targetId}${run}`;
}

/**
 * Runs one render to its end and stores the file or a readable failure. A repeated job for a
 * finished render does nothing. Throws only when this worker must let go (stopping, lease
 * lost), after putting the render back in line, so that the queue offers it again.
 */
export async function runRenderJob(
  db: Db,
  renderJobId: string,
  options: RenderJobRunOptions = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await sweepRenderJobs(db, now);
  const row = await db.renderJob.findUnique({
    where: { id: renderJobId },
    select: {
      id: true,
      workspaceId: true,
      requestedById: true,
      kind: true,
      targetId: true,
      format: true,
      options: true,
      status: true,
    },
  });
  if (!row || !pendingStatuses.includes(row.status)) return;
  const finish = (data: Prisma.RenderJobUpdateManyMutationInput) =>
    db.renderJob.updateMany({
      where: { id: renderJobId, status: { in: pendingStatuses } },
      data: { ...data, finishedAt: new Date() },
    });
  await db.renderJob.update({
    where: { id: renderJobId },
    data: { status: "RUNNING", startedAt: new Date() },
  });
  const stored = row.options as unknown as StoredRenderOptions;
  const user = await db.user.findUnique({
    where: { id: row.requestedById },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== stored.sessionVersion) {
    await finish({
      status: "FAILED",
      error: "You signed out since asking. Sign in and try again.",
    });
    return;
  }
  const format = row.format === "png" ? "png" : "pdf";
  try {
    const body = await (options.render ?? renderAppPage)({
      path: printPath(row, stored),
      format,
      paper: stored.paper,
      frame: row.kind === "journey-map" ? "running" : undefined,
      cookie: await (options.cookieFor ?? renderSessionCookie)({
        id: user.id,
        email: user.email,
        name: user.name,
        sessionVersion: user.sessionVersion,
      }),
      acceptLanguage: stored.acceptLanguage ?? null,
    });
    await finish({ status: "DONE", file: new Uint8Array(body), error: null });
  } catch (error) {
    if (options.signal?.aborted) {
      await db.renderJob.updateMany({
        where: { id: renderJobId, status: "RUNNING" },
        data: { status: "QUEUED", startedAt: null },
      });
      throw error;
    }
    if (error instanceof RendererUnavailableError) {
      await finish({ status: "FAILED", error: error.message });
      return;
    }
    console.error(`render ${renderJobId} failed`, error);
    await finish({ status: "FAILED", error: FAILED_UNEXPECTEDLY });
  }
}

/** Makes this process pull renders, RENDER_CONCURRENCY at a time. */
export async function workOnRenders(
  queue: JobQueue,
  db: Db,
  options: Omit<RenderJobRunOptions, "signal"> = {},
): Promise<void> {
  await queue.work<{ renderJobId: string }>(
    "render",
    (job: JobContext<{ renderJobId: string }>) =>
      runRenderJob(db, job.data.renderJobId, { ...options, signal: job.signal }),
    { concurrency: RENDER_CONCURRENCY },
  );
}

/**
 * At a worker's start: old files are swept, and renders still waiting (on the embedded database,
 * also those this server left running) are offered to the queue again; the job key keeps one
 * that already has its job from getting a second.
 */
export async function recoverUnfinishedRenders(queue: JobQueue, db: Db): Promise<number> {
  await sweepRenderJobs(db);
  const rows = await db.renderJob.findMany({
    where: { status: { in: queue.kind === "in-process" ? pendingStatuses : ["QUEUED"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const row of rows) await enqueueRender(queue, row.id);
  return rows.length;
}
