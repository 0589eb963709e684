// PDF and PNG downloads as jobs, the asking side: a member asks for a persona card or a journey
// map as a file, gets a RenderJob row and a job on the queue ("render"), and polls the row for
// its place in line until the file is there to fetch. The request does no more than an access
// check, a lookup of what to draw and one insert; Chromium runs in a worker
// (render-job-runner.ts). The same person asking for the same file while it is still pending
// gets the pending job back, and finished files are swept after an hour.
import { createHash } from "node:crypto";
import type { Db } from "~/server/db/client";
import type { Prisma, RenderStatus } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import { access } from "~/server/domain/workspace";
import type { JobQueue } from "~/server/infra/jobs";
import { requireRole, type MembershipView } from "../workspaces/access";
import { journeyFileName } from "../journeys/journey-export";
import { getJourneyMap } from "../journeys/journey-view";
import { personaFileName } from "../personas/persona-export";
import { getPersonaReview } from "../personas/persona-fields";
import { RenderQueueFullError } from "~/server/infra/render/render-queue";

export type RenderFormat = "pdf" | "png";

/** What to draw: one persona's card of a run, or a journey map with a run's evidence. */
export type RenderRequest =
  | { kind: "persona-card"; runId: string; index: number; format: RenderFormat }
  | {
      kind: "journey-map";
      mapId: string;
      runId?: string;
      paper: "a4" | "letter";
      format: RenderFormat;
    };

/** What the row keeps next to its target, for the worker. */
export interface StoredRenderOptions {
  index?: number;
  runId?: string;
  paper?: "a4" | "letter";
  acceptLanguage?: string;
  /** The asker's session version when they asked; a later sign-out stops the render. */
  sessionVersion: number;
}

export interface RenderJobView {
  jobId: string;
  status: "queued" | "running" | "done" | "failed";
  format: RenderFormat;
  /** Place in the line while queued: 1 is next (renders already running count as ahead). */
  position: number | null;
  fileName: string | null;
  error: string | null;
}

interface RenderJobData {
  renderJobId: string;
}

export const pendingStatuses: RenderStatus[] = ["QUEUED", "RUNNING"];
/** A repeated click within this time joins the pending job instead of making another. */
const REUSE_WINDOW_MS = 10 * 60 * 1000;
/** Finished files are kept this long for the person to fetch, then deleted. */
export const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** Past this many waiting renders (all workspaces), a new one is refused with a retry hint. */
const MAX_PENDING = 40;
/** Rough seconds per render with two running at a time, for the retry hint. */
const SECONDS_PER_RENDER = 5;

const statusName = (status: RenderStatus) =>
  status.toLowerCase() as Lowercase<RenderStatus> as RenderJobView["status"];

async function describe(db: Db, actor: MembershipView, request: RenderRequest) {
  if (request.kind === "persona-card") {
    // Checks the run and persona exist and are the caller's to see before queueing anything.
    const view = await getPersonaReview(db, actor, request.runId, request.index);
    return {
      targetId: request.runId,
      options: { index: request.index },
      fileName: personaFileName(
        view.run.surveyTitle,
        request.index,
        view.persona.name,
        request.format,
      ),
    };
  }
  const map = await getJourneyMap(db, actor, request.mapId);
  return {
    targetId: request.mapId,
    options: { paper: request.paper, ...(request.runId ? { runId: request.runId } : {}) },
    fileName: journeyFileName(map.name, "journey-map", request.format),
  };
}

/**
 * Asks for a file: checks access and that the target exists, then joins the same person's
 * pending job for the same file or queues a new one. Refuses (RenderQueueFullError) when the
 * line is already long.
 */
