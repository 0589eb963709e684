// The perception check: strategists and owners rate a persona on the Persona Perception Scale's
// constructs (items in server/domain/perception.ts); one rating per reviewer and persona, which
// they may update. Everyone sees the mean per construct and how many reviewers gave it. An
// approved set takes no ratings until its review is reopened.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import {
  summarizePerception,
  ZPerceptionAnswers,
  ZRatePersonaInput,
  type ConstructSummary,
  type TPerceptionAnswers,
} from "~/server/domain/perception";
import { fail } from "~/server/domain/errors";
import { isEditable } from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { requirePersonaRow } from "./persona-view";

export interface PerceptionView {
  reviewers: number;
  constructs: ConstructSummary[];
  /** The caller's own answers, to prefill the form; null if they have not rated. */
  mine: TPerceptionAnswers | null;
  /** The caller's role may rate and the set is not approved. */
  canRate: boolean;
  /** The set is approved, so ratings are closed until the review is reopened. */
  locked: boolean;
}

export const lockedRatingMessage =
  "This persona set is approved, so its ratings are locked. Reopen the review to rate it again.";

export async function ratePersona(
  db: Db,
  actor: MembershipView,
  raw: { personaId: string; answers: Record<string, number> },
): Promise<PerceptionView> {
  requireRole(actor, access.review);
  const input = ZRatePersonaInput.parse(raw);
  const row = await requirePersonaRow(db, actor.workspaceId, input.personaId);
  if (!isEditable(row.run.reviewStatus)) fail("CONFLICT", lockedRatingMessage);
  const answers = input.answers as Prisma.InputJsonValue;
  await db.perceptionRating.upsert({
    where: { personaId_raterId: { personaId: row.id, raterId: actor.userId } },
    create: { personaId: row.id, raterId: actor.userId, answers },
    update: { answers },
  });
  return getPerception(db, actor, row.id);
}

export async function getPerception(
  db: Db,
  actor: MembershipView,
  personaId: string,
): Promise<PerceptionView> {
  requireRole(actor, access.anyMember);
  const row = await requirePersonaRow(db, actor.workspaceId, personaId);
  const ratings = await db.perceptionRating.findMany({
    where: { personaId: row.id },
    select: { raterId: true, answers: true },
  });
  // A stored rating that no longer fits the items (they changed) is left out, not guessed at.
  const valid = ratings.flatMap((r) => {
    const parsed = ZPerceptionAnswers.safeParse(r.answers);
    return parsed.success ? [{ raterId: r.raterId, answers: parsed.data }] : [];
  });
  const locked = !isEditable(row.run.reviewStatus);
  return {
    reviewers: valid.length,
    constructs: summarizePerception(valid.map((r) => r.answers)),
    mine: valid.find((r) => r.raterId === actor.userId)?.answers ?? null,
    canRate: !locked && (access.review as readonly string[]).includes(actor.role),
    locked,
  };
}
