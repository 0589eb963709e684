// Reads the answers of the questions linked to each stage into per-respondent values on the fill's
// fixed scales: emotion valence on −2..+2 and pain severity on 0..4 (a respondent with several
// emotion or pain questions at one stage gets the mean of them, so each person counts once),
// open-text answers as written, in response order. Other scale questions with these roles are
// mapped linearly (a 1..5 Likert "how did you feel" becomes −2, −1, 0, 1, 2); their top level
// counts as severe. Blank, unreadable or out-of-scale answers are skipped and counted, so the
// caller can warn about them rather than guess a value.
//
// The fill keeps these values as columns indexed by a respondent's position in the input (typed
// arrays, NaN for "no answer"), not as an object per respondent keyed by id: with a million
// respondents the per-answer objects and string lookups were most of the fill's time.
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

/** One respondent's score at a stage, keyed by response id (the map form emotionChanges reads). */
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

/**
 * One stage's scores of one kind (emotion or pain), one slot per respondent in input order:
 * columns rather than an object per respondent, so a million respondents cost a few typed arrays.
 */
export interface ScoreColumn {
  /** Mean of the respondent's answers on the target scale; NaN when they gave none readable. */
  value: Float64Array;
  /** 1 when at least one answer sits at the top of its scale (pain: severe). */
  severe: Uint8Array;
  /**
   * Respondent i's answers on the target scale are answers[start[i]] .. answers[start[i + 1] − 1].
   * Null when the stage has at most one question of this kind: the value is then the one answer.
   */
  start: Int32Array | null;
  answers: Float64Array | null;
  /** Respondents with a value. */
  count: number;
}

/** Per stage (in map order): its questions by role and its respondents' values, indexed by position. */
export interface StageColumns {
  stage: JourneyStageInput;
  emotionQuestions: JourneyQuestionInput[];
  painQuestions: JourneyQuestionInput[];
  thoughtQuestions: JourneyQuestionInput[];
  goalQuestions: JourneyQuestionInput[];
  emotion: ScoreColumn;
  pain: ScoreColumn;
  /** Open-text answers in response order (then question order). */
  thoughts: TextAnswer[];
  /** Position of each thought's respondent in the responses. */
  thoughtRespondent: Int32Array;
}

/** A score column being read: its questions, their scales, and the arrays being filled. */
interface ColumnRead {
  ids: string[];
  scales: { min: number; max: number }[];
  target: { min: number; max: number };
  /** Each question's place in the list of all read questions (for the skip counts). */
  questionAt: number[];
  column: ScoreColumn;
  used: number;
}

function startColumn(
  questions: readonly JourneyQuestionInput[],
  firstQuestionAt: number,
  n: number,
  target: { min: number; max: number },
): ColumnRead {
  const several = questions.length > 1;
  return {
    ids: questions.map((q) => q.id),
    scales: questions.map(sourceScale) as { min: number; max: number }[],
    target,
    questionAt: questions.map((_, k) => firstQuestionAt + k),
    column: {
      value: new Float64Array(n).fill(NaN),
      severe: new Uint8Array(n),
      start: several ? new Int32Array(n + 1) : null,
      answers: several ? new Float64Array(n * questions.length) : null,
      count: 0,
    },
    used: 0,
  };
}

/**
 * Every stage's emotion and pain columns in one pass over the responses: each response's answers
 * are touched once for all stages rather than once per stage and role (with a million responses
 * spread over the heap, those walks dominated the read), and straight into the columns, so no
 * array per question is made on the way. Unreadable answers are counted per question, with the
 * position of the first, so the warnings can list them in the order a walk per column meets them.
 */
