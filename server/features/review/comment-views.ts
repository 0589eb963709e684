// How comment threads are shown: the view a member gets (with what they may do to each
// comment) built from the stored rows, and whether a thread is read only because its persona set
// is approved. The writes live in comments.ts, the lists in comment-lists.ts.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import type { TCommentTargetType } from "~/server/domain/comments";
import { isEditable } from "~/server/domain/review";
import type { MembershipView } from "../workspaces/access";

export interface CommentView {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: Date;
  /** When its author last changed the text; null when never. */
  editedAt: Date | null;
  /** What the member who asked may do with this comment. */
  canEdit: boolean;
  canDelete: boolean;
}

export interface ThreadView extends CommentView {
  targetType: TCommentTargetType;
  targetKey: string;
  runId: string | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  replies: CommentView[];
  /** The thread's persona set is approved: read only until the review is reopened. */
  locked: boolean;
}

export const lockedDiscussionMessage =
  "This persona set is approved, so its discussion is locked: no new comments, replies or changes. Reopen the review to discuss it again.";

export const threadInclude = {
  author: { select: { name: true } },
  resolvedBy: { select: { name: true } },
  replies: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { name: true } } },
  },
} as const satisfies Prisma.CommentInclude;

type ThreadRow = Prisma.CommentGetPayload<{ include: typeof threadInclude }>;

type CommentRow = Pick<ThreadRow, "id" | "body" | "authorId" | "createdAt" | "editedAt"> & {
  author: { name: string | null } | null;
};

export const mayEdit = (actor: MembershipView, authorId: string | null) =>
  authorId !== null && authorId === actor.userId;
export const mayDelete = (actor: MembershipView, authorId: string | null) =>
  mayEdit(actor, authorId) || actor.role === "OWNER";

function toComment(row: CommentRow, actor: MembershipView, locked: boolean): CommentView {
  return {
    id: row.id,
    body: row.body,
    authorName: row.author?.name ?? null,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    canEdit: !locked && mayEdit(actor, row.authorId),
    canDelete: !locked && mayDelete(actor, row.authorId),
  };
}

export function toThread(row: ThreadRow, actor: MembershipView, locked = false): ThreadView {
  return {
    ...toComment(row, actor, locked),
    targetType: row.targetType,
    targetKey: row.targetKey,
    runId: row.runId,
    resolvedAt: row.resolvedAt,
    resolvedByName: row.resolvedBy?.name ?? null,
    replies: row.replies.map((r) => toComment(r, actor, locked)),
    locked,
  };
}

/** Whether comments on this target are locked because its persona set is approved. */
export async function isLocked(
  db: Db,
  target: { targetType: TCommentTargetType; runId?: string | null },
): Promise<boolean> {
  if (target.targetType === "JOURNEY_CELL" || !target.runId) return false;
  const run = await db.analysisRun.findUnique({
    where: { id: target.runId },
    select: { reviewStatus: true },
  });
  return run !== null && !isEditable(run.reviewStatus);
}
