// SurveyJS interchange procedures, for researchers and owners: preview an import, create a
// survey from a SurveyJS file, and export a survey as SurveyJS JSON.
import { z } from "zod";
import { ZSurveyTitle } from "~/server/domain/survey/definition";
import { ZSurveyJsPreviewInput } from "~/server/domain/survey/surveyjs/limits";
import { access } from "~/server/domain/workspace";
import {
  exportSurveyJs,
  importSurveyJs,
  previewSurveyJs,
} from "~/server/features/surveys/surveyjs";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

export const surveyJsRouter = createTRPCRouter({
  // A mutation, not a query: the file travels in the body, and nothing is cached.
  preview: workspaceProcedure(access.research)
    .input(ZSurveyJsPreviewInput)
    .mutation(({ ctx, input }) => previewSurveyJs(ctx.db, ctx.membership, input)),
  import: workspaceProcedure(access.research)
    .input(ZSurveyJsPreviewInput.extend({ title: ZSurveyTitle.optional() }))
    .mutation(({ ctx, input }) => importSurveyJs(ctx.db, ctx.membership, input)),
  export: workspaceProcedure(access.research)
    .input(z.object({ surveyId: z.string().min(1) }))
    .query(({ ctx, input }) => exportSurveyJs(ctx.db, ctx.membership, input.surveyId)),
});
