// Analysis run procedures: researchers and owners start and cancel; every member reads.
import { z } from "zod";
import { access } from "~/server/domain/workspace";
import {
  cancelRun,
  startAnalysis,
  ZStartAnalysisInput,
} from "~/server/features/analysis-runs/analysis-runs";
import { getRun, listRuns } from "~/server/features/analysis-runs/analysis-run-views";
import { getJobQueue } from "~/server/infra/jobs";
import { enqueueAnalysisRun } from "~/server/features/analysis-runs/analysis-jobs";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

const ZRunId = z.object({ runId: z.string().min(1) });

export const analysisRouter = createTRPCRouter({
  start: workspaceProcedure(access.research)
    .input(ZStartAnalysisInput)
    .mutation(async ({ ctx, input }) => {
      const started = await startAnalysis(ctx.db, ctx.membership, input);
      await enqueueAnalysisRun(getJobQueue(), started.runId);
      return started;
    }),
  cancel: workspaceProcedure(access.research)
    .input(ZRunId)
    .mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.membership, input.runId)),
  list: workspaceProcedure(access.anyMember)
    .input(z.object({ surveyId: z.string().min(1).optional() }))
    .query(({ ctx, input }) => listRuns(ctx.db, ctx.membership, input.surveyId)),
  get: workspaceProcedure(access.anyMember)
    .input(ZRunId)
    .query(({ ctx, input }) => getRun(ctx.db, ctx.membership, input.runId)),
});
