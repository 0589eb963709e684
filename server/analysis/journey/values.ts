// Reads the answers of the questions linked to each stage into per-respondent values on the fill's
// fixed scales: emotion valence on −2..+2 and pain severity on 0..4 (a respondent with several
// emotion or pain questions at one stage gets the mean of them, so each person counts once),
// open-text answers as written, in response order. Other scale questions with these roles are
// mapped linearly (a 1..5 Likert "how did you feel" becomes −2, −1, 0, 1, 2); their top level
// counts as severe. Blank, unreadable or out-of-scale answers are skipped and counted, so the
// caller can warn about them rather than guess a value.
import type { TQuestionType } from "~/server/domain/survey/definition";
import type {
  JourneyAnswer,
  JourneyQuestionInput,
  JourneyResponseInput,
  JourneyStageInput,
} from "./input";

export const EMOTION_RANGE = { min: -2, max: 2 } as const;
export const PAIN_RANGE = { min: 0, max: 4 } as const;

const FIXED_SCALES: Partial<Record<TQuestionType, { min: number; max: number }>> = {
  EMOTION: EMOTION_RANGE,
  PAIN: PAIN_RANGE,
  RATING: { min: 0, max: 10 },
};

/** The question's own scale, or null when it is not a scale question (or has no known ends). */
export function sourceScale(q: JourneyQuestionInput): { min: number; max: number } | null {
  const fixed = FIXED_SCALES[q.type];
  if (fixed) return fixed;
  if (q.type === "LIKERT") return q.scale ?? { min: 1, max: 5 };
  if (q.type === "NUMBER") return q.scale ?? null;
  return null;
}

export function isChoice(q: JourneyQuestionInput): boolean {
  return q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
}

export function isText(q: JourneyQuestionInput): boolean {
  return q.type === "SHORT_TEXT" || q.type === "LONG_TEXT";
}

export function readNumber(answer: JourneyAnswer): number | null {
  if (typeof answer === "number") return Number.isFinite(answer) ? answer : null;
  if (typeof answer === "string" && answer.trim() !== "") {
    const n = Number(answer.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function readText(answer: JourneyAnswer): string | null {
  return typeof answer === "string" && answer.trim() !== "" ? answer : null;
}

export function isBlank(answer: JourneyAnswer): boolean {
  return (
    answer === null ||
    answer === undefined ||
    (typeof answer === "string" && answer.trim() === "") ||
    (Array.isArray(answer) && answer.length === 0)
  );
}

export interface RespondentScore {
  /** Mean of the respondent's answers at the stage, on the target scale. */
  value: number;
  /** Each answer on the target scale. */
  answers: number[];
  /** Pain: at least one answer at the top level of its scale. */
  severe: boolean;
}

/** A row of the map: one persona's members, or (personaIndex null) every respondent. */
export interface FillRow {
  personaIndex: number | null;
  /** In input order. */
  responseIds: readonly string[];
}

export interface TextAnswer {
  responseId: string;
  questionId: string;
  text: string;
}

export interface StageValues {
  stage: JourneyStageInput;
  emotionQuestions: JourneyQuestionInput[];
  painQuestions: JourneyQuestionInput[];
  thoughtQuestions: JourneyQuestionInput[];
  goalQuestions: JourneyQuestionInput[];
  emotion: Map<string, RespondentScore>;
  pain: Map<string, RespondentScore>;
  thoughts: TextAnswer[];
}

function scores(
  questions: readonly JourneyQuestionInput[],
  responses: readonly JourneyResponseInput[],
  target: { min: number; max: number },
  skipped: Map<string, number>,
): Map<string, RespondentScore> {
  const out = new Map<string, RespondentScore>();
  for (const r of responses) {
    const answers: number[] = [];
    let severe = false;
    for (const q of questions) {
      const answer = r.answers[q.id];
      if (isBlank(answer)) continue;
      const scale = sourceScale(q);
      const x = readNumber(answer);
      if (!scale || x === null || x < scale.min || x > scale.max) {
        skipped.set(q.id, (skipped.get(q.id) ?? 0) + 1);
        continue;
      }
      answers.push(
        target.min + ((x - scale.min) / (scale.max - scale.min)) * (target.max - target.min),
      );
      if (x === scale.max) severe = true;
    }
    if (answers.length === 0) continue;
    const value = answers.reduce((a, b) => a + b, 0) / answers.length;
    out.set(r.id, { value, answers, severe });
  }
  return out;
}

/** Per stage (in map order), the values of every respondent who answered its questions. */
export function readStageValues(
  stages: readonly JourneyStageInput[],
  questions: readonly JourneyQuestionInput[],
  responses: readonly JourneyResponseInput[],
  skipped: Map<string, number>,
): StageValues[] {
  return stages.map((stage) => {
    const linked = questions.filter((q) => q.stageId === stage.id);
    const emotionQuestions = linked.filter((q) => q.role === "EMOTION" && sourceScale(q));
    const painQuestions = linked.filter((q) => q.role === "PAIN" && sourceScale(q));
    const thoughtQuestions = linked.filter((q) => q.role === "THOUGHT" && isText(q));
    const goalQuestions = linked.filter((q) => q.role === "GOAL");
    const thoughts: TextAnswer[] = [];
    for (const r of responses) {
      for (const q of thoughtQuestions) {
        const text = readText(r.answers[q.id]);
        if (text !== null) thoughts.push({ responseId: r.id, questionId: q.id, text });
      }
    }
    return {
      stage,
      emotionQuestions,
      painQuestions,
      thoughtQuestions,
      goalQuestions,
      emotion: scores(emotionQuestions, responses, EMOTION_RANGE, skipped),
      pain: scores(painQuestions, responses, PAIN_RANGE, skipped),
      thoughts,
    };
  });
}
