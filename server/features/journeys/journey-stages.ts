// Stage use cases: add (at a place), update the structured fields (the map's rows and the
// strategy beneath it), move (positions rewritten in one transaction, always 0..n-1), set the
// KPIs, delete. Researchers and owners only.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import {
  journeyLimits,
  moveItem,
  ZAddStageInput,
  ZMoveStageInput,
  ZSetStageKpisInput,
  ZStageIdInput,
  ZUpdateStageInput,
  type TSetStageKpisInput,
  type TUpdateStageInput,
} from "~/server/domain/journey";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import {
  changeMap,
  quoteList,
  requireJourneyMap,
  requireStage,
  surveysTiedTo,
  writeStageOrder,
} from "./journey-lookup";

export async function addStage(
  db: Db,
  actor: MembershipView,
  raw: { journeyMapId: string; name: string; index?: number },
): Promise<{ id: string }> {
  requireRole(actor, access.research);
  const input = ZAddStageInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  if (map.stages.length >= journeyLimits.stages) {
    fail("INVALID_INPUT", `A journey map can have at most ${journeyLimits.stages} stages.`);
  }
  return changeMap(db, map.id, async (tx) => {
    const stages = await tx.stage.findMany({
      where: { journeyMapId: map.id },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    // Created at the end, then moved into place with the others.
    const stage = await tx.stage.create({
      data: { journeyMapId: map.id, name: input.name, position: stages.length },
      select: { id: true },
    });
    const ids = [...stages.map((s) => s.id), stage.id];
    if (input.index !== undefined && input.index < stages.length) {
      await writeStageOrder(tx, moveItem(ids, ids.length - 1, input.index));
    }
    return stage;
  });
}

export async function updateStage(
  db: Db,
  actor: MembershipView,
  raw: TUpdateStageInput,
): Promise<void> {
  requireRole(actor, access.research);
  const { stageId, ...fields } = ZUpdateStageInput.parse(raw);
  const stage = await requireStage(db, actor.workspaceId, stageId);
  await changeMap(db, stage.journeyMapId, (tx) =>
    tx.stage.update({ where: { id: stage.id }, data: fields }),
  );
}

/** Moves a stage to `index` (clamped to the map); every stage's position is rewritten. */
export async function moveStage(
  db: Db,
  actor: MembershipView,
  raw: { stageId: string; index: number },
): Promise<void> {
  requireRole(actor, access.research);
  const input = ZMoveStageInput.parse(raw);
  const stage = await requireStage(db, actor.workspaceId, input.stageId);
  await changeMap(db, stage.journeyMapId, async (tx) => {
    // Read inside the transaction so the order written is the order that is there now.
    const stages = await tx.stage.findMany({
      where: { journeyMapId: stage.journeyMapId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const ids = stages.map((s) => s.id);
    await writeStageOrder(tx, moveItem(ids, ids.indexOf(stage.id), input.index));
  });
}

/** Replaces the stage's KPIs with the given list, in that order. */
export async function setStageKpis(
  db: Db,
  actor: MembershipView,
  raw: TSetStageKpisInput,
): Promise<void> {
  requireRole(actor, access.research);
  const input = ZSetStageKpisInput.parse(raw);
  const stage = await requireStage(db, actor.workspaceId, input.stageId);
  await changeMap(db, stage.journeyMapId, async (tx) => {
    await tx.stageKpi.deleteMany({ where: { stageId: stage.id } });
    await tx.stageKpi.createMany({
      data: input.kpis.map((k, position) => ({ stageId: stage.id, position, ...k })),
    });
  });
}

/**
 * Deletes a stage with its touchpoints and KPIs and closes the gap in the positions. Refused
 * while survey questions are tied to it: a published version's answers describe this stage and
 * can never move to another, and a draft's questions should be re-tied on purpose, not silently.
 */
export async function deleteStage(
  db: Db,
  actor: MembershipView,
  raw: { stageId: string },
): Promise<void> {
  requireRole(actor, access.research);
  const { stageId } = ZStageIdInput.parse(raw);
  const stage = await requireStage(db, actor.workspaceId, stageId);
  await changeMap(db, stage.journeyMapId, async (tx) => {
    // Checked in the same transaction as the delete.
    const tied = await surveysTiedTo(tx, [stage.id]);
    const published = tied.filter((t) => t.published).map((t) => t.title);
    if (published.length > 0) {
      fail(
        "CONFLICT",
        `"${stage.name}" cannot be deleted: the published survey ${quoteList(published)} asks ` +
          `about it, and those answers belong to this stage. Rename the stage instead, or ` +
          `delete the survey first.`,
      );
    }
    if (tied.length > 0) {
      fail(
        "CONFLICT",
        `"${stage.name}" cannot be deleted yet: questions in the draft of ` +
          `${quoteList(tied.map((t) => t.title))} are tied to it. Tie them to another stage in ` +
          `the survey builder first.`,
      );
    }
    await tx.stage.delete({ where: { id: stage.id } });
    const rest = await tx.stage.findMany({
      where: { journeyMapId: stage.journeyMapId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    await writeStageOrder(
      tx,
      rest.map((s) => s.id),
    );
  });
}
