// Response import procedures, for researchers and owners: preview a CSV (mapping, first rows,
// errors) and import it. Mutations: the file travels in the body and nothing is cached.
import {
  ZResponseImportInput,
  ZResponseImportPreviewInput,
} from "~/server/domain/survey/response-import";
import { access } from "~/server/domain/workspace";
import { importResponses, previewResponseImport } from "~/server/services/response-import";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const responseImportRouter = createTRPCRouter({
  preview: workspaceProcedure(access.research)
    .input(ZResponseImportPreviewInput)
    .mutation(({ ctx, input }) => previewResponseImport(ctx.db, ctx.membership, input)),
  import: workspaceProcedure(access.research)
    .input(ZResponseImportInput)
    .mutation(({ ctx, input }) => importResponses(ctx.db, ctx.membership, input)),
});
