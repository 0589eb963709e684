// The app's tRPC router: one sub-router per aggregate.
import type { inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { analysisRouter } from "./routers/analysis";
import { apiKeyRouter } from "./routers/api-key";
import { commentRouter } from "./routers/comment";
import { invitationRouter } from "./routers/invitation";
import { journeyRouter } from "./routers/journey";
import { memberRouter } from "./routers/member";
import { personaRouter } from "./routers/persona";
import { responseRouter } from "./routers/response";
import { responseImportRouter } from "./routers/response-import";
import { reviewRouter } from "./routers/review";
import { shareRouter } from "./routers/share";
import { surveyRouter } from "./routers/survey";
import { surveyJsRouter } from "./routers/surveyjs";
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
  responseImport: responseImportRouter,
  surveyJs: surveyJsRouter,
  analysis: analysisRouter,
  apiKey: apiKeyRouter,
  persona: personaRouter,
  review: reviewRouter,
  comment: commentRouter,
  share: shareRouter,
});

export type AppRouter = typeof appRouter;

/** What each procedure returns, as the pages receive it: `RouterOutputs["journey"]["get"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