function readScoreColumns(
  reads: readonly ColumnRead[],
  questionCount: number,
  responses: readonly JourneyResponseInput[],
): { skipped: Int32Array; firstSkipped: Int32Array } {
  const n = responses.length;
  const skipped = new Int32Array(questionCount);
  const firstSkipped = new Int32Array(questionCount).fill(-1);
  for (let i = 0; i < n; i++) {
    const given = (responses[i] as JourneyResponseInput).answers;
    for (let c = 0; c < reads.length; c++) {
      const read = reads[c] as ColumnRead;
      const { ids, scales, target, column } = read;
      const { start, answers } = column;
      if (start) start[i] = read.used;
      let sum = 0;
      let count = 0;
      for (let k = 0; k < ids.length; k++) {
        const answer = given[ids[k] as string];
        if (isBlank(answer)) continue;
        const scale = scales[k] as { min: number; max: number };
        const x = readNumber(answer);
        if (x === null || x < scale.min || x > scale.max) {
          const q = read.questionAt[k] as number;
          if (skipped[q] === 0) firstSkipped[q] = i;
          skipped[q] = (skipped[q] as number) + 1;
          continue;
        }
        const mapped =
          target.min + ((x - scale.min) / (scale.max - scale.min)) * (target.max - target.min);
        if (answers) answers[read.used++] = mapped;
        // Summed left to right from 0, as a reduce over the answers would.
        sum += mapped;
        count++;
        if (x === scale.max) column.severe[i] = 1;
      }
      if (count > 0) {
        column.value[i] = sum / count;
        column.count++;
      }
    }
  }
  for (const read of reads) if (read.column.start) read.column.start[n] = read.used;
  return { skipped, firstSkipped };
}

/** Per stage (in map order), every respondent's values, as columns indexed by response position. */
export function readStageColumns(
  stages: readonly JourneyStageInput[],
  questions: readonly JourneyQuestionInput[],
  responses: readonly JourneyResponseInput[],
  skipped: Map<string, number>,
): StageColumns[] {
  const linked = stages.map((stage) => {
    const atStage = questions.filter((q) => q.stageId === stage.id);
    return {
      emotion: atStage.filter((q) => q.role === "EMOTION" && sourceScale(q)),
      pain: atStage.filter((q) => q.role === "PAIN" && sourceScale(q)),
      thought: atStage.filter((q) => q.role === "THOUGHT" && isText(q)),
      goal: atStage.filter((q) => q.role === "GOAL"),
    };
  });
  const n = responses.length;
  // Columns in stage order, emotion before pain: the order unreadable answers are reported in.
  const reads: ColumnRead[] = [];
  let questionCount = 0;
  for (const l of linked) {
    for (const [questions, target] of [
      [l.emotion, EMOTION_RANGE],
      [l.pain, PAIN_RANGE],
    ] as const) {
      reads.push(startColumn(questions, questionCount, n, target));
      questionCount += questions.length;
    }
  }
  const counted = readScoreColumns(reads, questionCount, responses);
  for (const read of reads) {
    read.questionAt
      .map((q, k) => ({ q, k }))
      .filter(({ q }) => (counted.skipped[q] as number) > 0)
      .sort(
        (a, b) =>
          (counted.firstSkipped[a.q] as number) - (counted.firstSkipped[b.q] as number) ||
          a.k - b.k,
      )
      .forEach(({ q, k }) => {
        const id = read.ids[k] as string;
        skipped.set(id, (skipped.get(id) ?? 0) + (counted.skipped[q] as number));
      });
  }
  return stages.map((stage, s) => {
    const {
      emotion: emotionQuestions,
      pain: painQuestions,
      thought: thoughtQuestions,
      goal: goalQuestions,
    } = linked[s] as (typeof linked)[number];
    const thoughts: TextAnswer[] = [];
    const positions: number[] = [];
    if (thoughtQuestions.length > 0) {
      for (let i = 0; i < responses.length; i++) {
        const r = responses[i] as JourneyResponseInput;
        for (const q of thoughtQuestions) {
          const text = readText(r.answers[q.id]);
          if (text !== null) {
            thoughts.push({ responseId: r.id, questionId: q.id, text });
            positions.push(i);
          }
        }
      }
    }
    return {
      stage,
      emotionQuestions,
      painQuestions,
      thoughtQuestions,
      goalQuestions,
      emotion: (reads[2 * s] as ColumnRead).column,
      pain: (reads[2 * s + 1] as ColumnRead).column,
      thoughts,
      thoughtRespondent: Int32Array.from(positions),
    };
  });
}