export async function startRenderJob(
  db: Db,
  queue: JobQueue,
  actor: MembershipView,
  request: RenderRequest,
  context: { acceptLanguage?: string | null; now?: Date } = {},
): Promise<RenderJobView> {
  requireRole(actor, access.anyMember);
  const now = context.now ?? new Date();
  const target = await describe(db, actor, request);
  const acceptLanguage = context.acceptLanguage?.slice(0, 200) || undefined;
  const requestKey = createHash("sha256")
    .update(
      JSON.stringify([
        actor.userId,
        actor.workspaceId,
        request.kind,
        target.targetId,
        request.format,
        target.options,
        acceptLanguage ?? "",
      ]),
    )
    .digest("hex");
  const pending = await db.renderJob.findFirst({
    where: {
      requestKey,
      status: { in: pendingStatuses },
      createdAt: { gt: new Date(now.getTime() - REUSE_WINDOW_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (pending) return getRenderJob(db, actor, pending.id);

  const waiting = await db.renderJob.count({ where: { status: { in: pendingStatuses } } });
  if (waiting >= MAX_PENDING) {
    throw new RenderQueueFullError(Math.ceil(waiting / 2) * SECONDS_PER_RENDER);
  }
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { sessionVersion: true },
  });
  if (!user) return fail("UNAUTHENTICATED", "Sign in again to download this file.");
  const options: StoredRenderOptions = {
    ...target.options,
    ...(acceptLanguage ? { acceptLanguage } : {}),
    sessionVersion: user.sessionVersion,
  };
  const created = await db.renderJob.create({
    data: {
      workspaceId: actor.workspaceId,
      requestedById: actor.userId,
      kind: request.kind,
      targetId: target.targetId,
      format: request.format,
      options: options as unknown as Prisma.InputJsonValue,
      requestKey,
      fileName: target.fileName,
      createdAt: now,
    },
    select: { id: true },
  });
  await enqueueRender(queue, created.id);
  return getRenderJob(db, actor, created.id);
}

export async function enqueueRender(queue: JobQueue, renderJobId: string): Promise<void> {
  await queue.enqueue<RenderJobData>("render", { renderJobId }, { key: renderJobId });
}

async function requireRenderJob(db: Db, actor: MembershipView, jobId: string) {
  requireRole(actor, access.anyMember);
  const row = await db.renderJob.findFirst({
    where: { id: jobId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      status: true,
      format: true,
      fileName: true,
      error: true,
      createdAt: true,
    },
  });
  return (
    row ??
    fail("NOT_FOUND", "That download does not exist in this workspace (files are kept an hour).")
  );
}

/** Where a render stands, for the download button (or an API client) to poll. */
export async function getRenderJob(
  db: Db,
  actor: MembershipView,
  jobId: string,
): Promise<RenderJobView> {
  const row = await requireRenderJob(db, actor, jobId);
  // Renders of every workspace share the workers, so the line is the whole queue's.
  const ahead =
    row.status === "QUEUED"
      ? await db.renderJob.count({
          where: { status: { in: pendingStatuses }, createdAt: { lt: row.createdAt } },
        })
      : null;
  return {
    jobId: row.id,
    status: statusName(row.status),
    format: row.format === "png" ? "png" : "pdf",
    position: ahead === null ? null : ahead + 1,
    fileName: row.fileName,
    error: row.error,
  };
}

export interface RenderedFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

/** The finished file, for a member of the job's workspace. */
export async function readRenderFile(
  db: Db,
  actor: MembershipView,
  jobId: string,
): Promise<RenderedFile> {
  await requireRenderJob(db, actor, jobId);
  const row = await db.renderJob.findFirst({
    where: { id: jobId, workspaceId: actor.workspaceId, status: "DONE" },
    select: { file: true, fileName: true, format: true },
  });
  if (!row?.file) return fail("CONFLICT", "This file is not ready yet.");
  return {
    fileName: row.fileName ?? `download.${row.format}`,
    contentType: row.format === "png" ? "image/png" : "application/pdf",
    body: new Uint8Array(row.file),
  };
}

/**
 * Deletes finished renders (and their files) older than an hour, and any render older than a
 * day whatever its state (one that no worker will ever finish).
 */
export async function sweepRenderJobs(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.renderJob.deleteMany({
    where: {
      OR: [
        {
          status: { notIn: pendingStatuses },
          finishedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) },
        },
        { createdAt: { lt: new Date(now.getTime() - 24 * KEEP_FINISHED_MS) } },
      ],
    },
  });
  return count;
}
