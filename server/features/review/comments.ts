// Threaded comments on personas and traits (and, through the same table, journey cells): every
// member of the workspace may start a thread, reply, resolve and reopen it. A thread is a root
// comment and its replies; a reply to a reply joins the root's thread, and resolving is a state
// of the root. Authors edit their own comments (marked edited); authors and owners delete them,
// and deleting a thread's first comment deletes the thread. Targets are checked when a thread starts: the persona or trait must exist in a run
// of this workspace; a journey cell's key (server/domain/journey-cell-key.ts) must name a map of
// this workspace and a run that filled it. Comments on a persona or trait belong to its persona
// set: once the set is approved they are locked (nothing posted, replied, edited, resolved or
// deleted) until the review is reopened. Journey cell discussions are not part of the set.
import type { Db } from "~/server/db/client";
import { ZAnalysisResult } from "~/server/analysis/result";
import {
  ZCommentIdInput,
  ZCreateCommentInput,
  ZEditCommentInput,
  ZReplyCommentInput,
  type TCommentTarget,
  type TCommentTargetType,
  type TCreateCommentInput,
  type TEditCommentInput,
  type TReplyCommentInput,
} from "~/server/domain/comments";
import { fail } from "~/server/domain/errors";
import { parseJourneyCellKey } from "~/server/domain/journey-cell-key";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import {
  isLocked,
  lockedDiscussionMessage,
  mayDelete,
  mayEdit,
  threadInclude,
  toThread,
  type ThreadView,
} from "./comment-views";

export { countJourneyCellThreads, listPersonaThreads, listThreads } from "./comment-lists";
export { lockedDiscussionMessage, type CommentView, type ThreadView } from "./comment-views";

async function requireUnlocked(
  db: Db,
  target: { targetType: TCommentTargetType; runId?: string | null },
): Promise<void> {
  if (await isLocked(db, target)) fail("CONFLICT", lockedDiscussionMessage);
}

async function checkTarget(db: Db, actor: MembershipView, target: TCommentTarget): Promise<void> {
  if (target.targetType === "JOURNEY_CELL") {
    const cell = parseJourneyCellKey(target.targetKey);
    if (!cell) return fail("INVALID_INPUT", "That is not a journey cell.");
    if (target.runId && target.runId !== cell.runId) {
      fail("INVALID_INPUT", "The journey cell belongs to another analysis run.");
    }
    const fill = await db.journeyFill.findFirst({
      where: {
        journeyMapId: cell.mapId,
        runId: cell.runId,
        journeyMap: { workspaceId: actor.workspaceId },
        run: { workspaceId: actor.workspaceId },
      },
      select: { id: true },
    });
    if (!fill)
      fail("NOT_FOUND", "That journey map or its filled run does not exist in this workspace.");
    return;
  }
  if (!target.runId) {
    fail("INVALID_INPUT", "Say which analysis run the persona or trait belongs to.");
    return;
  }
  if (target.targetType === "PERSONA") {
    const persona = await db.persona.findFirst({
      where: {
        id: target.targetKey,
        runId: target.runId,
        run: { workspaceId: actor.workspaceId },
      },
      select: { id: true },
    });
    if (!persona) fail("NOT_FOUND", "That persona does not exist in this workspace.");
    return;
  }
  const run = await db.analysisRun.findFirst({
    where: { id: target.runId, workspaceId: actor.workspaceId, status: "SUCCEEDED" },
    select: { result: true },
  });
  if (!run?.result) return fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
  const result = ZAnalysisResult.parse(run.result);
  const known = result.personas.some((p) => p.traits.some((t) => t.id === target.targetKey));
  if (!known) fail("NOT_FOUND", "That trait does not exist in this analysis run.");
}

export async function createComment(
  db: Db,
  actor: MembershipView,
  raw: TCreateCommentInput,
): Promise<ThreadView> {
  requireRole(actor, access.anyMember);
  const input = ZCreateCommentInput.parse(raw);
  await checkTarget(db, actor, input);
  await requireUnlocked(db, input);
  const row = await db.comment.create({
    data: {
      workspaceId: actor.workspaceId,
      runId:
        input.targetType === "JOURNEY_CELL"
          ? (parseJourneyCellKey(input.targetKey)?.runId ?? null)
          : (input.runId ?? null),
      targetType: input.targetType,
      targetKey: input.targetKey,
      authorId: actor.userId,
      body: input.body,
    },
    include: threadInclude,
  });
  return toThread(row, actor);
}

