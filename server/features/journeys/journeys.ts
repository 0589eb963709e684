// Journey map use cases at the level of the whole map: list, create from a template, rename and
// edit the map's own fields (objective, focus stages), duplicate (deep copy of the structure),
// delete, and link the survey whose analyses fill the map. Researchers and owners change maps;
// every member reads them. Stages: journey-stages.ts; touchpoints: touchpoints.ts; the editor's
// read model: journey-view.ts.
import type { Db } from "~/server/db/client";
import {
  stageCopySelect,
  stagesFromStored,
  stagesFromTemplate,
} from "~/server/features/journeys/journey-rows";
import { fail } from "~/server/domain/errors";
import {
  ZCreateJourneyMapInput,
  ZDuplicateJourneyMapInput,
  ZJourneyMapIdInput,
  ZLinkSurveyInput,
  ZUpdateJourneyMapInput,
  type TCreateJourneyMapInput,
  type TMarketingObjective,
  type TUpdateJourneyMapInput,
} from "~/server/domain/journey";
import { journeyTemplates } from "~/server/domain/journey-templates";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import type { JobQueue } from "~/server/infra/jobs";
import { fillLinkedMap } from "./journey-fill-runner";
import { requestLinkedMapFill } from "./journey-refill-jobs";
import { changeMap, quoteList, requireJourneyMap, surveysTiedTo } from "./journey-lookup";

export { requireJourneyMap } from "./journey-lookup";

export interface JourneyMapSummary {
  id: string;
  name: string;
  description: string;
  objective: TMarketingObjective | null;
  stages: { id: string; name: string; position: number }[];
  touchpointCount: number;
  survey: { id: string; title: string } | null;
  updatedAt: Date;
}

const summarySelect = {
  id: true,
  name: true,
  description: true,
  objective: true,
  updatedAt: true,
  stages: {
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, _count: { select: { touchpoints: true } } },
  },
  survey: { select: { id: true, title: true } },
} as const;

type SummaryRow = {
  id: string;
  name: string;
  description: string;
  objective: TMarketingObjective | null;
  updatedAt: Date;
  stages: { id: string; name: string; position: number; _count: { touchpoints: number } }[];
  survey: { id: string; title: string } | null;
};

function toSummary(m: SummaryRow): JourneyMapSummary {
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    objective: m.objective,
    stages: m.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
    touchpointCount: m.stages.reduce((n, s) => n + s._count.touchpoints, 0),
    survey: m.survey,
    updatedAt: m.updatedAt,
  };
}

export async function listJourneyMaps(db: Db, actor: MembershipView): Promise<JourneyMapSummary[]> {
  const maps = await db.journeyMap.findMany({
    where: { workspaceId: actor.workspaceId },
    select: summarySelect,
    orderBy: { createdAt: "asc" },
  });
  return maps.map(toSummary);
}

/** A new map with the template's whole structure (stages, touchpoints, strategy), in one write. */
export async function createJourneyMapFromTemplate(
  db: Db,
  actor: MembershipView,
  raw: TCreateJourneyMapInput,
): Promise<JourneyMapSummary> {
  requireRole(actor, access.research);
  const input = ZCreateJourneyMapInput.parse(raw);
  const template = journeyTemplates[input.template];
  const map = await db.journeyMap.create({
    data: {
      workspaceId: actor.workspaceId,
      name: input.name,
      objective: template.objective,
      stages: { create: stagesFromTemplate(template) },
    },
    select: summarySelect,
  });
  return toSummary(map);
}

export async function updateJourneyMap(
  db: Db,
  actor: MembershipView,
  raw: TUpdateJourneyMapInput,
): Promise<void> {
  requireRole(actor, access.research);
  const input = ZUpdateJourneyMapInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  const focus = input.focusStageIds ? new Set(input.focusStageIds) : null;
  if (focus && [...focus].some((id) => !map.stages.some((s) => s.id === id))) {
    fail("INVALID_INPUT", "Focus stages must be stages of this map.");
  }
  await changeMap(db, map.id, async (tx) => {
    await tx.journeyMap.update({
      where: { id: map.id },
      data: { name: input.name, description: input.description, objective: input.objective },
    });
    if (focus) {
      await tx.stage.updateMany({
        where: { journeyMapId: map.id },
        data: { isFocus: false },
      });
      await tx.stage.updateMany({
        where: { journeyMapId: map.id, id: { in: [...focus] } },
        data: { isFocus: true },
      });
    }
  });
}

