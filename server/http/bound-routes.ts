// The route handlers app/ mounts, bound to this process's database, so a route file under app/api
// stays transport only (parse the URL params, call one function here) and never opens the
// database itself. Tests call the unbound handlers with their own database.
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { getSessionUser } from "~/server/features/accounts/session";
import { requireMembership } from "~/server/features/workspaces/access";
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

/** Downloads for a signed-in member of the workspace (browser session, not an API key). */
export const sessionDownloads = {
  /** The responses as CSV or JSON, filtered like the responses table. */
  async responses(request: Request, { workspaceId, surveyId }: WorkspaceSurveyParams) {
    try {
      const user = await getSessionUser();
      if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export responses.");
      const query = ZExportQuery.parse(queryObject(request));
      const db = await getDb();
      const actor = await requireMembership(db, user.id, workspaceId, access.anyMember);
      return await exportDownload(db, actor, surveyId, query);
    } catch (error) {
      return responseForError(error, "Response export");
    }
  },
  /** The survey's definition as survey.json, for `npm run analyze -- --survey`. */
  async surveyDefinition(request: Request, { workspaceId, surveyId }: WorkspaceSurveyParams) {
    try {
      const user = await getSessionUser();
      if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in to download survey.json.");
      const query = ZSurveyDefinitionQuery.parse(queryObject(request));
      const db = await getDb();
      const actor = await requireMembership(db, user.id, workspaceId, access.anyMember);
      return await surveyDefinitionDownload(db, actor, surveyId, query);
    } catch (error) {
      return responseForError(error, "survey.json download");
    }
  },
};
