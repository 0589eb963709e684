// The review flow of a run's persona set: strategists and owners move it DRAFT -> IN_REVIEW ->
// APPROVED or CHANGES_REQUESTED (and back into review); every move is a ReviewEvent with who,
// when and an optional note. A move names the status the reviewer saw, so two reviewers acting
// at once cannot both succeed. Also the guard other review services use before changing a set.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import {
  canTransition,
  isEditable,
  reviewStatusLabels,
  ZReviewTransitionInput,
  type TPersonaSetStatus,
  type TReviewTransitionInput,
} from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";

export interface ReviewEventView {
  id: string;
  from: TPersonaSetStatus;
  to: TPersonaSetStatus;
  note: string;
  actorName: string | null;
  createdAt: Date;
}

async function requireFinishedRun(db: Db, workspaceId: string, runId: string) {
  const run = await db.analysisRun.findFirst({
    where: { id: runId, workspaceId },
    select: { id: true, status: true, reviewStatus: true },
  });
  if (!run) return fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
  if (run.status !== "SUCCEEDED") {
    return fail("CONFLICT", "This analysis has not finished, so it has no personas to review.");
  }
  return run;
}

export async function transitionReview(
  db: Db,
  actor: MembershipView,
  raw: TReviewTransitionInput,
): Promise<{ status: TPersonaSetStatus; event: ReviewEventView }> {
  requireRole(actor, access.review);
  const input = ZReviewTransitionInput.parse(raw);
  const run = await requireFinishedRun(db, actor.workspaceId, input.runId);
  if (!canTransition(input.from, input.to)) {
    fail(
      "INVALID_INPUT",
      `A persona set cannot go from ${reviewStatusLabels[input.from].toLowerCase()} to ${reviewStatusLabels[input.to].toLowerCase()}.`,
    );
  }
  if (input.to === "CHANGES_REQUESTED" && input.note === "") {
    fail("INVALID_INPUT", "Say which changes you are asking for.", {
      note: ["Say which changes you are asking for."],
    });
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.analysisRun.updateMany({
      where: { id: run.id, reviewStatus: input.from },
      data: { reviewStatus: input.to },
    });
    if (count !== 1) {
      const now = await tx.analysisRun.findUniqueOrThrow({
        where: { id: run.id },
        select: { reviewStatus: true },
      });
      return fail(
        "CONFLICT",
        `Someone changed the review meanwhile: the set is now ${reviewStatusLabels[now.reviewStatus].toLowerCase()}. Reload to see it.`,
      );
    }
    const event = await tx.reviewEvent.create({
      data: {
        runId: run.id,
        actorId: actor.userId,
        from: input.from,
        to: input.to,
        note: input.note,
      },
      include: { actor: { select: { name: true } } },
    });
    return {
      status: input.to,
      event: {
        id: event.id,
        from: event.from,
        to: event.to,
        note: event.note,
        actorName: event.actor?.name ?? null,
        createdAt: event.createdAt,
      },
    };
  });
}

export async function listReviewEvents(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<{ status: TPersonaSetStatus; events: ReviewEventView[] }> {
  requireRole(actor, access.anyMember);
  const run = await requireFinishedRun(db, actor.workspaceId, runId);
  const events = await db.reviewEvent.findMany({
    where: { runId: run.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { actor: { select: { name: true } } },
    take: 200,
  });
  return {
    status: run.reviewStatus,
    events: events.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      note: e.note,
      actorName: e.actor?.name ?? null,
      createdAt: e.createdAt,
    })),
  };
}

/** Refuses changes to the content of an approved set (reopen the review first). */
export function requireEditableStatus(status: TPersonaSetStatus): void {
  if (!isEditable(status)) {
    fail(
      "CONFLICT",
      "This persona set is approved, so its personas are locked. Reopen the review to change them.",
    );
  }
}
