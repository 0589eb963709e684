// The survey.json download: a survey's definition in the form `npm run analyze -- --survey`
// reads (services/survey-definition-export), offered beside the responses CSV so that the two
// files together reproduce the app's personas and journey cells on the command line.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  exportSurveyDefinition,
  surveyDefinitionFileName,
  surveyDefinitionJson,
} from "~/server/features/surveys/survey-definition-export";

export const ZSurveyDefinitionQuery = z.object({
  version: z.coerce
    .number({ error: "version must be a version number." })
    .int({ error: "version must be a version number." })
    .positive({ error: "version must be a version number." })
    .optional()
    .meta({ description: "Only this published version's questions.", example: 1 }),
});
export type TSurveyDefinitionQuery = z.infer<typeof ZSurveyDefinitionQuery>;

export async function surveyDefinitionDownload(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  query: TSurveyDefinitionQuery,
): Promise<Response> {
  const data = await exportSurveyDefinition(db, actor, surveyId, { versionNumber: query.version });
  return new Response(surveyDefinitionJson(data), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${surveyDefinitionFileName(data.surveyTitle)}"`,
      "cache-control": "no-store",
    },
  });
}
