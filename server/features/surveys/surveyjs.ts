// Use cases for SurveyJS interchange: preview what a SurveyJS file maps to (and what it cannot),
// create a new draft survey from one, and export a survey's current version as SurveyJS JSON.
// The mapping itself is pure (server/domain/survey/surveyjs/); this file adds the workspace:
// authorisation, the journey map whose stages questions are tied to, and the survey rows.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import type { TQuestionDefinition, TSurveyMeta } from "~/server/domain/survey/definition";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";
import type { TSurveyJsPreviewInput } from "~/server/domain/survey/surveyjs/limits";
import { parseSurveyJsText } from "~/server/domain/survey/surveyjs/read";
import type { TUnmappedItem } from "~/server/domain/survey/surveyjs/types";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { requireJourneyMap } from "../journeys/journeys";
import { exportFileName } from "../responses/response-export";
import { createSurvey, getSurveyForEditing } from "./surveys";

export interface SurveyJsPreview {
  meta: TSurveyMeta;
  questions: TQuestionDefinition[];
  unmapped: TUnmappedItem[];
  /** The map the questions were matched against, with its name, or null for none. */
  journeyMap: { id: string; name: string } | null;
}

async function mapFor(
  db: Db,
  actor: MembershipView,
  json: unknown,
  requested: string | null | undefined,
) {
  if (requested) return requireJourneyMap(db, actor.workspaceId, requested);
  if (requested === null) return null;
  // No choice made: the map the file was exported from, when it belongs to this workspace.
  const hint = fromSurveyJs(json).journeyMapHint;
  if (!hint) return null;
  return db.journeyMap.findFirst({
    where: { id: hint, workspaceId: actor.workspaceId },
    include: { stages: { orderBy: { position: "asc" } } },
  });
}

export async function previewSurveyJs(
  db: Db,
  actor: MembershipView,
  input: TSurveyJsPreviewInput,
): Promise<SurveyJsPreview> {
  requireRole(actor, access.research);
  const json = parseSurveyJsText(input.json);
  const map = await mapFor(db, actor, json, input.journeyMapId);
  const result = fromSurveyJs(json, {
    stages: map?.stages.map((s) => ({ id: s.id, name: s.name })),
  });
  return {
    meta: { ...result.definition.meta, journeyMapId: map?.id ?? null },
    questions: result.definition.questions,
    unmapped: result.unmapped,
    journeyMap: map ? { id: map.id, name: map.name } : null,
  };
}

/** Creates a new survey (one draft version) from a SurveyJS file. */
export async function importSurveyJs(
  db: Db,
  actor: MembershipView,
  input: TSurveyJsPreviewInput & { title?: string },
): Promise<{ id: string; slug: string; questionCount: number; unmappedCount: number }> {
  const preview = await previewSurveyJs(db, actor, input);
  if (preview.questions.length === 0) {
    fail(
      "INVALID_INPUT",
      "Nothing in this file could be imported as a question; see the list of what was left out.",
    );
  }
  const created = await createSurvey(
    db,
    actor,
    { ...preview.meta, ...(input.title ? { title: input.title } : {}) },
    preview.questions,
  );
  return {
    ...created,
    questionCount: preview.questions.length,
    unmappedCount: preview.unmapped.length,
  };
}

/** The survey's current version (the draft, or the latest published one) as SurveyJS JSON. */
export async function exportSurveyJs(
  db: Db,
  actor: MembershipView,
  surveyId: string,
): Promise<{ fileName: string; json: string }> {
  requireRole(actor, access.research);
  const survey = await getSurveyForEditing(db, actor, surveyId);
  const document = toSurveyJs({
    meta: survey.meta,
    questions: survey.questions.map(({ id: _id, ...q }) => q),
    stages: survey.stages,
  });
  const fileName = exportFileName(survey.meta.title, "json").replace(
    /-responses\.json$/,
    "-surveyjs.json",
  );
  return { fileName, json: JSON.stringify(document, null, 2) };
}
