// Account procedures: sign up (public) and who am I.
import { createSignUpLimits } from "~/server/features/accounts/sign-up-limits";
import { ZSignUpInput } from "~/server/domain/account";
import { UNVERIFIED_CLIENT } from "~/server/infra/client-address";
import { getAccount, signUp } from "~/server/features/accounts/accounts";
import { limitCounters } from "~/server/infra/limits/limit-counters";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "~/server/api/trpc";

const signUpLimits = createSignUpLimits();

export const accountRouter = createTRPCRouter({
  // The same answer whether or not the email already had an account (see services/accounts).
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ ctx, input }) => {
    await signUpLimits.check(limitCounters(ctx.db), ctx.clientAddress ?? UNVERIFIED_CLIENT);
    await signUp(ctx.db, input);
    return { email: input.email };
  }),
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.user.id)),
});
