// Journey stage procedures (journey.stage.*): researchers and owners add, edit, move and delete
// stages and set their KPIs.
import {
  ZAddStageInput,
  ZMoveStageInput,
  ZSetStageKpisInput,
  ZStageIdInput,
  ZUpdateStageInput,
} from "~/server/domain/journey";
import { access } from "~/server/domain/workspace";
import {
  addStage,
  deleteStage,
  moveStage,
  setStageKpis,
  updateStage,
} from "~/server/features/journeys/journey-stages";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

export const journeyStageRouter = createTRPCRouter({
  add: workspaceProcedure(access.research)
    .input(ZAddStageInput)
    .mutation(({ ctx, input }) => addStage(ctx.db, ctx.membership, input)),
  update: workspaceProcedure(access.research)
    .input(ZUpdateStageInput)
    .mutation(({ ctx, input }) => updateStage(ctx.db, ctx.membership, input)),
  move: workspaceProcedure(access.research)
    .input(ZMoveStageInput)
    .mutation(({ ctx, input }) => moveStage(ctx.db, ctx.membership, input)),
  setKpis: workspaceProcedure(access.research)
    .input(ZSetStageKpisInput)
    .mutation(({ ctx, input }) => setStageKpis(ctx.db, ctx.membership, input)),
  delete: workspaceProcedure(access.research)
    .input(ZStageIdInput)
    .mutation(({ ctx, input }) => deleteStage(ctx.db, ctx.membership, input)),
});
