// How a survey's parts are stored: the row a question definition becomes, and the public slug of
// a new survey. In the db layer so that the survey services and the demo seed (server/features/demo,
// which may not call the services) write surveys one way.
import { randomBytes } from "node:crypto";
import type { Prisma } from "~/server/db/generated/client";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";

/** A new survey's public address: short, unguessable, URL-safe. */
export const newSurveySlug = (): string =>
  randomBytes(9).toString("base64url").toLowerCase().replace(/[-_]/g, "x");

export function questionToRow(
  q: TQuestionDefinition,
  versionId: string,
  position: number,
): Prisma.QuestionCreateManyInput {
  return {
    versionId,
    position,
    key: q.key,
    page: q.page,
    type: q.type,
    role: q.role,
    stageId: q.stageId,
    required: q.required,
    randomizeOptions: q.randomizeOptions,
    text: q.text,
    help: q.help ?? undefined,
    options: q.options,
    settings: q.settings,
    logic: q.logic ?? undefined,
    persona: q.persona ?? undefined,
  };
}
