// Touchpoint use cases: add to a cell (stage x layer), update, delete, and move, which covers both
// reordering within a cell and moving to another stage or layer; positions stay 0..n-1 in every
// cell touched, rewritten in one transaction. Researchers and owners only.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import {
  journeyLimits,
  moveItem,
  ZAddTouchpointInput,
  ZMoveTouchpointInput,
  ZTouchpointIdInput,
  ZUpdateTouchpointInput,
  type TAddTouchpointInput,
  type TMoveTouchpointInput,
  type TTouchpointLayer,
  type TUpdateTouchpointInput,
} from "~/server/domain/journey";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import {
  changeMap,
  requireStage,
  requireTouchpoint,
  writeTouchpointOrder,
  type Tx,
} from "./journey-lookup";

async function cellIds(tx: Tx, stageId: string, layer: TTouchpointLayer): Promise<string[]> {
  const rows = await tx.touchpoint.findMany({
    where: { stageId, layer },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function requireRoomIn(tx: Tx, stageId: string): Promise<void> {
  const count = await tx.touchpoint.count({ where: { stageId } });
  if (count >= journeyLimits.touchpointsPerStage) {
    fail(
      "INVALID_INPUT",
      `A stage can have at most ${journeyLimits.touchpointsPerStage} touchpoints.`,
    );
  }
}

/** Adds a touchpoint at the end of its cell. */
export async function addTouchpoint(
  db: Db,
  actor: MembershipView,
  raw: TAddTouchpointInput,
): Promise<{ id: string }> {
  requireRole(actor, access.research);
  const { stageId, layer, ...fields } = ZAddTouchpointInput.parse(raw);
  const stage = await requireStage(db, actor.workspaceId, stageId);
  return changeMap(db, stage.journeyMapId, async (tx) => {
    await requireRoomIn(tx, stage.id);
    const position = await tx.touchpoint.count({ where: { stageId: stage.id, layer } });
    return tx.touchpoint.create({
      data: { stageId: stage.id, layer, position, ...fields },
      select: { id: true },
    });
  });
}

export async function updateTouchpoint(
  db: Db,
  actor: MembershipView,
  raw: TUpdateTouchpointInput,
): Promise<void> {
  requireRole(actor, access.research);
  const { touchpointId, ...fields } = ZUpdateTouchpointInput.parse(raw);
  const touchpoint = await requireTouchpoint(db, actor.workspaceId, touchpointId);
  await changeMap(db, touchpoint.stage.journeyMapId, (tx) =>
    tx.touchpoint.update({ where: { id: touchpoint.id }, data: fields }),
  );
}

export async function deleteTouchpoint(
  db: Db,
  actor: MembershipView,
  raw: { touchpointId: string },
): Promise<void> {
  requireRole(actor, access.research);
  const { touchpointId } = ZTouchpointIdInput.parse(raw);
  const touchpoint = await requireTouchpoint(db, actor.workspaceId, touchpointId);
  await changeMap(db, touchpoint.stage.journeyMapId, async (tx) => {
    await tx.touchpoint.delete({ where: { id: touchpoint.id } });
    await writeTouchpointOrder(tx, await cellIds(tx, touchpoint.stageId, touchpoint.layer));
  });
}

/**
 * Puts a touchpoint at `index` (clamped) of the cell (stageId, layer): the same cell reorders it;
 * another stage of the same map or another layer moves it there. Both cells end up 0..n-1.
 */
export async function moveTouchpoint(
  db: Db,
  actor: MembershipView,
  raw: TMoveTouchpointInput,
): Promise<void> {
  requireRole(actor, access.research);
  const input = ZMoveTouchpointInput.parse(raw);
  const touchpoint = await requireTouchpoint(db, actor.workspaceId, input.touchpointId);
  const target = await requireStage(db, actor.workspaceId, input.stageId);
  if (target.journeyMapId !== touchpoint.stage.journeyMapId) {
    fail("INVALID_INPUT", "Touchpoints can only move between stages of the same map.");
  }
  await changeMap(db, target.journeyMapId, async (tx) => {
    const sameCell = touchpoint.stageId === target.id && touchpoint.layer === input.layer;
    const source = await cellIds(tx, touchpoint.stageId, touchpoint.layer);
    if (sameCell) {
      const from = source.indexOf(touchpoint.id);
      await writeTouchpointOrder(tx, moveItem(source, from, input.index));
      return;
    }
    if (touchpoint.stageId !== target.id) await requireRoomIn(tx, target.id);
    const destination = await cellIds(tx, target.id, input.layer);
    const arriving = moveItem([...destination, touchpoint.id], destination.length, input.index);
    await writeTouchpointOrder(tx, arriving, { stageId: target.id, layer: input.layer });
    await writeTouchpointOrder(
      tx,
      source.filter((id) => id !== touchpoint.id),
    );
  });
}
