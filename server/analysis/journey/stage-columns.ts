// Reads the answers of the questions linked to each stage into per-respondent values on the fill's
// fixed scales: emotion valence on −2..+2 and pain severity on 0..4 (a respondent with several
// emotion or pain questions at one stage gets the mean of them, so each person counts once),
// open-text answers as written, in response order. Other scale questions with these roles are
// mapped linearly (a 1..5 Likert "how did you feel" becomes −2, −1, 0, 1, 2); their top level
// counts as severe. Blank, unreadable or out-of-scale answers are skipped and counted, so the
// caller can warn about them rather than guess a value. The values land in columns indexed by
// response position (values.ts, ScoreColumn), one byte per respondent where a code suffices.
import type { JourneyQuestionInput, JourneyResponseInput, JourneyStageInput } from "./input";
import {
  EMOTION_RANGE,
  PAIN_RANGE,
  isBlank,
  isText,
  readNumber,
  readText,
  sourceScale,
  type ScoreColumn,
  type TextAnswer,
} from "./values";

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

/** Codes a byte can hold besides 0 (no value). */
const MAX_CODES = 255;

/** A score column being read: its questions, their scales, and the arrays being filled. */
interface ColumnRead {
  ids: string[];
  scales: { min: number; max: number }[];
  target: { min: number; max: number };
  /** Each question's place in the list of all read questions (for the skip counts). */
  questionAt: number[];
  column: ScoreColumn;
  /** Coded columns: the code of each distinct answer read so far (0: none yet). */
  codeOfSmall: Int16Array;
  codeOf: Map<number, number>;
  /** Coded columns: per code, the mapped value and severe flag (code 0: no value). */
  codeValues: number[];
  codeSevere: number[];
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
      code: several ? null : new Uint8Array(n),
      codeValue: Float64Array.of(NaN),
      codeSevere: Uint8Array.of(0),
      value: several ? new Float64Array(n).fill(NaN) : null,
      severe: several ? new Uint8Array(n) : null,
      start: several ? new Int32Array(n + 1) : null,
      answers: several ? new Float64Array(n * questions.length) : null,
      count: 0,
    },
    codeOfSmall: new Int16Array(2 * SMALL_ANSWERS + 1),
    codeOf: new Map(),
    codeValues: [NaN],
    codeSevere: [0],
    used: 0,
  };
}

/** Whole answers within ±SMALL_ANSWERS find their code in a table rather than a Map. */
const SMALL_ANSWERS = 64;

/**
 * The code of a readable answer x of a coded column (its mapped value and severe flag found
 * once per distinct answer), or 0 when the column has run out of codes.
 */
function codeOfAnswer(read: ColumnRead, x: number, mapped: number, severe: boolean): number {
  const small = (x | 0) === x && x >= -SMALL_ANSWERS && x <= SMALL_ANSWERS;
  const known = small ? (read.codeOfSmall[x + SMALL_ANSWERS] as number) : (read.codeOf.get(x) ?? 0);
  if (known > 0) return known;
  if (read.codeValues.length > MAX_CODES) return 0;
  const code = read.codeValues.length;
  read.codeValues.push(mapped);
  read.codeSevere.push(severe ? 1 : 0);
  if (small) read.codeOfSmall[x + SMALL_ANSWERS] = code;
  else read.codeOf.set(x, code);
  return code;
}

/** A coded column with more distinct answers than codes: its values kept whole from here on. */
function uncode(read: ColumnRead, upTo: number): void {
  const column = read.column;
  const code = column.code as Uint8Array;
  const value = new Float64Array(code.length).fill(NaN);
  const severe = new Uint8Array(code.length);
  for (let i = 0; i < upTo; i++) {
    const c = code[i] as number;
    value[i] = read.codeValues[c] as number;
    severe[i] = read.codeSevere[c] as number;
  }
  column.code = null;
  column.value = value;
  column.severe = severe;
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
      let severe = false;
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
        if (x === scale.max) severe = true;
        if (column.code !== null) {
          // One question: the value is this answer's, kept as its code.
          const code = codeOfAnswer(read, x, 0 + mapped, severe);
          if (code > 0) column.code[i] = code;
          else {
            uncode(read, i);
            (column.value as Float64Array)[i] = 0 + mapped;
            if (severe) (column.severe as Uint8Array)[i] = 1;
          }
          column.count++;
          continue;
        }
        if (answers) answers[read.used++] = mapped;
        // Summed left to right from 0, as a reduce over the answers would.
        sum += mapped;
        count++;
      }
      if (count > 0) {
        (column.value as Float64Array)[i] = sum / count;
        if (severe) (column.severe as Uint8Array)[i] = 1;
        column.count++;
      }
    }
  }
  for (const read of reads) {
    if (read.column.start) read.column.start[n] = read.used;
    read.column.codeValue = Float64Array.from(read.codeValues);
    read.column.codeSevere = Uint8Array.from(read.codeSevere);
  }
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
