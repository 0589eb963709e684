// Journey map procedures (first cut): list maps with stages, create one from a template.
import { z } from "zod";
import { journeyTemplates, type TJourneyTemplate } from "~/server/domain/journey-templates";
import { access } from "~/server/domain/workspace";
import { createJourneyMapFromTemplate, listJourneyMaps } from "~/server/services/journeys";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const templateKeys = Object.keys(journeyTemplates) as [TJourneyTemplate, ...TJourneyTemplate[]];

export const ZCreateJourneyMapInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: "Journey names need at least 2 characters." })
    .max(120, { error: "Journey names can be at most 120 characters long." }),
  template: z.enum(templateKeys, { error: "Choose a template." }),
});

export const journeyRouter = createTRPCRouter({
  list: workspaceProcedure(access.anyMember).query(({ ctx }) =>
    listJourneyMaps(ctx.db, ctx.membership),
  ),
  createFromTemplate: workspaceProcedure(access.research)
    .input(ZCreateJourneyMapInput)
    .mutation(({ ctx, input }) => createJourneyMapFromTemplate(ctx.db, ctx.membership, input)),
});
