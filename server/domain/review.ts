// The review flow of a run's persona set: statuses, the transitions allowed between them, and
// the words people see. DRAFT -> IN_REVIEW -> APPROVED or CHANGES_REQUESTED; a set with changes
// requested goes back into review, and an approved set can be reopened (which also pauses its
// share links, since they only ever show an approved set).
import { z } from "zod";

export const personaSetStatuses = ["DRAFT", "IN_REVIEW", "APPROVED", "CHANGES_REQUESTED"] as const;
export type TPersonaSetStatus = (typeof personaSetStatuses)[number];
export const ZPersonaSetStatus = z.enum(personaSetStatuses);

export const reviewStatusLabels: Record<TPersonaSetStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
};

export interface ReviewTransition {
  from: TPersonaSetStatus;
  to: TPersonaSetStatus;
  /** The button a reviewer presses. */
  action: string;
}

export const reviewTransitions: readonly ReviewTransition[] = [
  { from: "DRAFT", to: "IN_REVIEW", action: "Submit for review" },
  { from: "IN_REVIEW", to: "APPROVED", action: "Approve" },
  { from: "IN_REVIEW", to: "CHANGES_REQUESTED", action: "Request changes" },
  { from: "CHANGES_REQUESTED", to: "IN_REVIEW", action: "Back into review" },
  { from: "APPROVED", to: "IN_REVIEW", action: "Reopen review" },
];

export function transitionsFrom(status: TPersonaSetStatus): ReviewTransition[] {
  return reviewTransitions.filter((t) => t.from === status);
}

export function canTransition(from: TPersonaSetStatus, to: TPersonaSetStatus): boolean {
  return reviewTransitions.some((t) => t.from === from && t.to === to);
}

/** Fields, comments and ratings can change in every status but APPROVED. */
export function isEditable(status: TPersonaSetStatus): boolean {
  return status !== "APPROVED";
}

export const ZReviewTransitionInput = z.object({
  runId: z.string().min(1).max(64),
  /** The status the reviewer saw, so that two reviewers acting at once cannot both win. */
  from: ZPersonaSetStatus,
  to: ZPersonaSetStatus,
  note: z
    .string()
    .trim()
    .max(2000, { error: "A review note can be at most 2,000 characters long." })
    .default(""),
});
export type TReviewTransitionInput = z.input<typeof ZReviewTransitionInput>;

/** Share link tokens: 32 random bytes, base64url (43 characters). */
export const ZShareToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{40,100}$/, { error: "This share link is not valid." });
