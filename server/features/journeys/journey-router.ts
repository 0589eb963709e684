// Journey map procedures: every member reads maps, their filled runs and decisions; researchers
// and owners create, edit, duplicate, delete and link maps, and decide on suggested moments of
// truth. Stages and touchpoints have their own sub-routers (journey.stage.*, journey.touchpoint.*).
import { z } from "zod";
import {
  ZCreateJourneyMapInput,
  ZDecideMomentOfTruthInput,
  ZDuplicateJourneyMapInput,
  ZJourneyMapIdInput,
  ZLinkSurveyInput,
  ZUpdateJourneyMapInput,
} from "~/server/domain/journey";
import { ZJourneyDriftInput, ZRefillJourneyInput } from "~/server/domain/journey-evidence";
import { journeyCellAspects } from "~/server/domain/journey-cell-key";
import { access } from "~/server/domain/workspace";
import { getJourneyCellAnswers } from "~/server/features/analysis-runs/claim-answers";
import {
  decideMomentOfTruth,
  getJourneyFill,
  listJourneyFills,
  listMomentOfTruthDecisions,
} from "~/server/features/journeys/journey-fills";
import { getJourneyDrift } from "~/server/features/journeys/journey-drift";
import {
  getJourneyFillStatus,
  requestJourneyRefill,
} from "~/server/features/journeys/journey-refill-jobs";
import { getJobQueue } from "~/server/infra/jobs";
import { getJourneyMap } from "~/server/features/journeys/journey-view";
import { listRunJourneyStages } from "~/server/features/analysis-runs/run-journey-stages";
import {
  createJourneyMapFromTemplate,
  deleteJourneyMap,
  duplicateJourneyMap,
  linkJourneySurvey,
  listJourneyMaps,
  updateJourneyMap,
} from "~/server/features/journeys/journeys";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";
import { journeyStageRouter } from "./journey-stage-router";
import { journeyTouchpointRouter } from "./journey-touchpoint-router";

export const journeyRouter = createTRPCRouter({
  list: workspaceProcedure(access.anyMember).query(({ ctx }) =>
    listJourneyMaps(ctx.db, ctx.membership),
  ),
  get: workspaceProcedure(access.anyMember)
    .input(ZJourneyMapIdInput)
    .query(({ ctx, input }) => getJourneyMap(ctx.db, ctx.membership, input.journeyMapId)),
  createFromTemplate: workspaceProcedure(access.research)
    .input(ZCreateJourneyMapInput)
    .mutation(({ ctx, input }) => createJourneyMapFromTemplate(ctx.db, ctx.membership, input)),
  update: workspaceProcedure(access.research)
    .input(ZUpdateJourneyMapInput)
    .mutation(({ ctx, input }) => updateJourneyMap(ctx.db, ctx.membership, input)),
  duplicate: workspaceProcedure(access.research)
    .input(ZDuplicateJourneyMapInput)
    .mutation(({ ctx, input }) => duplicateJourneyMap(ctx.db, ctx.membership, input)),
  delete: workspaceProcedure(access.research)
    .input(ZJourneyMapIdInput)
    .mutation(({ ctx, input }) => deleteJourneyMap(ctx.db, ctx.membership, input)),
  linkSurvey: workspaceProcedure(access.research)
    .input(ZLinkSurveyInput)
    .mutation(({ ctx, input }) => linkJourneySurvey(ctx.db, ctx.membership, input, getJobQueue())),
  /** Whether a refill or a link's fill is still waiting or running (polled as "Filling…"). */
  fillStatus: workspaceProcedure(access.anyMember)
    .input(ZJourneyMapIdInput)
    .query(({ ctx, input }) => getJourneyFillStatus(ctx.db, ctx.membership, input.journeyMapId)),
  fill: workspaceProcedure(access.anyMember)
    .input(ZJourneyMapIdInput.extend({ runId: z.string().trim().min(1).max(64).optional() }))
    .query(({ ctx, input }) => getJourneyFill(ctx.db, ctx.membership, input)),
  /** Every map this run filled, stage by stage per persona (for comparing personas). */
  stagesForRun: workspaceProcedure(access.anyMember)
    .input(z.object({ runId: z.string().trim().min(1).max(64) }))
    .query(({ ctx, input }) => listRunJourneyStages(ctx.db, ctx.membership, input.runId)),
  /** The respondents behind one evidence cell, with their answers to its questions in words. */
  cellAnswers: workspaceProcedure(access.anyMember)
    .input(
      ZJourneyMapIdInput.extend({
        runId: z.string().trim().min(1).max(64),
        personaIndex: z.number().int().min(0).nullable(),
        stageId: z.string().trim().min(1).max(64),
        aspect: z.enum(journeyCellAspects),
        limit: z.number().int().min(1).max(200).optional(),
      }),
    )
    .query(({ ctx, input }) => getJourneyCellAnswers(ctx.db, ctx.membership, input)),
  fills: workspaceProcedure(access.anyMember)
    .input(ZJourneyMapIdInput)
    .query(({ ctx, input }) => listJourneyFills(ctx.db, ctx.membership, input.journeyMapId)),
  decisions: workspaceProcedure(access.anyMember)
    .input(ZJourneyMapIdInput)
    .query(({ ctx, input }) =>
      listMomentOfTruthDecisions(ctx.db, ctx.membership, input.journeyMapId),
    ),
  decideMomentOfTruth: workspaceProcedure(access.research)
    .input(ZDecideMomentOfTruthInput)
    .mutation(({ ctx, input }) => decideMomentOfTruth(ctx.db, ctx.membership, input)),
  refill: workspaceProcedure(access.research)
    .input(ZRefillJourneyInput)
    .mutation(({ ctx, input }) =>
      requestJourneyRefill(ctx.db, getJobQueue(), ctx.membership, input),
    ),
  drift: workspaceProcedure(access.anyMember)
    .input(ZJourneyDriftInput)
    .query(({ ctx, input }) => getJourneyDrift(ctx.db, ctx.membership, input)),
  stage: journeyStageRouter,
  touchpoint: journeyTouchpointRouter,
});
