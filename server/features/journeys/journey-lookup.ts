// Finding journey maps, stages and touchpoints inside the caller's workspace, and the one way the
// journey use cases write: a transaction that bumps the map's updatedAt and turns a clash on the
// position constraints (two people reordering at the same moment) into a readable conflict.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import type { TTouchpointLayer } from "~/server/domain/journey";

export type Tx = Prisma.TransactionClient;

export async function requireJourneyMap(db: Db | Tx, workspaceId: string, journeyMapId: string) {
  const map = await db.journeyMap.findFirst({
    where: { id: journeyMapId, workspaceId },
    include: { stages: { orderBy: { position: "asc" } } },
  });
  return map ?? fail("NOT_FOUND", "That journey map does not exist in this workspace.");
}

export async function requireStage(db: Db | Tx, workspaceId: string, stageId: string) {
  const stage = await db.stage.findFirst({
    where: { id: stageId, journeyMap: { workspaceId } },
  });
  return stage ?? fail("NOT_FOUND", "That stage does not exist in this workspace.");
}

export async function requireTouchpoint(db: Db | Tx, workspaceId: string, touchpointId: string) {
  const touchpoint = await db.touchpoint.findFirst({
    where: { id: touchpointId, stage: { journeyMap: { workspaceId } } },
    include: { stage: { select: { journeyMapId: true } } },
  });
  return touchpoint ?? fail("NOT_FOUND", "That touchpoint does not exist in this workspace.");
}

/** Names the surveys whose questions are tied to the given stages, for refusals. */
export async function surveysTiedTo(
  db: Db | Tx,
  stageIds: readonly string[],
): Promise<{ title: string; published: boolean }[]> {
  const questions = await db.question.findMany({
    where: { stageId: { in: [...stageIds] } },
    select: { version: { select: { publishedAt: true, survey: { select: { title: true } } } } },
  });
  const byTitle = new Map<string, boolean>();
  for (const q of questions) {
    const title = q.version.survey.title;
    byTitle.set(title, (byTitle.get(title) ?? false) || q.version.publishedAt !== null);
  }
  return [...byTitle].map(([title, published]) => ({ title, published }));
}

export const quoteList = (titles: string[]) => titles.map((t) => `"${t}"`).join(", ");

/**
 * Runs one journey change in a transaction and marks the map as changed. A unique-position clash
 * means someone else changed the same map concurrently: nothing is written and the person is
 * asked to reload, rather than shown a database error.
 */
export async function changeMap<T>(
  db: Db,
  journeyMapId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await work(tx);
      await tx.journeyMap.update({ where: { id: journeyMapId }, data: { updatedAt: new Date() } });
      return result;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return fail(
        "CONFLICT",
        "Someone else changed this journey map at the same moment. Reload the page and try again.",
      );
    }
    throw error;
  }
}

/**
 * Writes positions 0..n-1 in the given order. Positions are unique per map (stages) or per cell
 * (touchpoints) and PostgreSQL checks that row by row, so everything first moves out of the way
 * to negative positions.
 */
export async function writeStageOrder(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await tx.stage.update({ where: { id }, data: { position: -1 - i } });
  }
  for (const [i, id] of ids.entries()) {
    await tx.stage.update({ where: { id }, data: { position: i } });
  }
}

export async function writeTouchpointOrder(
  tx: Tx,
  ids: readonly string[],
  cell?: { stageId: string; layer: TTouchpointLayer },
): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await tx.touchpoint.update({ where: { id }, data: { position: -1 - i } });
  }
  for (const [i, id] of ids.entries()) {
    await tx.touchpoint.update({
      where: { id },
      data: cell ? { position: i, stageId: cell.stageId, layer: cell.layer } : { position: i },
    });
  }
}
