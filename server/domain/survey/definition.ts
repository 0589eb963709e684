// The survey definition: each question's key, type, role, text, options, settings and display
// logic, the rules the questions of one version must keep together, and the survey's own
// fields, as zod schemas shared by the builder, the public page and the server. The parts live
// beside it and are re-exported here: question types, roles and languages
// (question-vocabulary.ts), localised text (localized-text.ts), question settings
// (question-settings.ts) and persona wording (persona-phrasing.ts).
import { z } from "zod";
import { conditionSources, ZCondition, type TCondition } from "./conditions";
import { ZLocalizedText } from "./localized-text";
import { ZPersonaPhrasing } from "./persona-phrasing";
import { ZQuestionSettings } from "./question-settings";
import { locales, questionTypes, questionRoles } from "./question-vocabulary";

export * from "./question-vocabulary";
export * from "./localized-text";
export * from "./question-settings";
export * from "./persona-phrasing";

export const ZOptionValue = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_.-]+$/, { error: "Option values use letters, digits, _ . - only." });

export const ZChoiceOption = z.object({
  value: ZOptionValue,
  label: ZLocalizedText,
  /**
   * The choice's value in the SurveyJS file it was imported from, when ours had to differ (it
   * held spaces or other characters, or was a number): export writes it back and CSV import
   * accepts it, so data collected with the original survey still matches.
   */
  source: z.union([z.string().min(1).max(500), z.number().finite()]).optional(),
});
export type TChoiceOption = z.infer<typeof ZChoiceOption>;

/** Display logic: the condition under which a question is shown (see conditions.ts). */
export const ZDisplayLogic = ZCondition;
export type TDisplayLogic = TCondition;

export const ZQuestionKey = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, {
    error: "Question keys start with a letter and use lowercase letters, digits and _.",
  });

export const ZQuestionDefinition = z.object({
  key: ZQuestionKey,
  type: z.enum(questionTypes),
  role: z.enum(questionRoles).default("OTHER"),
  stageId: z.string().min(1).nullable().default(null),
  page: z.number().int().min(0).max(99).default(0),
  required: z.boolean().default(false),
  randomizeOptions: z.boolean().default(false),
  text: ZLocalizedText,
  help: ZLocalizedText.partial({ en: true }).nullable().default(null),
  options: z.array(ZChoiceOption).max(50).default([]),
  settings: ZQuestionSettings.default({}),
  logic: ZDisplayLogic.nullable().default(null),
  /** Optional wording for persona cards; null (older versions) means defaults from the labels. */
  persona: ZPersonaPhrasing.nullable().default(null),
});
export type TQuestionDefinition = z.infer<typeof ZQuestionDefinition>;
export type TQuestionDefinitionInput = z.input<typeof ZQuestionDefinition>;

/** The questions of one version, checked as a whole (unique keys, options, logic order). */
export const ZSurveyQuestions = z
  .array(ZQuestionDefinition)
  .max(200, { error: "A survey can have at most 200 questions." })
  .superRefine((questions, ctx) => {
    const seen = new Map<string, number>();
    questions.forEach((q, index) => {
      const issue = (message: string, path: (string | number)[] = []) =>
        ctx.addIssue({ code: "custom", message, path: [index, ...path] });
      if (seen.has(q.key)) issue(`The key "${q.key}" is used twice.`, ["key"]);
      seen.set(q.key, index);

      const isChoice = q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
      if (isChoice && q.options.length < 2) issue("Give at least two options.", ["options"]);
      if (!isChoice && q.options.length > 0) issue("Only choice questions have options.");
      const values = q.options.map((o) => o.value);
      if (new Set(values).size !== values.length) issue("Option values must differ.", ["options"]);
      checkMatrixDefinition(q, issue);
      if (q.type === "NUMBER") {
        const { min, max } = q.settings;
        if (min !== undefined && max !== undefined && min >= max) {
          issue("The minimum must be below the maximum.", ["settings"]);
        }
      }
      const conditions = [
        ["logic", q.logic],
        ["settings", q.settings.enableIf],
        ["settings", q.settings.requiredIf],
      ] as const;
      for (const [field, condition] of conditions) {
        for (const source of conditionSources(condition)) {
          const sourceIndex = seen.get(source);
          if (sourceIndex === undefined || sourceIndex >= index) {
            issue(
              field === "logic"
                ? "Display logic can only depend on an earlier question."
                : "Conditions can only depend on an earlier question.",
              [field],
            );
            break;
          }
        }
      }
      const other = q.settings.otherTextFor;
      if (other !== undefined && !values.includes(other)) {
        issue("The option that asks for a text must be one of the options.", ["settings"]);
      }
    });
  });

/** A matrix needs its rows (with distinct keys) and a scale of distinct points; others none. */
function checkMatrixDefinition(
  q: TQuestionDefinition,
  issue: (message: string, path?: (string | number)[]) => void,
) {
  const matrix = q.settings.matrix;
  if (q.type !== "MATRIX") {
    if (matrix) issue("Only matrix questions have rows.", ["settings", "matrix"]);
    return;
  }
  if (!matrix) return issue("Give the matrix at least one row.", ["settings", "matrix"]);
  const rowKeys = matrix.rows.map((r) => r.key);
  if (new Set(rowKeys).size !== rowKeys.length) {
    issue("Row keys must differ.", ["settings", "matrix", "rows"]);
  }
  const points = (matrix.points ?? []).map((p) => p.value);
  if (new Set(points).size !== points.length) {
    issue("Scale points must differ.", ["settings", "matrix", "points"]);
  }
}

export const ZSurveyTitle = z
  .string({ error: "Enter a title." })
  .trim()
  .min(2, { error: "Titles need at least 2 characters." })
  .max(160, { error: "Titles can be at most 160 characters long." });

export const ZSurveyMeta = z.object({
  title: ZSurveyTitle,
  description: z.string().trim().max(2000).default(""),
  // German wording for the German respondent page; empty falls back to the English.
  titleDe: z
    .string()
    .trim()
    .max(160, { error: "Titles can be at most 160 characters long." })
    .default(""),
  descriptionDe: z.string().trim().max(2000).default(""),
  languages: z
    .array(z.enum(locales))
    .min(1)
    .refine((l) => l.includes("en"), { error: "English is always offered." })
    .default(["en"]),
  journeyMapId: z.string().min(1).nullable().default(null),
});
export type TSurveyMeta = z.infer<typeof ZSurveyMeta>;
/** Meta as callers may send it: fields with defaults (the German wording) can be left out. */
export type TSurveyMetaInput = z.input<typeof ZSurveyMeta>;
