// Checking a respondent's answers against a version's questions: types, ranges, options,
// display, enable and required conditions, and required questions. Pure and shared: the public page shows the same
// messages the server enforces. Unknown or hidden answers are refused, never stored.
import { evaluateCondition, type ConditionAnswer } from "./condition-rules";
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
    otherText: "Please say what “Other” means for you.",
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
    otherText: "Bitte beschreiben Sie, was „Sonstiges“ für Sie ist.",
    matrixRows: "Bitte bewerten Sie jede Zeile.",
    matrixPoint: "Bitte wählen Sie für jede Zeile einen Punkt der Skala.",
  },
} satisfies Record<TLocale, unknown>;

/**
 * The answer key of the text typed next to a question's "Other (please specify)" option. The
 * suffix is SurveyJS's own, so data collected with SurveyJS matches; a question key cannot
 * contain "-", so it never collides with a question.
 */
export const otherTextKey = (key: string) => `${key}-Comment`;
export const otherTextMax = 500;

/** Whether the answer to a question with an "Other" text chose that option. */
export function choseOther(question: Pick<Question, "settings">, value: unknown): boolean {
  const other = question.settings.otherTextFor;
  if (!other) return false;
  return Array.isArray(value) ? value.includes(other) : value === other;
}

const isEmpty = (value: AnswerValue | null | undefined): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0) ||
  (isMatrixAnswer(value) && Object.values(value).every((v) => v === null || v === undefined));

/**
 * Which questions apply to a set of answers: shown (display logic), answerable (enable
 * condition) and required (flag or required condition). Conditions read only answers of shown
 * questions, so hiding a question also switches off whatever depended on it.
 */
export class QuestionStates {
  private readonly byKey: Map<string, Question>;
  private readonly visible = new Map<string, boolean>();

  constructor(
    questions: Question[],
    private readonly answers: AnswerMap,
  ) {
    this.byKey = new Map(questions.map((q) => [q.key, q]));
  }

  /** A shown question's answer; undefined when the question is hidden or unknown. */
  readonly answerOf = (key: string): ConditionAnswer => {
    const question = this.byKey.get(key);
    if (!question || !this.isVisible(question)) return undefined;
    const value = this.answers[key];
    // Conditions do not compare a matrix's points; they see which rows were rated (so
    // empty / not empty and "contains <row>" still mean something).
    return isMatrixAnswer(value) ? Object.keys(value) : value;
  };

  isVisible(question: Question): boolean {
    const known = this.visible.get(question.key);
    if (known !== undefined) return known;
    // Mark first: a (malformed) cycle reads as hidden instead of recursing forever.
    this.visible.set(question.key, false);
    const shown = !question.logic || evaluateCondition(question.logic, this.answerOf);
    this.visible.set(question.key, shown);
    return shown;
  }

  isEnabled(question: Question): boolean {
    const condition = question.settings.enableIf;
    return !condition || evaluateCondition(condition, this.answerOf);
  }

  /** Shown, answerable and required by its flag or its required condition. */
  isRequired(question: Question): boolean {
    if (!this.isVisible(question) || !this.isEnabled(question)) return false;
    const condition = question.settings.requiredIf;
    return question.required || (!!condition && evaluateCondition(condition, this.answerOf));
  }
}

/** Whether a question is shown, given the answers so far. */
export function isVisible(question: Question, answers: AnswerMap, questions: Question[]): boolean {
  return new QuestionStates(questions, answers).isVisible(question);
}

export function visibleQuestionKeys(questions: Question[], answers: AnswerMap): Set<string> {
  const states = new QuestionStates(questions, answers);
  return new Set(questions.filter((q) => states.isVisible(q)).map((q) => q.key));
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
  const states = new QuestionStates(questions, answers);
  const values: Record<string, AnswerValue> = {};
  const errors: Record<string, string> = {};

  const withOther = new Map(
    questions.filter((q) => q.settings.otherTextFor).map((q) => [otherTextKey(q.key), q]),
  );
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key) && !withOther.has(key)) errors[key] = m.unknown;
  }
  for (const question of questions) {
    const raw = answers[question.key];
    const applies = states.isVisible(question) && states.isEnabled(question);
    if (isEmpty(raw)) {
      if (options.complete && states.isRequired(question)) errors[question.key] = m.required;
      continue;
    }
    if (!applies) {
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
  // "Other (please specify)": the text belongs to a chosen "Other" and is needed to complete.
  for (const [key, question] of withOther) {
    const text = answers[key];
    const chosen = values[question.key] !== undefined && choseOther(question, values[question.key]);
    if (isEmpty(text)) {
      if (chosen && options.complete) errors[key] = m.otherText;
    } else if (!chosen) {
      errors[key] = m.hidden;
    } else if (typeof text !== "string") {
      errors[key] = m.text;
    } else if (text.trim().length > otherTextMax) {
      errors[key] = m.tooLong(otherTextMax);
    } else {
      values[key] = text.trim();
    }
  }
  return { values, errors };
}

const missingMatrixRows = (question: Question, value: AnswerValue): boolean =>
  question.type === "MATRIX" &&
  isMatrixAnswer(value) &&
  (question.settings.matrix?.rows ?? []).some((row) => value[row.key] === undefined);
