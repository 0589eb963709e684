// The app's tRPC router: one sub-router per aggregate.
import type { inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "../features/accounts/account-router";
import { analysisRouter } from "../features/analysis-runs/analysis-router";
import { apiKeyRouter } from "../features/api-keys/api-key-router";
import { commentRouter } from "../features/review/comment-router";
import { invitationRouter } from "../features/workspaces/invitation-router";
import { journeyRouter } from "../features/journeys/journey-router";
import { memberRouter } from "../features/workspaces/member-router";
import { personaRouter } from "../features/personas/persona-router";
import { responseRouter } from "../features/responses/response-router";
import { responseImportRouter } from "../features/responses/response-import-router";
import { reviewRouter } from "../features/review/review-router";
import { shareRouter } from "../features/review/share-router";
import { surveyRouter } from "../features/surveys/survey-router";
import { surveyJsRouter } from "../features/surveys/surveyjs-router";
import { workspaceRouter } from "../features/workspaces/workspace-router";
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
