// The public, read-only view of a shared persona set: no sign-in, only the share token.
import { z } from "zod";
import { getSharedSet } from "~/server/features/review/persona-share";
import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";

export const shareRouter = createTRPCRouter({
  get: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .query(({ ctx, input }) => getSharedSet(ctx.db, input.token)),
});
