// Reading comment threads: the threads on one target, on a persona and its traits, and the
// open and total counts per journey map cell. Every member of the workspace may read them.
import type { Db } from "~/server/db/client";
import { ZCommentTarget, type TCommentTarget } from "~/server/domain/comments";
import { fail } from "~/server/domain/errors";
import { isEditable } from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { isLocked, threadInclude, toThread, type ThreadView } from "./comment-views";

/** Threads on one target, oldest first. */
export async function listThreads(
  db: Db,
  actor: MembershipView,
  raw: TCommentTarget,
): Promise<ThreadView[]> {
  requireRole(actor, access.anyMember);
  const target = ZCommentTarget.parse(raw);
  const rows = await db.comment.findMany({
    where: {
      workspaceId: actor.workspaceId,
      parentId: null,
      targetType: target.targetType,
      targetKey: target.targetKey,
      ...(target.runId ? { runId: target.runId } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: threadInclude,
  });
  const locked = await isLocked(db, target);
  return rows.map((row) => toThread(row, actor, locked));
}

/** Threads on a persona and on each of its traits (trait ids start with "p<index>:"). */
export async function listPersonaThreads(
  db: Db,
  actor: MembershipView,
  personaId: string,
): Promise<ThreadView[]> {
  requireRole(actor, access.anyMember);
  const persona = await db.persona.findFirst({
    where: { id: personaId, run: { workspaceId: actor.workspaceId } },
    select: { id: true, runId: true, index: true, run: { select: { reviewStatus: true } } },
  });
  if (!persona) return fail("NOT_FOUND", "That persona does not exist in this workspace.");
  const rows = await db.comment.findMany({
    where: {
      workspaceId: actor.workspaceId,
      runId: persona.runId,
      parentId: null,
      OR: [
        { targetType: "PERSONA", targetKey: persona.id },
        { targetType: "TRAIT", targetKey: { startsWith: `p${persona.index}:` } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: threadInclude,
  });
  const locked = !isEditable(persona.run.reviewStatus);
  return rows.map((row) => toThread(row, actor, locked));
}

/**
 * Threads on the cells of one journey map's fill by one run: per cell key, how many threads are
 * open and how many there are in all (replies not counted).
 */
export async function countJourneyCellThreads(
  db: Db,
  actor: MembershipView,
  input: { journeyMapId: string; runId: string },
): Promise<Record<string, { open: number; total: number }>> {
  requireRole(actor, access.anyMember);
  const rows = await db.comment.findMany({
    where: {
      workspaceId: actor.workspaceId,
      parentId: null,
      targetType: "JOURNEY_CELL",
      targetKey: { startsWith: `${input.journeyMapId}:${input.runId}:` },
    },
    select: { targetKey: true, resolvedAt: true },
  });
  const counts: Record<string, { open: number; total: number }> = {};
  for (const row of rows) {
    const c = (counts[row.targetKey] ??= { open: 0, total: 0 });
    c.total += 1;
    if (!row.resolvedAt) c.open += 1;
  }
  return counts;
}
