// Storage of what the analysis puts on a journey map: the filled map per analysis run (its shape
// belongs to the journey filling in server/analysis/journey; stored here as given, once per map and
// run) and researchers' decisions on suggested moments of truth.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import {
  ZDecideMomentOfTruthInput,
  type TDecideMomentOfTruthInput,
  type TSuggestionDecision,
} from "~/server/domain/journey";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { requireJourneyMap, requireStage } from "./journey-lookup";

export interface StoredJourneyFill {
  id: string;
  runId: string;
  runCreatedAt: Date;
  /** The run's survey: where the quoted responses live. */
  surveyId: string;
  createdAt: Date;
  /** As stored; parse it with the filling's own schema before use. */
  result: unknown;
}

/**
 * Stores (or replaces) the filled map of one run. Called by the filling use case, not by people:
 * no actor, but the map and the run must belong to the same workspace.
 */
export async function storeJourneyFill(
  db: Db,
  input: { journeyMapId: string; runId: string; result: Prisma.InputJsonValue },
): Promise<{ id: string }> {
  const [map, run] = await Promise.all([
    db.journeyMap.findUnique({ where: { id: input.journeyMapId }, select: { workspaceId: true } }),
    db.analysisRun.findUnique({ where: { id: input.runId }, select: { workspaceId: true } }),
  ]);
  if (!map || !run || map.workspaceId !== run.workspaceId) {
    fail("NOT_FOUND", "That journey map or analysis run does not exist in this workspace.");
  }
  return db.journeyFill.upsert({
    where: { journeyMapId_runId: { journeyMapId: input.journeyMapId, runId: input.runId } },
    create: { journeyMapId: input.journeyMapId, runId: input.runId, result: input.result },
    update: { result: input.result, createdAt: new Date() },
    select: { id: true },
  });
}

/** The fill of the given run, or of the newest run that filled the map; null when none did. */
export async function getJourneyFill(
  db: Db,
  actor: MembershipView,
  input: { journeyMapId: string; runId?: string },
): Promise<StoredJourneyFill | null> {
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  const fill = await db.journeyFill.findFirst({
    where: { journeyMapId: map.id, ...(input.runId ? { runId: input.runId } : {}) },
    orderBy: { run: { createdAt: "desc" } },
    include: { run: { select: { createdAt: true, surveyId: true } } },
  });
  if (!fill) return null;
  return {
    id: fill.id,
    runId: fill.runId,
    runCreatedAt: fill.run.createdAt,
    surveyId: fill.run.surveyId,
    createdAt: fill.createdAt,
    result: fill.result,
  };
}

/** The runs that filled this map, newest first (for "what changed since"). */
export async function listJourneyFills(
  db: Db,
  actor: MembershipView,
  journeyMapId: string,
): Promise<{ id: string; runId: string; runCreatedAt: Date; surveyId: string; createdAt: Date }[]> {
  const map = await requireJourneyMap(db, actor.workspaceId, journeyMapId);
  const fills = await db.journeyFill.findMany({
    where: { journeyMapId: map.id },
    orderBy: { run: { createdAt: "desc" } },
    select: {
      id: true,
      runId: true,
      createdAt: true,
      run: { select: { createdAt: true, surveyId: true } },
    },
  });
  return fills.map((f) => ({
    id: f.id,
    runId: f.runId,
    runCreatedAt: f.run.createdAt,
    surveyId: f.run.surveyId,
    createdAt: f.createdAt,
  }));
}

export interface MomentOfTruthDecisionView {
  stageId: string;
  personaKey: string;
  decision: TSuggestionDecision;
  decidedBy: string | null;
  decidedAt: Date;
}

/** Accepts or dismisses a suggested moment of truth; a later decision replaces the earlier one. */
export async function decideMomentOfTruth(
  db: Db,
  actor: MembershipView,
  raw: TDecideMomentOfTruthInput,
): Promise<void> {
  requireRole(actor, access.research);
  const input = ZDecideMomentOfTruthInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  const stage = await requireStage(db, actor.workspaceId, input.stageId);
  if (stage.journeyMapId !== map.id) fail("INVALID_INPUT", "That stage is not on this map.");
  const decided = { decision: input.decision, decidedById: actor.userId, decidedAt: new Date() };
  await db.momentOfTruthDecision.upsert({
    where: {
      journeyMapId_stageId_personaKey: {
        journeyMapId: map.id,
        stageId: stage.id,
        personaKey: input.personaKey,
      },
    },
    create: { journeyMapId: map.id, stageId: stage.id, personaKey: input.personaKey, ...decided },
    update: decided,
  });
}

export async function listMomentOfTruthDecisions(
  db: Db,
  actor: MembershipView,
  journeyMapId: string,
): Promise<MomentOfTruthDecisionView[]> {
  const map = await requireJourneyMap(db, actor.workspaceId, journeyMapId);
  const rows = await db.momentOfTruthDecision.findMany({
    where: { journeyMapId: map.id },
    orderBy: { decidedAt: "asc" },
    include: { decidedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    stageId: r.stageId,
    personaKey: r.personaKey,
    decision: r.decision,
    decidedBy: r.decidedBy?.name ?? null,
    decidedAt: r.decidedAt,
  }));
}