/**
 * A deep, independent copy of the map's structure: stages with every field, touchpoints and
 * KPIs, the objective and focus stages. Evidence stays with the original: the copy has no linked
 * survey, no filled runs and no moment-of-truth decisions.
 */
export async function duplicateJourneyMap(
  db: Db,
  actor: MembershipView,
  raw: { journeyMapId: string; name?: string },
): Promise<JourneyMapSummary> {
  requireRole(actor, access.research);
  const input = ZDuplicateJourneyMapInput.parse(raw);
  const source = await db.journeyMap.findFirst({
    where: { id: input.journeyMapId, workspaceId: actor.workspaceId },
    select: { name: true, description: true, objective: true, stages: { select: stageCopySelect } },
  });
  if (!source) return fail("NOT_FOUND", "That journey map does not exist in this workspace.");
  const name = input.name ?? `Copy of ${source.name}`.slice(0, 120);
  const copy = await db.journeyMap.create({
    data: {
      workspaceId: actor.workspaceId,
      name,
      description: source.description,
      objective: source.objective,
      stages: { create: stagesFromStored(source.stages) },
    },
    select: summarySelect,
  });
  return toSummary(copy);
}

/**
 * Deletes the map with its stages, touchpoints, KPIs, fills and decisions. Refused while any
 * survey's questions are tied to its stages: those answers would lose the stage they describe.
 */
export async function deleteJourneyMap(
  db: Db,
  actor: MembershipView,
  raw: { journeyMapId: string },
): Promise<void> {
  requireRole(actor, access.research);
  const { journeyMapId } = ZJourneyMapIdInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, journeyMapId);
  await db.$transaction(async (tx) => {
    // Checked in the same transaction as the delete.
    const tied = await surveysTiedTo(
      tx,
      map.stages.map((s) => s.id),
    );
    if (tied.length > 0) {
      fail(
        "CONFLICT",
        `This map cannot be deleted: questions in ${quoteList(tied.map((t) => t.title))} are ` +
          `tied to its stages, and their answers would lose the stage they describe. Delete ` +
          `${tied.length === 1 ? "that survey" : "those surveys"} first, or keep the map.`,
      );
    }
    await tx.journeyMap.delete({ where: { id: map.id } });
  });
}

/**
 * Links (or unlinks, with null) the survey whose analysis runs fill this map, and fills the map
 * from that survey's newest finished run (journey-fill-runner.ts); filledFrom names it. Given a
 * queue (the web app), the fill is a job and the map shows it filling; without one (tests,
 * scripts), it is filled before this returns.
 */
export async function linkJourneySurvey(
  db: Db,
  actor: MembershipView,
  raw: { journeyMapId: string; surveyId: string | null },
  queue?: JobQueue,
): Promise<{ filledFrom: { runId: string } | null }> {
  requireRole(actor, access.research);
  const input = ZLinkSurveyInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  if (input.surveyId) {
    const survey = await db.survey.findFirst({
      where: { id: input.surveyId, workspaceId: actor.workspaceId },
      select: { id: true },
    });
    if (!survey) fail("NOT_FOUND", "That survey does not exist in this workspace.");
  }
  await changeMap(db, map.id, (tx) =>
    tx.journeyMap.update({ where: { id: map.id }, data: { surveyId: input.surveyId } }),
  );
  if (!input.surveyId) return { filledFrom: null };
  return {
    filledFrom: queue
      ? await requestLinkedMapFill(db, queue, map.id)
      : await fillLinkedMap(db, map.id),
  };
}
