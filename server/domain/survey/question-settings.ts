// A question's settings: scale labels and bounds, enable/required conditions, the "Other" text
// option, the matrix rows and scale, and what a question imported from SurveyJS needs to be
// written back as it was. Part of the survey definition (definition.ts re-exports it).
import { z } from "zod";
import { ZCondition } from "./conditions";
import { ZLocalizedText } from "./localized-text";
import { questionRoles } from "./question-vocabulary";

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
