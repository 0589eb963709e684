// The survey definition: localised text, options, settings and display logic of each question,
// and the survey's own fields, as zod schemas shared by the builder, the public page and the
// server. The question types, roles and languages are in question-vocabulary.ts.
import { z } from "zod";
import { conditionSources, ZCondition, type TCondition } from "./conditions";
import { locales, questionTypes, questionRoles } from "./question-vocabulary";

export * from "./question-vocabulary";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep this under ${max} characters.` });

/** A string per language; English is required, German optional. */
export const ZLocalizedText = z.object({
  en: text(2000).min(1, { error: "Enter the English text." }),
  de: text(2000).optional(),
});
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

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

/**
 * How a question was written in the SurveyJS file it was imported from, where our definition
 * says it differently, so that export writes the same file back: the original name (ours is a
 * lowercase key), the element type when it was not the default one for our type (a dropdown,
 * a tag box, a yes/no), the rating range, which option was SurveyJS's "Other" item, and the
 * page the question opens (its name and title).
 */
export const ZSurveyJsOrigin = z
  .object({
    name: z.string().trim().min(1).max(500).optional(),
    type: z.enum(["dropdown", "tagbox", "boolean", "rating", "matrixdropdown"]).optional(),
    /** A matrix imported from a matrixdropdown: its one column, to write it back as it was. */
    matrixColumn: z
      .object({
        name: z.string().max(500),
        cellType: z.enum(["rating", "dropdown", "radiogroup"]),
        title: ZLocalizedText.optional(),
      })
      .strict()
      .optional(),
    rateStep: z.number().positive().finite().optional(),
    /**
     * One box of a SurveyJS multipletext: the element's name, this box's name and the element's
     * title, so export gathers the boxes back into the one element they came from.
     */
    multipleText: z
      .object({
        name: z.string().trim().min(1).max(500),
        item: z.string().trim().min(1).max(500),
        title: ZLocalizedText.optional(),
      })
      .strict()
      .optional(),
    /** Value of the option that was the question's "Other" (or "None") item. */
    otherValue: z.string().min(1).max(80).optional(),
    noneValue: z.string().min(1).max(80).optional(),
    page: z
      .object({
        name: z.string().trim().min(1).max(500).optional(),
        title: ZLocalizedText.optional(),
        description: ZLocalizedText.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TSurveyJsOrigin = z.infer<typeof ZSurveyJsOrigin>;

/** Matrix row keys follow question keys' rules, so `<question>_<row>` is a valid column name. */
export const ZMatrixRowKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_]*$/, {
    error: "Row keys use lowercase letters, digits and _.",
  });

/** One row of a matrix question (see matrix.ts for the rules that use it). */
export const ZMatrixRow = z
  .object({
    key: ZMatrixRowKey,
    label: ZLocalizedText,
    /** The journey stage this row is about; null or absent means the question's own stage. */
    stageId: z.string().min(1).nullable().optional(),
    /** What the row measures (emotion, pain, a touchpoint...); absent means the question's role. */
    role: z.enum(questionRoles).optional(),
    /** The row's value in the SurveyJS file it came from, when ours had to differ. */
    source: z.string().min(1).max(500).optional(),
  })
  .strict();
export type TMatrixRow = z.infer<typeof ZMatrixRow>;

/** One point of a matrix's shared scale: a whole number, optionally with its own words. */
export const ZMatrixPoint = z
  .object({
    value: z.number().int().min(-100).max(100),
    label: ZLocalizedText.optional(),
    /** The column's value in the SurveyJS file it came from, when ours had to differ. */
    source: z.union([z.string().min(1).max(500), z.number().finite()]).optional(),
  })
  .strict();
export type TMatrixPoint = z.infer<typeof ZMatrixPoint>;

export const ZMatrixSettings = z
  .object({
    rows: z.array(ZMatrixRow).min(1, { error: "Give the matrix at least one row." }).max(40),
    /** The scale every row is rated on, lowest first. Absent means 1..5. */
    points: z.array(ZMatrixPoint).min(2).max(11).optional(),
  })
  .strict();
export type TMatrixSettings = z.infer<typeof ZMatrixSettings>;

export const ZQuestionSettings = z
  .object({
    /** Likert: 5 or 7 points. */
    points: z.union([z.literal(5), z.literal(7)]).optional(),
    /** Labels of the scale's two ends (Likert, rating). */
    minLabel: ZLocalizedText.optional(),
    maxLabel: ZLocalizedText.optional(),
    /** Number: bounds. */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** Rating: show as a Net Promoter Score question. */
    nps: z.boolean().optional(),
    /** Shown but not answerable unless this holds (SurveyJS enableIf). */
    enableIf: ZCondition.optional(),
    /** Required whenever this holds, even when `required` is off (SurveyJS requiredIf). */
    requiredIf: ZCondition.optional(),
    /** Choice questions: the "Other" option (by value) whose answer asks for a text. */
    otherTextFor: z.string().min(1).max(80).optional(),
    /** Only on questions imported from SurveyJS: what export needs to write them back. */
    surveyJs: ZSurveyJsOrigin.optional(),
    /** Matrix: its rows and shared scale. */
    matrix: ZMatrixSettings.optional(),
  })
  .strict();
export type TQuestionSettings = z.infer<typeof ZQuestionSettings>;

/**
 * How a persona card talks about one end of a scale or one option, written by the researcher:
 * `phrase` is what such a person does, read after a name ("hunts for the best price"), `title`
 * a short archetype noun for the card's title ("Price Hunter"). Empty means "use the default
 * built from the question and option labels".
 */
export const ZPersonaPhrase = z.object({
  phrase: text(120).default(""),
  title: text(40).default(""),
});
export type TPersonaPhrase = z.infer<typeof ZPersonaPhrase>;

/** Scales use `high` and `low`; choice questions use `options` (keyed by option value). */
export const ZPersonaPhrasing = z
  .object({
    high: ZPersonaPhrase.optional(),
    low: ZPersonaPhrase.optional(),
    options: z.record(z.string(), ZPersonaPhrase).optional(),
  })
  .strict();
export type TPersonaPhrasing = z.infer<typeof ZPersonaPhrasing>;

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
