// The app's tRPC router: one sub-router per aggregate.
import { accountRouter } from "./routers/account";
import { invitationRouter } from "./routers/invitation";
import { memberRouter } from "./routers/member";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
