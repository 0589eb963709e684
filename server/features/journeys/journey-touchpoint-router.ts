// Touchpoint procedures (journey.touchpoint.*): researchers and owners add, edit, move (reorder
// within a cell, or to another stage or layer) and delete touchpoints.
import {
  ZAddTouchpointInput,
  ZMoveTouchpointInput,
  ZTouchpointIdInput,
  ZUpdateTouchpointInput,
} from "~/server/domain/journey";
import { access } from "~/server/domain/workspace";
import {
  addTouchpoint,
  deleteTouchpoint,
  moveTouchpoint,
  updateTouchpoint,
} from "~/server/features/journeys/touchpoints";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

export const journeyTouchpointRouter = createTRPCRouter({
  add: workspaceProcedure(access.research)
    .input(ZAddTouchpointInput)
    .mutation(({ ctx, input }) => addTouchpoint(ctx.db, ctx.membership, input)),
  update: workspaceProcedure(access.research)
    .input(ZUpdateTouchpointInput)
    .mutation(({ ctx, input }) => updateTouchpoint(ctx.db, ctx.membership, input)),
  move: workspaceProcedure(access.research)
    .input(ZMoveTouchpointInput)
    .mutation(({ ctx, input }) => moveTouchpoint(ctx.db, ctx.membership, input)),
  delete: workspaceProcedure(access.research)
    .input(ZTouchpointIdInput)
    .mutation(({ ctx, input }) => deleteTouchpoint(ctx.db, ctx.membership, input)),
});
