// API key procedures: owners create (the key is returned once), list and revoke workspace keys.
import { ZApiKeyIdInput, ZCreateApiKeyInput } from "~/server/domain/api-key";
import { access } from "~/server/domain/workspace";
import { createApiKey, listApiKeys, revokeApiKey } from "~/server/features/api-keys/api-keys";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

export const apiKeyRouter = createTRPCRouter({
  list: workspaceProcedure(access.owner).query(({ ctx }) => listApiKeys(ctx.db, ctx.membership)),
  create: workspaceProcedure(access.owner)
    .input(ZCreateApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.membership, input)),
  revoke: workspaceProcedure(access.owner)
    .input(ZApiKeyIdInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.membership, input)),
});
