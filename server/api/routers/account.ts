// Account procedures: sign up (public) and who am I.
import { ZSignUpInput } from "~/server/domain/account";
import { getAccount, signUp } from "~/server/services/accounts";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure.input(ZSignUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.user.id)),
});
