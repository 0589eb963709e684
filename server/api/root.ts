// The app's tRPC router: one sub-router per aggregate.
import { accountRouter } from "./routers/account";
import { analysisRouter } from "./routers/analysis";
import { invitationRouter } from "./routers/invitation";
import { journeyRouter } from "./routers/journey";
import { memberRouter } from "./routers/member";
import { responseRouter } from "./routers/response";
import { surveyRouter } from "./routers/survey";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  journey: journeyRouter,
  survey: surveyRouter,
  response: responseRouter,
  analysis: analysisRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