async function requireRoot(db: Db, actor: MembershipView, commentId: string) {
  const comment = await findComment(db, actor, commentId);
  return comment.parentId ?? comment.id;
}

export async function replyToComment(
  db: Db,
  actor: MembershipView,
  raw: TReplyCommentInput,
): Promise<ThreadView> {
  requireRole(actor, access.anyMember);
  const input = ZReplyCommentInput.parse(raw);
  const rootId = await requireRoot(db, actor, input.parentId);
  const root = await db.comment.findUniqueOrThrow({ where: { id: rootId } });
  await requireUnlocked(db, root);
  await db.comment.create({
    data: {
      workspaceId: root.workspaceId,
      runId: root.runId,
      targetType: root.targetType,
      targetKey: root.targetKey,
      parentId: root.id,
      authorId: actor.userId,
      body: input.body,
    },
  });
  return toThread(
    await db.comment.findUniqueOrThrow({ where: { id: root.id }, include: threadInclude }),
    actor,
  );
}

async function setResolved(
  db: Db,
  actor: MembershipView,
  raw: { commentId: string },
  resolved: boolean,
  now: Date,
): Promise<ThreadView> {
  requireRole(actor, access.anyMember);
  const { commentId } = ZCommentIdInput.parse(raw);
  const rootId = await requireRoot(db, actor, commentId);
  const root = await db.comment.findUniqueOrThrow({ where: { id: rootId } });
  await requireUnlocked(db, root);
  const row = await db.comment.update({
    where: { id: rootId },
    data: resolved
      ? { resolvedAt: now, resolvedById: actor.userId }
      : { resolvedAt: null, resolvedById: null },
    include: threadInclude,
  });
  return toThread(row, actor);
}

export const resolveThread = (
  db: Db,
  actor: MembershipView,
  raw: { commentId: string },
  now = new Date(),
) => setResolved(db, actor, raw, true, now);

export const reopenThread = (
  db: Db,
  actor: MembershipView,
  raw: { commentId: string },
  now = new Date(),
) => setResolved(db, actor, raw, false, now);

/** Changes the text of one's own comment; returns its thread. */
export async function editComment(
  db: Db,
  actor: MembershipView,
  raw: TEditCommentInput,
  now = new Date(),
): Promise<ThreadView> {
  requireRole(actor, access.anyMember);
  const input = ZEditCommentInput.parse(raw);
  const comment = await findComment(db, actor, input.commentId);
  if (!mayEdit(actor, comment.authorId)) fail("FORBIDDEN", "Only its author can edit a comment.");
  await requireUnlocked(db, comment);
  if (comment.body !== input.body) {
    await db.comment.update({
      where: { id: comment.id },
      data: { body: input.body, editedAt: now },
    });
  }
  return toThread(
    await db.comment.findUniqueOrThrow({
      where: { id: comment.parentId ?? comment.id },
      include: threadInclude,
    }),
    actor,
  );
}

/**
 * Deletes a comment: its author or a workspace owner may. The first comment of a thread takes
 * its replies with it; says how many comments went.
 */
export async function deleteComment(
  db: Db,
  actor: MembershipView,
  raw: { commentId: string },
): Promise<{ deleted: number }> {
  requireRole(actor, access.anyMember);
  const { commentId } = ZCommentIdInput.parse(raw);
  const comment = await findComment(db, actor, commentId);
  if (!mayDelete(actor, comment.authorId)) {
    fail("FORBIDDEN", "Only its author or a workspace owner can delete a comment.");
  }
  await requireUnlocked(db, comment);
  return db.$transaction(async (tx) => {
    const replies = await tx.comment.deleteMany({ where: { parentId: comment.id } });
    await tx.comment.delete({ where: { id: comment.id } });
    return { deleted: replies.count + 1 };
  });
}

async function findComment(db: Db, actor: MembershipView, commentId: string) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      parentId: true,
      authorId: true,
      body: true,
      runId: true,
      targetType: true,
    },
  });
  if (!comment) return fail("NOT_FOUND", "That comment does not exist in this workspace.");
  return comment;
}
