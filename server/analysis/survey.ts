// The analysis engine's input contract: question definitions (what was asked, how it is answered
// and what part it plays in a persona) and responses. Roles decide what a question is used for:
// SEGMENT questions are clustered on; every other closed question only describes the personas,
// so that, say, age can characterise a persona without deciding who belongs to it.
import { z } from "zod";
import { questionRoles } from "~/server/domain/survey/question-vocabulary";

export const QUESTION_KINDS = ["categorical", "multi", "ordinal", "numeric", "text"] as const;

// The roles are the survey builder's own: server/domain is the leaf that holds the one list.
export const ZQuestionRole = z.enum(questionRoles);
export const ZQuestionKind = z.enum(QUESTION_KINDS);
export type QuestionRole = z.infer<typeof ZQuestionRole>;
export type QuestionKind = z.infer<typeof ZQuestionKind>;

/**
 * How a persona card words one end of a scale or one option: `phrase` reads after a name
 * ("hunts for the best price"), `title` is a short archetype noun ("Price Hunter"). Empty strings
 * mean "no wording given"; the card then builds one from the labels.
 */
export const ZPersonaPhrase = z.object({
  phrase: z.string().default(""),
  title: z.string().default(""),
});
export type PersonaPhrase = z.infer<typeof ZPersonaPhrase>;

export const ZPersonaPhrasing = z.object({
  high: ZPersonaPhrase.optional(),
  low: ZPersonaPhrase.optional(),
  /** Keyed by option value. */
  options: z.record(z.string(), ZPersonaPhrase).optional(),
});
export type PersonaPhrasing = z.infer<typeof ZPersonaPhrasing>;

/** The fields of a question, without cross-field checks (extend this, then refine). */
export const ZQuestionFields = z.object({
  id: z.string().min(1),
  label: z.string(),
  role: ZQuestionRole,
  kind: ZQuestionKind,
  /** categorical / multi: the possible answers; ordinal: answer labels in scale order. */
  options: z.array(z.string()).optional(),
  /** ordinal / numeric: the scale's ends. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** categorical / multi: option value -> the label respondents saw, so nothing shows a key. */
  optionLabels: z.record(z.string(), z.string()).optional(),
  /** Researcher-written wording for persona cards. */
  persona: ZPersonaPhrasing.optional(),
});

export function rangeIsOrdered(q: { min?: number; max?: number }): boolean {
  return q.min === undefined || q.max === undefined || q.min < q.max;
}

export const ZQuestionDefinition = ZQuestionFields.refine(rangeIsOrdered, {
  message: "min must be below max",
});
export type QuestionDefinition = z.infer<typeof ZQuestionDefinition>;

/** One answer: a number or label, a list for multi-selects, null/undefined when skipped. */
export type Answer = string | number | boolean | readonly string[] | null | undefined;

export interface SurveyResponse {
  id: string;
  answers: Readonly<Record<string, Answer>>;
}

export interface AnalysisInput {
  questions: readonly QuestionDefinition[];
  responses: readonly SurveyResponse[];
}

/** Questions whose answers can be counted or averaged (free text cannot be tested). */
export function isClosedQuestion(question: QuestionDefinition): boolean {
  return question.kind !== "text";
}

/**
 * A stage of the journey a survey speaks to, as survey.json lists it (in map order). Questions
 * name their stage by this id; the journey filler reads each stage's EMOTION, PAIN, THOUGHT and
 * GOAL questions into one cell per persona.
 */
export const ZSurveyStage = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});
export type SurveyStage = z.infer<typeof ZSurveyStage>;

/** Stage ids are unique and every question's stage is one of them. */
export function checkSurveyStages(
  stages: readonly SurveyStage[] | undefined,
  questions: readonly { id: string; stage?: string }[],
): { path: (string | number)[]; message: string } | null {
  const ids = new Set<string>();
  for (const [i, s] of (stages ?? []).entries()) {
    if (ids.has(s.id))
      return { path: ["stages", i, "id"], message: `stage ${s.id} is listed twice` };
    ids.add(s.id);
  }
  for (const [i, q] of questions.entries()) {
    if (q.stage !== undefined && !ids.has(q.stage)) {
      return {
        path: ["questions", i, "stage"],
        message: `question ${q.id} names stage "${q.stage}", which "stages" does not list`,
      };
    }
  }
  return null;
}
