// GET /api/v1/surveys and GET /api/v1/surveys/:surveyId/versions/:version, for API keys:
// the key's workspace's surveys, and one published version's frozen definition.
import type { z } from "zod";
import type { Db } from "~/server/db/client";
import { getPublishedVersion } from "~/server/features/surveys/survey-versions";
import { listSurveys } from "~/server/features/surveys/surveys";
import { jsonResponse } from "../errors";
import { ZVersionPathParams, type ZApiSurveyList, type ZApiSurveyVersion } from "./schemas";
import { withApiKey, type ApiKeyDeps } from "./with-api-key";

export async function handleListSurveys(db: Db | Promise<Db>, request: Request, deps?: ApiKeyDeps) {
  return withApiKey(
    db,
    request,
    "GET /api/v1/surveys",
    async (database, { actor }) => {
      const surveys = await listSurveys(database, actor);
      const body: z.infer<typeof ZApiSurveyList> = {
        surveys: surveys.map((s) => ({
          id: s.id,
          title: s.title,
          slug: s.slug,
          publicPath: `/s/${s.slug}`,
          status: s.status,
          latestPublishedVersion: s.latestPublished,
          hasDraft: s.hasDraft,
          questionCount: s.questionCount,
          responseCount: s.responseCount,
          completeCount: s.completeCount,
          updatedAt: s.updatedAt.toISOString(),
        })),
      };
      return jsonResponse(body);
    },
    deps,
  );
}

export async function handleGetSurveyVersion(
  db: Db | Promise<Db>,
  request: Request,
  params: { surveyId: string; version: string },
  deps?: ApiKeyDeps,
) {
  const operation = "GET /api/v1/surveys/{surveyId}/versions/{version}";
  return withApiKey(
    db,
    request,
    operation,
    async (database, { actor }) => {
      const { surveyId, version } = ZVersionPathParams.parse(params);
      const v = await getPublishedVersion(database, actor, surveyId, version);
      const body: z.infer<typeof ZApiSurveyVersion> = {
        surveyId: v.surveyId,
        slug: v.slug,
        title: v.title,
        description: v.description,
        status: v.status,
        languages: v.languages,
        version: v.versionNumber,
        publishedAt: v.publishedAt.toISOString(),
        publishedVersions: v.publishedVersions,
        questions: v.questions,
      };
      return jsonResponse(body);
    },
    deps,
  );
}
