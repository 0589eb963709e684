// Converts between Question rows and the shared question definition, so that services speak
// the domain's language and only this file knows the storage shape.
import type { Prisma } from "~/server/db/generated/client";
import { ZQuestionDefinition, type TQuestionDefinition } from "~/server/domain/survey/definition";

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
