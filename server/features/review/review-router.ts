// Review procedures for a run's persona set: the status log (every member), status moves and
// share links (strategists and owners; researchers are refused with the role they would need).
import { z } from "zod";
import { ZReviewTransitionInput } from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { listReviewEvents, transitionReview } from "~/server/features/review/persona-review";
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
} from "~/server/features/review/persona-share";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

const ZRunId = z.object({ runId: z.string().min(1).max(64) });

export const reviewRouter = createTRPCRouter({
  events: workspaceProcedure(access.anyMember)
    .input(ZRunId)
    .query(({ ctx, input }) => listReviewEvents(ctx.db, ctx.membership, input.runId)),
  transition: workspaceProcedure(access.review)
    .input(ZReviewTransitionInput)
    .mutation(({ ctx, input }) => transitionReview(ctx.db, ctx.membership, input)),
  shareLinks: workspaceProcedure(access.anyMember)
    .input(ZRunId)
    .query(({ ctx, input }) => listShareLinks(ctx.db, ctx.membership, input.runId)),
  createShareLink: workspaceProcedure(access.review)
    .input(ZRunId)
    .mutation(({ ctx, input }) => createShareLink(ctx.db, ctx.membership, input.runId)),
  revokeShareLink: workspaceProcedure(access.review)
    .input(z.object({ linkId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => revokeShareLink(ctx.db, ctx.membership, input.linkId)),
});
