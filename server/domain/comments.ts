// Comment input rules, shared by forms and the comment service. A comment is about a target:
// a persona (targetKey = the Persona row's id), a trait (targetKey = its id in the run's result,
// e.g. "p0:gender=Female") or a journey cell (targetKey chosen by the journey side). A reply
// names its thread's root comment and inherits the target.
import { z } from "zod";
import { zText } from "./text";

export const commentTargetTypes = ["PERSONA", "TRAIT", "JOURNEY_CELL"] as const;
export type TCommentTargetType = (typeof commentTargetTypes)[number];
export const ZCommentTargetType = z.enum(commentTargetTypes);

export const ZCommentBody = zText({ error: "Write a comment." })
  .trim()
  .min(1, { error: "Write a comment." })
  .max(4000, { error: "A comment can be at most 4,000 characters long." });

export const ZCommentTarget = z.object({
  targetType: ZCommentTargetType,
  targetKey: z.string().trim().min(1).max(300),
  /** Required for persona and trait comments (the run they belong to). */
  runId: z.string().min(1).max(64).optional(),
});
export type TCommentTarget = z.infer<typeof ZCommentTarget>;

export const ZCreateCommentInput = ZCommentTarget.extend({ body: ZCommentBody });
export type TCreateCommentInput = z.input<typeof ZCreateCommentInput>;

export const ZReplyCommentInput = z.object({
  parentId: z.string().min(1).max(64),
  body: ZCommentBody,
});
export type TReplyCommentInput = z.input<typeof ZReplyCommentInput>;

export const ZCommentIdInput = z.object({ commentId: z.string().min(1).max(64) });

export const ZEditCommentInput = z.object({
  commentId: z.string().min(1).max(64),
  body: ZCommentBody,
});
export type TEditCommentInput = z.input<typeof ZEditCommentInput>;
