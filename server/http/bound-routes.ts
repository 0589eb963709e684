// The route handlers app/ mounts, bound to this process's database, so a route file under app/api
// stays transport only (parse the URL params, call one function here) and never opens the
// database itself. Tests call the unbound handlers with their own database.
import { getDb, type Db } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { getSessionUser } from "~/server/features/accounts/session";
import { shareLinkRefusal } from "~/server/features/review/persona-share";
import { requireMembership, type MembershipView } from "~/server/features/workspaces/access";
import { queueStats } from "~/server/infra/jobs";
import { errorResponse, responseForError } from "./errors";
import { handleReady } from "./health";
import { handlePublicSubmit } from "./public-submit";
import { exportDownload, queryObject, ZExportQuery } from "./response-download";
import { surveyDefinitionDownload, ZSurveyDefinitionQuery } from "./survey-definition-download";
import { handleExportResponses, handleListResponses, handleSubmitResponse } from "./v1/responses";
import { handleGetSurveyVersion, handleListSurveys } from "./v1/surveys";

type SurveyParams = { surveyId: string };
type WorkspaceSurveyParams = { workspaceId: string; surveyId: string };

/** GET /api/ready: database, migrations and job queue. */
export const readyRoute = () => handleReady(getDb, undefined, queueStats);

/** POST /api/v1/public/surveys/:slug/responses: the respondent's save (no sign-in). */
export const publicSubmitRoute = (request: Request, params: { slug: string }) =>
  handlePublicSubmit(getDb(), request, params);

/** proxy.ts's share gate: why a share link opens nothing, or null when it works. */
export const shareLinkRefusalRoute = async (token: string) =>
  shareLinkRefusal(await getDb(), token);

/** The REST API (API key): surveys and responses. */
export const apiRoutes = {
  listSurveys: (request: Request) => handleListSurveys(getDb(), request),
  getSurveyVersion: (request: Request, params: SurveyParams & { version: string }) =>
    handleGetSurveyVersion(getDb(), request, params),
  listResponses: (request: Request, params: SurveyParams) =>
    handleListResponses(getDb(), request, params),
  submitResponse: (request: Request, params: SurveyParams) =>
    handleSubmitResponse(getDb(), request, params),
  exportResponses: (request: Request, params: SurveyParams) =>
    handleExportResponses(getDb(), request, params),
};

/**
 * A download for a signed-in member of the workspace: the session and membership checks, the
 * query read with its schema, and errors as JSON, around the download itself.
 */
async function memberDownload<Q>(
  request: Request,
  { workspaceId, surveyId }: WorkspaceSurveyParams,
  wording: { signIn: string; failure: string },
  readQuery: (query: Record<string, string>) => Q,
  download: (db: Db, actor: MembershipView, surveyId: string, query: Q) => Promise<Response>,
): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) return errorResponse(401, "UNAUTHENTICATED", wording.signIn);
    const query = readQuery(queryObject(request));
    const db = await getDb();
    const actor = await requireMembership(db, user.id, workspaceId, access.anyMember);
    return await download(db, actor, surveyId, query);
  } catch (error) {
    return responseForError(error, wording.failure);
  }
}

/** Downloads for a signed-in member of the workspace (browser session, not an API key). */
export const sessionDownloads = {
  /** The responses as CSV or JSON, filtered like the responses table. */
  responses: (request: Request, params: WorkspaceSurveyParams) =>
    memberDownload(
      request,
      params,
      { signIn: "Sign in to export responses.", failure: "Response export" },
      (query) => ZExportQuery.parse(query),
      exportDownload,
    ),
  /** The survey's definition as survey.json, for `npm run analyze -- --survey`. */
  surveyDefinition: (request: Request, params: WorkspaceSurveyParams) =>
    memberDownload(
      request,
      params,
      { signIn: "Sign in to download survey.json.", failure: "survey.json download" },
      (query) => ZSurveyDefinitionQuery.parse(query),
      surveyDefinitionDownload,
    ),
};
