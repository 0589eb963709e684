// Response procedures for the workspace: list with filters, open one, and the results summary.
import { z } from "zod";
import { ZResultsFilter } from "~/server/domain/survey/results-filter";
import { access } from "~/server/domain/workspace";
import { getResponse, listResponses } from "~/server/features/responses/responses";
import { getSurveyResults } from "~/server/features/responses/results-summary";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

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
  summary: workspaceProcedure(access.anyMember)
    .input(ZResultsFilter.extend({ surveyId: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => {
      const { surveyId, ...filter } = input;
      return getSurveyResults(ctx.db, ctx.membership, surveyId, filter);
    }),
});
