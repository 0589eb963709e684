// Checking a respondent's answers against a version's questions: types, ranges, options,
// display logic and required questions. Pure and shared: the public page shows the same
// messages the server enforces. Unknown or hidden answers are refused, never stored.
import type { TLocale, TQuestionDefinition } from "./definition";
import { checkMatrixAnswer, isMatrixAnswer, type MatrixAnswer } from "./matrix";
import { numericRange, textLimits } from "./scales";

/** A number, a text or choice, several choices, or a matrix's rowKey -> scale value. */
export type AnswerValue = number | string | string[] | MatrixAnswer;
export type AnswerMap = Record<string, AnswerValue | null | undefined>;

type Question = Pick<
  TQuestionDefinition,
  "key" | "type" | "required" | "options" | "settings" | "logic"
>;

const messages = {
  en: {
    required: "Please answer this question.",
    notNumber: "Enter a number.",
    whole: "Choose one of the points on the scale.",
    range: (min: number, max: number) =>
      Number.isFinite(min) && Number.isFinite(max)
        ? `Enter a value from ${min} to ${max}.`
        : Number.isFinite(min)
          ? `Enter ${min} or more.`
          : `Enter ${max} or less.`,
    option: "Choose one of the options shown.",
    options: "Choose from the options shown.",
    text: "Enter text.",
    tooLong: (max: number) => `Keep this under ${max} characters.`,
    unknown: "This question is not part of the survey.",
    hidden: "This question does not apply to your earlier answers.",
    matrixRows: "Please rate every row.",
    matrixPoint: "Choose one of the points on the scale for each row.",
  },
  de: {
    required: "Bitte beantworten Sie diese Frage.",
    notNumber: "Bitte geben Sie eine Zahl ein.",
    whole: "Bitte wählen Sie einen Punkt der Skala.",
    range: (min: number, max: number) =>
      Number.isFinite(min) && Number.isFinite(max)
        ? `Bitte einen Wert von ${min} bis ${max} eingeben.`
        : Number.isFinite(min)
          ? `Bitte ${min} oder mehr eingeben.`
          : `Bitte ${max} oder weniger eingeben.`,
    option: "Bitte wählen Sie eine der angezeigten Optionen.",
    options: "Bitte wählen Sie aus den angezeigten Optionen.",
    text: "Bitte geben Sie Text ein.",
    tooLong: (max: number) => `Bitte weniger als ${max} Zeichen.`,
    unknown: "Diese Frage gehört nicht zur Umfrage.",
    hidden: "Diese Frage trifft auf Ihre vorherigen Antworten nicht zu.",
    matrixRows: "Bitte bewerten Sie jede Zeile.",
    matrixPoint: "Bitte wählen Sie für jede Zeile einen Punkt der Skala.",
  },
} satisfies Record<TLocale, unknown>;

const isEmpty = (value: AnswerValue | null | undefined): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0) ||
  (isMatrixAnswer(value) && Object.values(value).every((v) => v === null || v === undefined));

/** Whether a question is shown, given the answers so far (its logic source must be visible too). */
export function isVisible(
  question: Question,
  answers: AnswerMap,
  byKey: Map<string, Question>,
  depth = 0,
): boolean {
  const logic = question.logic;
  if (!logic) return true;
  const source = byKey.get(logic.questionKey);
  if (!source || depth > 50 || !isVisible(source, answers, byKey, depth + 1)) return false;
  const answer = answers[logic.questionKey];
  if (isEmpty(answer)) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  switch (logic.operator) {
    case "equals":
      return given.some((v) => String(v) === String(logic.value));
    case "oneOf": {
      const allowed = (Array.isArray(logic.value) ? logic.value : [logic.value]).map(String);
      return given.some((v) => allowed.includes(String(v)));
    }
    case "greaterThan":
      return typeof answer === "number" && answer > Number(logic.value);
  }
}

export function visibleQuestionKeys(questions: Question[], answers: AnswerMap): Set<string> {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return new Set(questions.filter((q) => isVisible(q, answers, byKey)).map((q) => q.key));
}

/** Normalises one answer or returns the message explaining why it is not acceptable. */
export function checkAnswer(
  question: Question,
  raw: AnswerValue,
  locale: TLocale = "en",
): { ok: true; value: AnswerValue } | { ok: false; message: string } {
  const m = messages[locale];
  const range = numericRange(question);
  if (range) {
    const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    if (typeof n !== "number" || !Number.isFinite(n)) return { ok: false, message: m.notNumber };
    if (range.integer && !Number.isInteger(n)) return { ok: false, message: m.whole };
    if (n < range.min || n > range.max) {
      return { ok: false, message: m.range(range.min, range.max) };
    }
    return { ok: true, value: n };
  }
  if (question.type === "MATRIX") {
    const checked = checkMatrixAnswer(question, raw);
    if (!checked.ok) return { ok: false, message: m.matrixPoint };
    return { ok: true, value: checked.value };
  }
  if (isMatrixAnswer(raw)) return { ok: false, message: m.text };
  const optionValues = question.options.map((o) => o.value);
  switch (question.type) {
    case "SINGLE_CHOICE":
      return typeof raw === "string" && optionValues.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: m.option };
    case "MULTIPLE_CHOICE": {
      const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : null;
      if (!list || !list.every((v) => optionValues.includes(v))) {
        return { ok: false, message: m.options };
      }
      // Keep the options' own order and drop repeats, so equal answers compare equal.
      return { ok: true, value: optionValues.filter((v) => list.includes(v)) };
    }
    case "SHORT_TEXT":
    case "LONG_TEXT": {
      if (typeof raw !== "string") return { ok: false, message: m.text };
      const value = raw.trim();
      const max = textLimits[question.type];
      return value.length > max ? { ok: false, message: m.tooLong(max) } : { ok: true, value };
    }
    default:
      return { ok: false, message: m.unknown };
  }
}

export interface AnswerCheck {
  values: Record<string, AnswerValue>;
  errors: Record<string, string>;
}

/**
 * Checks a whole set of answers. With `complete`, visible required questions must be answered.
 * Answers to unknown questions, or to questions hidden by display logic, are errors.
 */
export function checkAnswers(
  questions: Question[],
  answers: AnswerMap,
  options: { complete: boolean; locale?: TLocale },
): AnswerCheck {
  const locale = options.locale ?? "en";
  const m = messages[locale];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const values: Record<string, AnswerValue> = {};
  const errors: Record<string, string> = {};

  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) errors[key] = m.unknown;
  }
  for (const question of questions) {
    const raw = answers[question.key];
    const visible = isVisible(question, answers, byKey);
    if (isEmpty(raw)) {
      if (visible && question.required && options.complete) errors[question.key] = m.required;
      continue;
    }
    if (!visible) {
      errors[question.key] = m.hidden;
      continue;
    }
    const checked = checkAnswer(question, raw as AnswerValue, locale);
    if (!checked.ok) errors[question.key] = checked.message;
    else if (question.required && options.complete && missingMatrixRows(question, checked.value)) {
      // Required applies per row: a half-rated matrix is not an answer yet.
      errors[question.key] = m.matrixRows;
    } else values[question.key] = checked.value;
  }
  return { values, errors };
}

const missingMatrixRows = (question: Question, value: AnswerValue): boolean =>
  question.type === "MATRIX" &&
  isMatrixAnswer(value) &&
  (question.settings.matrix?.rows ?? []).some((row) => value[row.key] === undefined);
