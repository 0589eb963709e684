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

/**
 * One scale question's answers by response position, as numbers on the question's own scale:
 * NaN when blank or unreadable. Unreadable answers are counted, with where the first one was.
 */
interface QuestionColumn {
  x: Float64Array;
  skipped: number;
  firstSkipped: number;
}

/**
 * Every given scale question's answers in one pass over the responses: each response's answers
 * are touched once for all stages, rather than once per stage and role (with a million responses
 * spread over the heap, that walk dominated the read).
 */
function readQuestionColumns(
  questions: readonly JourneyQuestionInput[],
  responses: readonly JourneyResponseInput[],
): QuestionColumn[] {
  const n = responses.length;
  const m = questions.length;
  const ids = questions.map((q) => q.id);
  const scales = questions.map(sourceScale);
  const columns = questions.map(() => new Float64Array(n));
  const skipped = new Int32Array(m);
  const firstSkipped = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    const given = (responses[i] as JourneyResponseInput).answers;
    for (let k = 0; k < m; k++) {
      const answer = given[ids[k] as string];
      let value = NaN;
      if (!isBlank(answer)) {
        const scale = scales[k];
        const x = readNumber(answer);
        if (!scale || x === null || x < scale.min || x > scale.max) {
          if (skipped[k] === 0) firstSkipped[k] = i;
          skipped[k] = (skipped[k] as number) + 1;
        } else value = x;
      }
      (columns[k] as Float64Array)[i] = value;
    }
  }
  return columns.map((x, k) => ({
    x,
    skipped: skipped[k] as number,
    firstSkipped: firstSkipped[k] as number,
  }));
}

function scoreColumn(
  questions: readonly JourneyQuestionInput[],
  read: readonly QuestionColumn[],
  n: number,
  target: { min: number; max: number },
  skipped: Map<string, number>,
): ScoreColumn {
  const value = new Float64Array(n).fill(NaN);
  const severe = new Uint8Array(n);
  const several = questions.length > 1;
  const start = several ? new Int32Array(n + 1) : null;
  const answers = several ? new Float64Array(n * questions.length) : null;
  const scales = questions.map(sourceScale) as { min: number; max: number }[];
  const columns = read.map((c) => c.x);
  let used = 0;
  let answered = 0;
  for (let i = 0; i < n; i++) {
    if (start) start[i] = used;
    let sum = 0;
    let count = 0;
    for (let k = 0; k < columns.length; k++) {
      const x = (columns[k] as Float64Array)[i] as number;
      if (Number.isNaN(x)) continue;
      const scale = scales[k] as { min: number; max: number };
      const mapped =
        target.min + ((x - scale.min) / (scale.max - scale.min)) * (target.max - target.min);
      if (answers) answers[used++] = mapped;
      // Summed left to right from 0, as a reduce over the answers would.
      sum += mapped;
      count++;
      if (x === scale.max) severe[i] = 1;
    }
    if (count > 0) {
      value[i] = sum / count;
      answered++;
    }
  }
  if (start) start[n] = used;
  // Warnings list unreadable answers in the order a per-respondent walk meets them.
  read
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => c.skipped > 0)
    .sort((a, b) => a.c.firstSkipped - b.c.firstSkipped || a.k - b.k)
    .forEach(({ c, k }) => {
      const id = (questions[k] as JourneyQuestionInput).id;
      skipped.set(id, (skipped.get(id) ?? 0) + c.skipped);
    });
  return { value, severe, start, answers, count: answered };
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
  const scaled = linked.flatMap((l) => [...l.emotion, ...l.pain]);
  const read = readQuestionColumns(scaled, responses);
  const readOf = new Map(scaled.map((q, k) => [q, read[k] as QuestionColumn]));
  const columnsOf = (qs: readonly JourneyQuestionInput[]) =>
    qs.map((q) => readOf.get(q) as QuestionColumn);
  const n = responses.length;
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
      emotion: scoreColumn(
        emotionQuestions,
        columnsOf(emotionQuestions),
        n,
        EMOTION_RANGE,
        skipped,
      ),
      pain: scoreColumn(painQuestions, columnsOf(painQuestions), n, PAIN_RANGE, skipped),
      thoughts,
      thoughtRespondent: Int32Array.from(positions),
    };
  });
}
