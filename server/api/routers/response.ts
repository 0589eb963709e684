// Response procedures for the workspace: list with filters and open one.
import { z } from "zod";
import { access } from "~/server/domain/workspace";
import { getResponse, listResponses } from "~/server/services/responses";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const responseRouter = createTRPCRouter({
  list: workspaceProcedure(access.anyMember)
    .input(
      z.object({
        surveyId: z.string().min(1),
        versionNumber: z.number().int().positive().optional(),
        status: z.enum(["PARTIAL", "COMPLETE"]).optional(),
        page: z.number().int().min(0).max(100_000).default(0),
      }),
    )
    .query(({ ctx, input }) => listResponses(ctx.db, ctx.membership, input.surveyId, input)),
  get: workspaceProcedure(access.anyMember)
    .input(z.object({ responseId: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => getResponse(ctx.db, ctx.membership, input.responseId)),
});
