// Persona review procedures: the gallery and one persona's review view (every member), editing
// template fields (strategists and owners), the perception check and the respondent map.
import { z } from "zod";
import {
  ZEditPersonaFieldInput,
  ZPersonaFieldKey,
  ZPersonaFieldRef,
} from "~/server/features/personas/persona-field-rules";
import { ZRatePersonaInput } from "~/server/domain/perception";
import { access } from "~/server/domain/workspace";
import {
  getGallery,
  getReadOnlySet,
  ZGalleryInput,
} from "~/server/features/personas/persona-gallery";
import {
  confirmPersonaField,
  editPersonaField,
  getPersonaReview,
  listFieldHistory,
  revertPersonaField,
} from "~/server/features/personas/persona-fields";
import { getPersonaClaimAnswers } from "~/server/features/analysis-runs/claim-answers";
import { getPerception, ratePersona } from "~/server/features/personas/perception";
import { getRunProjection } from "~/server/features/analysis-runs/run-projection";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

const ZPersonaId = z.object({ personaId: z.string().min(1).max(64) });

export const personaRouter = createTRPCRouter({
  gallery: workspaceProcedure(access.anyMember)
    .input(ZGalleryInput)
    .query(({ ctx, input }) => getGallery(ctx.db, ctx.membership, input)),
  set: workspaceProcedure(access.anyMember)
    .input(z.object({ runId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getReadOnlySet(ctx.db, ctx.membership, input.runId)),
  get: workspaceProcedure(access.anyMember)
    .input(z.object({ runId: z.string().min(1).max(64), index: z.number().int().min(0) }))
    .query(({ ctx, input }) => getPersonaReview(ctx.db, ctx.membership, input.runId, input.index)),
  history: workspaceProcedure(access.anyMember)
    .input(ZPersonaId.extend({ field: ZPersonaFieldKey.optional() }))
    .query(({ ctx, input }) => listFieldHistory(ctx.db, ctx.membership, input)),
  editField: workspaceProcedure(access.review)
    .input(ZEditPersonaFieldInput)
    .mutation(({ ctx, input }) => editPersonaField(ctx.db, ctx.membership, input)),
  revertField: workspaceProcedure(access.review)
    .input(ZPersonaFieldRef)
    .mutation(({ ctx, input }) => revertPersonaField(ctx.db, ctx.membership, input)),
  confirmField: workspaceProcedure(access.review)
    .input(ZPersonaFieldRef)
    .mutation(({ ctx, input }) => confirmPersonaField(ctx.db, ctx.membership, input)),
  perception: workspaceProcedure(access.anyMember)
    .input(ZPersonaId)
    .query(({ ctx, input }) => getPerception(ctx.db, ctx.membership, input.personaId)),
  rate: workspaceProcedure(access.review)
    .input(ZRatePersonaInput)
    .mutation(({ ctx, input }) => ratePersona(ctx.db, ctx.membership, input)),
  /** The members behind a persona, with their answers to the questions of its traits. */
  claimAnswers: workspaceProcedure(access.anyMember)
    .input(
      z.object({
        runId: z.string().min(1).max(64),
        index: z.number().int().min(0),
        limit: z.number().int().min(1).max(200).optional(),
      }),
    )
    .query(({ ctx, input }) => getPersonaClaimAnswers(ctx.db, ctx.membership, input)),
  projection: workspaceProcedure(access.anyMember)
    .input(z.object({ runId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getRunProjection(ctx.db, ctx.membership, input.runId)),
});
