// Account procedures: sign up (public) and who am I.
import { ZSignUpInput } from "~/server/domain/account";
import { getAccount, signUp } from "~/server/services/accounts";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  // The same answer whether or not the email already had an account (see services/accounts).
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ ctx, input }) => {
    await signUp(ctx.db, input);
    return { email: input.email };
  }),
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.user.id)),
});
