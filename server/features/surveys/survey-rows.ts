// Converts between Question rows and the shared question definition, so that services speak
// the domain's language and only this file (and, for writing, ~/server/db/survey-rows, which
// the demo seed shares) knows the storage shape.
import type { Prisma } from "~/server/db/generated/client";
import { ZQuestionDefinition, type TQuestionDefinition } from "~/server/domain/survey/definition";

export { questionToRow } from "~/server/db/survey-rows";

export interface QuestionRow {
  id: string;
  key: string;
  position: number;
  page: number;
  type: string;
  role: string;
  stageId: string | null;
  required: boolean;
  randomizeOptions: boolean;
  text: Prisma.JsonValue;
  help: Prisma.JsonValue | null;
  options: Prisma.JsonValue;
  settings: Prisma.JsonValue;
  logic: Prisma.JsonValue | null;
  persona?: Prisma.JsonValue | null;
}

export type StoredQuestion = TQuestionDefinition & { id: string };

export function rowToQuestion(row: QuestionRow): StoredQuestion {
  const definition = ZQuestionDefinition.parse({
    key: row.key,
    type: row.type,
    role: row.role,
    stageId: row.stageId,
    page: row.page,
    required: row.required,
    randomizeOptions: row.randomizeOptions,
    text: row.text,
    help: row.help,
    options: row.options,
    settings: row.settings,
    logic: row.logic,
    persona: row.persona ?? null,
  });
  return { id: row.id, ...definition };
}
