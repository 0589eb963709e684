// Fills journey maps from analysis runs, at once: after every successful run (every map of the
// workspace linked to the run's survey), when a survey is linked to a map (from that survey's newest
// finished run), and when a researcher asks for a refill (e.g. after changing the map's stages).
// Each map's fill is computed in full before one upsert stores it, so a failure leaves the map's
// earlier fills as they were and never stores half a fill.
//
// CPU: fillJourney is pure and synchronous; it takes about 50 ms for 300 respondents and about 2 s
// for 10,000 (text analysis dominates). None of it runs in a web request: fills after a run are
// part of the run's job, and a link or a refill asked for on the map page is a journey-refill job
// (journey-refill-jobs.ts). refillJourneyMap and a link without a queue still fill at once, for
// tests and scripts.
import { fillJourney } from "~/server/analysis/journey/fill";
import { JourneyFillInputError } from "~/server/analysis/journey/input";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import { ZRefillJourneyInput, type TRefillJourneyInput } from "~/server/domain/journey-evidence";
import { access } from "~/server/domain/workspace";
import { config, type Env } from "~/server/infra/config";
import { requireRole, type MembershipView } from "../workspaces/access";
import { storeJourneyFill } from "./journey-fills";
import {
  buildFillInput,
  loadRunEvidence,
  mapForFillInclude,
  type MapForFill,
  type RunAnswers,
  type RunEvidence,
} from "./journey-fill-input";
import { requireJourneyMap } from "./journey-lookup";

export type MapFillOutcome =
  | { journeyMapId: string; status: "filled"; fillId: string }
  | { journeyMapId: string; status: "failed"; error: string };

/**
 * The smallest cell that shows a value (default 30): JOURNEY_MIN_CELL_N, read per fill so a
 * changed setting applies to the next run or refill. Anything but a whole number from 2 to 10,000
 * falls back to the default.
 */
export function minCellSize(env?: Env): number | undefined {
  return config(env).journeyMinCellN;
}

async function fillOne(db: Db, map: MapForFill, evidence: RunEvidence): Promise<{ id: string }> {
  const minN = minCellSize();
  const result = fillJourney(buildFillInput(map, evidence), minN ? { minN } : {});
  return storeJourneyFill(db, {
    journeyMapId: map.id,
    runId: evidence.runId,
    result: result as unknown as Prisma.InputJsonValue,
  });
}

/**
 * Fills every map of the run's workspace that is linked to the run's survey. Never throws for one
 * map: its failure is logged and reported in the outcome, the other maps are still filled. The
 * run's executor passes the answers it analysed, so they are not read a second time.
 */
export async function fillMapsForRun(
  db: Db,
  runId: string,
  answers?: RunAnswers,
): Promise<MapFillOutcome[]> {
  const run = await db.analysisRun.findUnique({
    where: { id: runId },
    select: { workspaceId: true, surveyId: true },
  });
  if (!run) return [];
  const maps = await db.journeyMap.findMany({
    where: { workspaceId: run.workspaceId, surveyId: run.surveyId },
    include: mapForFillInclude,
    orderBy: { createdAt: "asc" },
  });
  if (maps.length === 0) return [];
  const evidence = await loadRunEvidence(db, runId, answers);
  if (!evidence) return [];
  const outcomes: MapFillOutcome[] = [];
  for (const map of maps) {
    try {
      const { id } = await fillOne(db, map, evidence);
      outcomes.push({ journeyMapId: map.id, status: "filled", fillId: id });
    } catch (error) {
      console.error(`filling journey map ${map.id} from run ${runId} failed`, error);
      outcomes.push({
        journeyMapId: map.id,
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return outcomes;
}

async function newestSucceededRun(db: Db, workspaceId: string, surveyId: string) {
  return db.analysisRun.findFirst({
    where: { workspaceId, surveyId, status: "SUCCEEDED" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/** Fills one map from one run; a filler refusal becomes a message for the researcher. */
export async function fillMapFromRun(db: Db, journeyMapId: string, runId: string) {
  const map = await db.journeyMap.findUniqueOrThrow({
    where: { id: journeyMapId },
    include: mapForFillInclude,
  });
  const evidence = await loadRunEvidence(db, runId);
  if (!evidence) return fail("CONFLICT", "That analysis run has not finished successfully.");
  try {
    return await fillOne(db, map, evidence);
  } catch (error) {
    if (error instanceof JourneyFillInputError) return fail("INVALID_INPUT", error.message);
    throw error;
  }
}

/** The newest finished run of the survey linked to a map, or null (no survey, or no run yet). */
export async function linkedSurveyRun(
  db: Db,
  journeyMapId: string,
): Promise<{ id: string } | null> {
  const map = await db.journeyMap.findUnique({
    where: { id: journeyMapId },
    select: { workspaceId: true, surveyId: true },
  });
  if (!map?.surveyId) return null;
  return newestSucceededRun(db, map.workspaceId, map.surveyId);
}

/**
 * After a survey was linked to a map: fills the map from that survey's newest finished run, if
 * there is one. The link stands either way; a failure is logged and the map waits for the next
 * run or a refill.
 */
export async function fillLinkedMap(
  db: Db,
  journeyMapId: string,
): Promise<{ runId: string } | null> {
  const run = await linkedSurveyRun(db, journeyMapId);
  if (!run) return null;
  try {
    await fillMapFromRun(db, journeyMapId, run.id);
    return { runId: run.id };
  } catch (error) {
    console.error(`filling journey map ${journeyMapId} from run ${run.id} failed`, error);
    return null;
  }
}

/** Checks a researcher's refill request: the map must be linked, the run one of its survey. */
export async function refillTarget(
  db: Db,
  actor: MembershipView,
  raw: TRefillJourneyInput,
): Promise<{ journeyMapId: string; runId: string }> {
  requireRole(actor, access.research);
  const input = ZRefillJourneyInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  if (!map.surveyId) {
    return fail("INVALID_INPUT", "Link a survey to this map first: its analyses fill the map.");
  }
  const run = input.runId
    ? await db.analysisRun.findFirst({
        where: { id: input.runId, workspaceId: actor.workspaceId, surveyId: map.surveyId },
        select: { id: true },
      })
    : await newestSucceededRun(db, actor.workspaceId, map.surveyId);
  if (!run) {
    return fail(
      "NOT_FOUND",
      input.runId
        ? "That analysis run is not a run of the survey linked to this map."
        : "The linked survey has no finished analysis yet. Run one under Personas.",
    );
  }
  return { journeyMapId: map.id, runId: run.id };
}

/**
 * A researcher's refill, at once: from the given run of the linked survey, or from its newest
 * finished run. Replaces that run's fill of the map (e.g. after stages or touchpoints changed).
 */
export async function refillJourneyMap(
  db: Db,
  actor: MembershipView,
  raw: TRefillJourneyInput,
): Promise<{ runId: string }> {
  const { journeyMapId, runId } = await refillTarget(db, actor, raw);
  await fillMapFromRun(db, journeyMapId, runId);
  return { runId };
}
