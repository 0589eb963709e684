// Survey procedures: everyone in the workspace reads; researchers and owners build and publish.
import { z } from "zod";
import {
  locales,
  ZQuestionDefinition,
  ZSurveyMeta,
  ZSurveyTitle,
} from "~/server/domain/survey/definition";
import { access } from "~/server/domain/workspace";
import {
  createJourneySurvey,
  createSurvey,
  deleteSurvey,
  getSurveyForEditing,
  listSurveys,
  publishSurvey,
  saveDraft,
  setSurveyStatus,
} from "~/server/features/surveys/surveys";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

const ZSurveyId = z.object({ surveyId: z.string().min(1) });

export const surveyRouter = createTRPCRouter({
  list: workspaceProcedure(access.anyMember).query(({ ctx }) =>
    listSurveys(ctx.db, ctx.membership),
  ),
  get: workspaceProcedure(access.anyMember)
    .input(ZSurveyId)
    .query(({ ctx, input }) => getSurveyForEditing(ctx.db, ctx.membership, input.surveyId)),
  create: workspaceProcedure(access.research)
    .input(z.object({ title: ZSurveyTitle }))
    .mutation(({ ctx, input }) => createSurvey(ctx.db, ctx.membership, { title: input.title })),
  createFromJourney: workspaceProcedure(access.research)
    .input(
      z.object({
        title: ZSurveyTitle,
        journeyMapId: z.string().min(1, { error: "Choose a journey map." }),
        languages: z.array(z.enum(locales)).optional(),
      }),
    )
    .mutation(({ ctx, input }) => createJourneySurvey(ctx.db, ctx.membership, input)),
  saveDraft: workspaceProcedure(access.research)
    .input(
      ZSurveyId.extend({
        meta: ZSurveyMeta,
        // Checked as a whole (keys, logic order) by the use case.
        questions: z.array(ZQuestionDefinition).max(200),
      }),
    )
    .mutation(({ ctx, input }) =>
      saveDraft(ctx.db, ctx.membership, input.surveyId, {
        meta: input.meta,
        questions: input.questions,
      }),
    ),
  publish: workspaceProcedure(access.research)
    .input(ZSurveyId)
    .mutation(({ ctx, input }) => publishSurvey(ctx.db, ctx.membership, input.surveyId)),
  setStatus: workspaceProcedure(access.research)
    .input(ZSurveyId.extend({ status: z.enum(["OPEN", "CLOSED"]) }))
    .mutation(({ ctx, input }) =>
      setSurveyStatus(ctx.db, ctx.membership, input.surveyId, input.status),
    ),
  delete: workspaceProcedure(access.research)
    .input(ZSurveyId)
    .mutation(({ ctx, input }) => deleteSurvey(ctx.db, ctx.membership, input.surveyId)),
});
