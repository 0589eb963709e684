// Journey refills as jobs: a researcher's refill or a link asked for on the map page is checked at
// once and handed to a worker (journey-refill). While one waits or runs the map carries
// fillRequestedAt, which the page polls as "filling…" (getJourneyFillStatus); the job clears it and
// leaves fillError if it failed. The fill itself is journey-fill-runner.ts.
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import type { TRefillJourneyInput } from "~/server/domain/journey-evidence";
import { access } from "~/server/domain/workspace";
import type { JobQueue } from "~/server/infra/jobs";
import { requireRole, type MembershipView } from "../workspaces/access";
import { fillMapFromRun, linkedSurveyRun, refillTarget } from "./journey-fill-runner";
import { requireJourneyMap } from "./journey-lookup";

interface JourneyRefillJob {
  journeyMapId: string;
  runId: string;
  /** The request's time as stored on the map: only the newest request's job clears it. */
  requestedAt: string;
}

/** Marks the map as filling and hands the fill to the workers. */
async function enqueueMapFill(
  db: Db,
  queue: JobQueue,
  journeyMapId: string,
  runId: string,
): Promise<void> {
  const requestedAt = new Date();
  await db.journeyMap.update({
    where: { id: journeyMapId },
    data: { fillRequestedAt: requestedAt, fillRunId: runId, fillError: null },
  });
  await queue.enqueue<JourneyRefillJob>(
    "journey-refill",
    { journeyMapId, runId, requestedAt: requestedAt.toISOString() },
    { key: `${journeyMapId}:${runId}:${requestedAt.getTime()}` },
  );
}

/** The refill as the map page asks for it: checked now, filled by a worker (journey-refill). */
export async function requestJourneyRefill(
  db: Db,
  queue: JobQueue,
  actor: MembershipView,
  raw: TRefillJourneyInput,
): Promise<{ runId: string }> {
  const { journeyMapId, runId } = await refillTarget(db, actor, raw);
  await enqueueMapFill(db, queue, journeyMapId, runId);
  return { runId };
}

/** After a link, with a queue: the fill from the survey's newest finished run becomes a job. */
export async function requestLinkedMapFill(
  db: Db,
  queue: JobQueue,
  journeyMapId: string,
): Promise<{ runId: string } | null> {
  const run = await linkedSurveyRun(db, journeyMapId);
  if (!run) return null;
  await enqueueMapFill(db, queue, journeyMapId, run.id);
  return { runId: run.id };
}

/** The worker's side of a refill or a link: fills, then says on the map how it went. */
export async function runJourneyRefillJob(db: Db, job: JourneyRefillJob): Promise<void> {
  let error: string | null = null;
  try {
    await fillMapFromRun(db, job.journeyMapId, job.runId);
  } catch (failure) {
    if (failure instanceof DomainError) error = failure.message;
    else {
      console.error(
        `filling journey map ${job.journeyMapId} from run ${job.runId} failed`,
        failure,
      );
      error = "The map could not be filled from this run. Try the refill again.";
    }
  }
  // A newer request keeps the map filling until its own job ends.
  await db.journeyMap.updateMany({
    where: { id: job.journeyMapId, fillRequestedAt: new Date(job.requestedAt) },
    data: { fillRequestedAt: null, fillRunId: null, fillError: error },
  });
}

export async function workOnJourneyRefills(queue: JobQueue, db: Db): Promise<void> {
  await queue.work<JourneyRefillJob>("journey-refill", (job) => runJourneyRefillJob(db, job.data));
}

/**
 * At a worker's start on the embedded database (the queue was in this process's memory): maps
 * left filling by the last stop get their fill again. On PostgreSQL their jobs are still queued.
 */
export async function recoverUnfinishedFills(queue: JobQueue, db: Db): Promise<number> {
  if (queue.kind !== "in-process") return 0;
  const maps = await db.journeyMap.findMany({
    where: { fillRequestedAt: { not: null }, fillRunId: { not: null } },
    select: { id: true, fillRunId: true, fillRequestedAt: true },
  });
  for (const map of maps) {
    if (!map.fillRunId || !map.fillRequestedAt) continue;
    const requestedAt = map.fillRequestedAt;
    await queue.enqueue<JourneyRefillJob>(
      "journey-refill",
      { journeyMapId: map.id, runId: map.fillRunId, requestedAt: requestedAt.toISOString() },
      { key: `${map.id}:${map.fillRunId}:${requestedAt.getTime()}` },
    );
  }
  return maps.length;
}

/** Whether a fill of this map is waiting or running, and why the last one failed if it did. */
export async function getJourneyFillStatus(
  db: Db,
  actor: MembershipView,
  journeyMapId: string,
): Promise<{ filling: boolean; error: string | null }> {
  requireRole(actor, access.anyMember);
  const map = await requireJourneyMap(db, actor.workspaceId, journeyMapId);
  return { filling: map.fillRequestedAt !== null, error: map.fillError };
}
