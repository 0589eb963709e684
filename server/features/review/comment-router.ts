// Comment procedures: every member lists threads (and counts them per journey cell), starts and
// answers them, resolves and reopens; edits and deletes as the service allows (author, owner).
import { z } from "zod";
import {
  ZCommentIdInput,
  ZCommentTarget,
  ZCreateCommentInput,
  ZEditCommentInput,
  ZReplyCommentInput,
} from "~/server/domain/comments";
import { access } from "~/server/domain/workspace";
import {
  countJourneyCellThreads,
  createComment,
  deleteComment,
  editComment,
  listPersonaThreads,
  listThreads,
  reopenThread,
  replyToComment,
  resolveThread,
} from "~/server/features/review/comments";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

export const commentRouter = createTRPCRouter({
  list: workspaceProcedure(access.anyMember)
    .input(ZCommentTarget)
    .query(({ ctx, input }) => listThreads(ctx.db, ctx.membership, input)),
  listForPersona: workspaceProcedure(access.anyMember)
    .input(z.object({ personaId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => listPersonaThreads(ctx.db, ctx.membership, input.personaId)),
  journeyCellCounts: workspaceProcedure(access.anyMember)
    .input(z.object({ journeyMapId: z.string().min(1).max(64), runId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => countJourneyCellThreads(ctx.db, ctx.membership, input)),
  create: workspaceProcedure(access.anyMember)
    .input(ZCreateCommentInput)
    .mutation(({ ctx, input }) => createComment(ctx.db, ctx.membership, input)),
  reply: workspaceProcedure(access.anyMember)
    .input(ZReplyCommentInput)
    .mutation(({ ctx, input }) => replyToComment(ctx.db, ctx.membership, input)),
  resolve: workspaceProcedure(access.anyMember)
    .input(ZCommentIdInput)
    .mutation(({ ctx, input }) => resolveThread(ctx.db, ctx.membership, input)),
  reopen: workspaceProcedure(access.anyMember)
    .input(ZCommentIdInput)
    .mutation(({ ctx, input }) => reopenThread(ctx.db, ctx.membership, input)),
  edit: workspaceProcedure(access.anyMember)
    .input(ZEditCommentInput)
    .mutation(({ ctx, input }) => editComment(ctx.db, ctx.membership, input)),
  delete: workspaceProcedure(access.anyMember)
    .input(ZCommentIdInput)
    .mutation(({ ctx, input }) => deleteComment(ctx.db, ctx.membership, input)),
});
