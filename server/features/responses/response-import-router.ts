// Response import procedures, for researchers and owners: preview a CSV (mapping, first rows,
// errors) at once, and import it as a job (response-import-jobs.ts): start stores the file and
// queues it, status is polled by the page, cancel stops it. Mutations carry the file in the body.
import { z } from "zod";
import {
  ZResponseImportInput,
  ZResponseImportPreviewInput,
} from "~/server/domain/survey/response-import";
import { access } from "~/server/domain/workspace";
import { getJobQueue } from "~/server/infra/jobs";
import { previewResponseImport } from "~/server/features/responses/response-import";
import {
  cancelResponseImport,
  getResponseImport,
  startResponseImport,
} from "~/server/features/responses/response-import-jobs";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

const ZImportId = z.object({ importId: z.string().min(1) });

export const responseImportRouter = createTRPCRouter({
  preview: workspaceProcedure(access.research)
    .input(ZResponseImportPreviewInput)
    .mutation(({ ctx, input }) => previewResponseImport(ctx.db, ctx.membership, input)),
  start: workspaceProcedure(access.research)
    .input(ZResponseImportInput)
    .mutation(({ ctx, input }) =>
      startResponseImport(ctx.db, getJobQueue(), ctx.membership, input),
    ),
  status: workspaceProcedure(access.research)
    .input(ZImportId)
    .query(({ ctx, input }) => getResponseImport(ctx.db, ctx.membership, input.importId)),
  cancel: workspaceProcedure(access.research)
    .input(ZImportId)
    .mutation(({ ctx, input }) => cancelResponseImport(ctx.db, ctx.membership, input.importId)),
});
