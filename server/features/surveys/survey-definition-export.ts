// A survey's definition as survey.json, the file `npm run analyze -- --survey` reads: the questions
// of its published versions (newest wording first, as the analysis reads them) described exactly
// as the app's analysis sees them (server/features/analysis-runs/analysis-input.ts toAnalysisQuestion), with the app's
// question type, the CSV column the responses export writes for each, and the journey stages the
// questions are tied to, in map order. With the responses CSV of the same survey, the command line
// then finds the same personas and fills the same journey cells as the app.
import type { SurveyFile } from "~/server/analysis/table-input";
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { matrixRowItems } from "~/server/domain/survey/matrix";
import { toAnalysisQuestion } from "../analysis-runs/analysis-input";
import { requireRole, type MembershipView } from "../workspaces/access";
import { exportFileName } from "../responses/response-export";
import { rowToQuestion } from "./survey-rows";

const anyMember = ["OWNER", "RESEARCHER", "STRATEGIST"] as const;

export interface SurveyDefinitionExport {
  surveyTitle: string;
  survey: SurveyFile;
}

/** Readable, unique stage ids ("discovery", "purchase-2") for the file; the app's are opaque. */
function stageSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base =
      name
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 40) || `stage-${i + 1}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

export async function exportSurveyDefinition(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  filter: { versionNumber?: number } = {},
): Promise<SurveyDefinitionExport> {
  requireRole(actor, anyMember);
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId: actor.workspaceId },
    select: { id: true, title: true },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");
  const rows = await db.question.findMany({
    where: {
      version: {
        surveyId: survey.id,
        publishedAt: { not: null },
        ...(filter.versionNumber ? { number: filter.versionNumber } : {}),
      },
    },
    orderBy: [{ version: { number: "desc" } }, { position: "asc" }],
  });
  if (rows.length === 0) {
    return fail("NOT_FOUND", "That survey has no published questions to describe.");
  }
  const questions = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.key)) continue; // newest version first: its definition wins
    seen.add(row.key);
    questions.push(rowToQuestion(row));
  }

  // Stages: the linked map's, in its order, then any other stage a question is tied to.
  const tied = [...new Set(questions.flatMap((q) => (q.stageId ? [q.stageId] : [])))];
  const linkedMap = await db.journeyMap.findFirst({
    where: { surveyId: survey.id, workspaceId: actor.workspaceId },
    orderBy: { createdAt: "asc" },
    select: { stages: { orderBy: { position: "asc" }, select: { id: true, name: true } } },
  });
  const onMap = linkedMap?.stages ?? [];
  const others = await db.stage.findMany({
    where: { id: { in: tied.filter((id) => !onMap.some((s) => s.id === id)) } },
    orderBy: [{ journeyMapId: "asc" }, { position: "asc" }],
    select: { id: true, name: true },
  });
  const stages = [...onMap, ...others];
  const slugs = stageSlugs(stages.map((s) => s.name));
  const slugOf = new Map(stages.map((s, i) => [s.id, slugs[i] as string]));

  return {
    surveyTitle: survey.title,
    survey: {
      // The responses export's columns: its response ids, one column per question key
      // (multiple choice: "<key>__<option>" 0/1 columns), and only empty cells are no answer.
      idColumn: "response_id",
      missing: [""],
      ...(stages.length > 0
        ? { stages: stages.map((s) => ({ id: slugOf.get(s.id) as string, name: s.name })) }
        : {}),
      questions: questions.flatMap((q): SurveyFile["questions"] => {
        if (q.type === "MATRIX") {
          // One ordinal item per row, read from its own "<key>__<row>" column.
          return matrixRowItems(q).map((item) => {
            const rowStage = item.stageId ? slugOf.get(item.stageId) : undefined;
            return {
              id: item.key,
              column: item.key,
              label: item.label.en,
              role: item.role,
              kind: "ordinal" as const,
              type: q.type,
              min: item.min,
              max: item.max,
              ...(rowStage ? { stage: rowStage } : {}),
            };
          });
        }
        const analysed = toAnalysisQuestion(q);
        const stage = q.stageId ? slugOf.get(q.stageId) : undefined;
        return [
          {
            id: analysed.id,
            column: q.key,
            label: analysed.label,
            role: analysed.role,
            kind: analysed.kind,
            type: q.type,
            ...(analysed.options ? { options: analysed.options } : {}),
            ...(analysed.min !== undefined ? { min: analysed.min } : {}),
            ...(analysed.max !== undefined ? { max: analysed.max } : {}),
            ...(q.type === "MULTIPLE_CHOICE" ? { optionColumns: true } : {}),
            ...(stage ? { stage } : {}),
          },
        ];
      }),
    },
  };
}

export function surveyDefinitionJson(data: SurveyDefinitionExport): string {
  return `${JSON.stringify(data.survey, null, 2)}\n`;
}

export function surveyDefinitionFileName(title: string): string {
  return exportFileName(title, "json").replace(/-responses\.json$/, "-survey.json");
}
