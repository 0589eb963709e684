// Shared pieces of the SurveyJS mapping: the report of what could not be carried over, the
// custom property that keeps our own meaning (type, role, stage) through a round trip, and the
// loose readers for SurveyJS JSON, which arrives as untyped data from a file or a paste.
import { z } from "zod";
import {
  questionRoles,
  ZPersonaPhrasing,
  questionTypes,
  type TQuestionRole,
  type TQuestionType,
  type TSurveyMeta,
  type TQuestionDefinition,
} from "../definition";

/** Name of the custom property on the survey and on each question. SurveyJS keeps unknown keys. */
export const customKey = "personaAtlas";

/**
 * Settings every question-like element shares: its identity, texts, requirement and the
 * conditions that show, enable or require it.
 */
export const elementProps = [
  "type",
  "name",
  "title",
  "description",
  "isRequired",
  "visibleIf",
  "visible",
  "enableIf",
  "requiredIf",
];

/** One thing in the SurveyJS file that the import could not carry over, and why. */
export const ZUnmappedItem = z.object({
  /** Where it sits in the SurveyJS JSON, e.g. `pages[1].elements[3]`. */
  path: z.string(),
  what: z.string(),
  why: z.string(),
});
export type TUnmappedItem = z.infer<typeof ZUnmappedItem>;

/** A question element of the file that did not become a question. */
export interface SkippedElement {
  path: string;
  /** Its SurveyJS name ("" when it has none) and element type. */
  name: string;
  type: string;
  reason: string;
}

export interface SurveyJsImport {
  definition: { meta: TSurveyMeta; questions: TQuestionDefinition[] };
  unmapped: TUnmappedItem[];
  /** Question elements in the file (pages and panels not counted). */
  elementCount: number;
  /** The question elements among them that were not imported, with the reason. */
  skipped: SkippedElement[];
  /** Display conditions (visibleIf, triggers, enableIf, requiredIf) kept and left out. */
  conditions: { kept: number; dropped: number };
  /** The journey map the file was exported from, when it says so (a hint, not yet checked). */
  journeyMapHint: string | null;
}

/** Our meaning of a question, written on export and read back on import. */
export const ZQuestionCustom = z
  .object({
    type: z.enum(questionTypes).optional(),
    role: z.enum(questionRoles).optional(),
    stageId: z.string().min(1).nullable().optional(),
    stageName: z.string().min(1).nullable().optional(),
    nps: z.boolean().optional(),
    /** Persona-card wording; a file that carries a malformed one simply loses it. */
    persona: ZPersonaPhrasing.nullable().optional().catch(undefined),
    /** A matrix's row meanings and stages; a malformed list is simply lost. */
    matrixRows: z
      .array(
        z.object({
          key: z.string(),
          role: z.enum(questionRoles).optional(),
          stageId: z.string().min(1).optional(),
        }),
      )
      .optional()
      .catch(undefined),
  })
  .partial();
export type TQuestionCustom = z.infer<typeof ZQuestionCustom>;

export const ZSurveyCustom = z
  .object({
    format: z.number().optional(),
    journeyMapId: z.string().min(1).nullable().optional(),
    languages: z.array(z.string()).optional(),
  })
  .partial();

/** The meaning a question gets when the file does not say: the builder's defaults. */
export const defaultRoleForType: Record<TQuestionType, TQuestionRole> = {
  SINGLE_CHOICE: "SEGMENT",
  MULTIPLE_CHOICE: "SEGMENT",
  LIKERT: "SEGMENT",
  RATING: "OTHER",
  EMOTION: "EMOTION",
  PAIN: "PAIN",
  NUMBER: "DEMOGRAPHIC",
  SHORT_TEXT: "OTHER",
  LONG_TEXT: "THOUGHT",
  MATRIX: "SEGMENT",
};

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A finite number from a number or a numeric string (SurveyJS writes min/max either way). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}
