// The respondent form's rules, pure so they can be tested without a browser: which pages are
// shown (display logic skips pages with nothing visible), what a page's answers are missing,
// what is sent to the server, and the per-respondent option order.
import {
  checkAnswer,
  choseOther,
  otherTextKey,
  QuestionStates,
  visibleQuestionKeys,
  type AnswerMap,
  type AnswerValue,
} from "~/server/domain/survey/answers";
import type {
  TLocale,
  TLocalizedText,
  TQuestionDefinition,
} from "~/server/domain/survey/definition";
import { isMatrixAnswer, matrixRows } from "~/server/domain/survey/matrix";

/** What the browser gets of a question: no ids, roles or stages. */
export type RespondentQuestion = Pick<
  TQuestionDefinition,
  | "key"
  | "type"
  | "page"
  | "required"
  | "randomizeOptions"
  | "text"
  | "help"
  | "options"
  | "settings"
  | "logic"
>;

export interface RespondentSurvey {
  slug: string;
  title: string;
  description: string;
  /** German wording, when written (surveyWording falls back to the English). */
  titleDe?: string;
  descriptionDe?: string;
  languages: TLocale[];
  versionNumber: number;
  questions: RespondentQuestion[];
}

/** Answers as the form holds them: a number field keeps the text typed so far. */
export type DraftAnswers = Record<string, AnswerValue>;

const otherTextMessage: Record<TLocale, string> = {
  en: "Please say what “Other” means for you.",
  de: "Bitte beschreiben Sie, was „Sonstiges“ für Sie ist.",
};

const requiredMessage: Record<TLocale, string> = {
  en: "Please answer this question.",
  de: "Bitte beantworten Sie diese Frage.",
};

export function isBlank(value: AnswerValue | null | undefined): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0) ||
    (isMatrixAnswer(value) && Object.keys(value).length === 0)
  );
}

const matrixRowsMessage: Record<TLocale, string> = {
  en: "Please rate every row.",
  de: "Bitte bewerten Sie jede Zeile.",
};

/**
 * The answers as the server will read them: filled, acceptable and normalised (numbers as
 * numbers, text trimmed). Display logic runs on this, so the page shows what the server expects.
 */
export function normalizedAnswers(
  questions: RespondentQuestion[],
  answers: DraftAnswers,
): AnswerMap {
  const out: AnswerMap = {};
  for (const question of questions) {
    const value = answers[question.key];
    if (value === undefined || isBlank(value)) continue;
    const checked = checkAnswer(question, value, "en");
    if (checked.ok) out[question.key] = checked.value;
  }
  return out;
}

export function visibleKeys(questions: RespondentQuestion[], answers: DraftAnswers): Set<string> {
  return visibleQuestionKeys(questions, normalizedAnswers(questions, answers));
}

/** Page numbers that have at least one visible question, in order. */
export function visiblePages(questions: RespondentQuestion[], answers: DraftAnswers): number[] {
  const visible = visibleKeys(questions, answers);
  const pages = new Set(questions.filter((q) => visible.has(q.key)).map((q) => q.page));
  return [...pages].sort((a, b) => a - b);
}

/** A question as the page shows it now: required and answerable as its conditions say. */
export type ShownQuestion = RespondentQuestion & { disabled: boolean };

/**
 * The page's visible questions. `required` is what applies now (its flag or its required
 * condition, and never while disabled); `disabled` is set while its enable condition fails.
 */
export function questionsOnPage(
  questions: RespondentQuestion[],
  answers: DraftAnswers,
  page: number,
): ShownQuestion[] {
  const states = new QuestionStates(questions, normalizedAnswers(questions, answers));
  return questions
    .filter((q) => q.page === page && states.isVisible(q))
    .map((q) => ({ ...q, required: states.isRequired(q), disabled: !states.isEnabled(q) }));
}

/**
 * A page's own title and description, when the survey has them (pages imported from SurveyJS
 * carry them on their first question). Null when the page has neither.
 */
export function pageHeading(
  questions: RespondentQuestion[],
  page: number,
): { title?: TLocalizedText; description?: TLocalizedText } | null {
  const carrier = questions.find((q) => q.page === page && q.settings.surveyJs?.page);
  const origin = carrier?.settings.surveyJs?.page;
  if (!origin?.title && !origin?.description) return null;
  return { title: origin.title, description: origin.description };
}

/** The page to show: the stored one if still visible, else the next visible after it. */
export function resolvePage(pages: number[], wanted: number): number {
  return pages.find((p) => p >= wanted) ?? pages[pages.length - 1] ?? 0;
}

/** Messages for one page's visible questions: required answers and the server's own checks. */
export function checkPage(
  questions: RespondentQuestion[],
  answers: DraftAnswers,
  page: number,
  locale: TLocale,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const question of questionsOnPage(questions, answers, page)) {
    if (question.disabled) continue;
    const message = checkOne(question, answers[question.key], locale);
    if (message) errors[question.key] = message;
    const other = otherTextKey(question.key);
    if (choseOther(question, answers[question.key]) && isBlank(answers[other])) {
      errors[other] = otherTextMessage[locale];
    }
  }
  return errors;
}

export function checkOne(
  question: RespondentQuestion,
  value: AnswerValue | undefined,
  locale: TLocale,
): string | null {
  if (isBlank(value)) return question.required ? requiredMessage[locale] : null;
  const checked = checkAnswer(question, value as AnswerValue, locale);
  if (!checked.ok) return checked.message;
  // Required applies to every row of a matrix, as the server checks it.
  const missing = matrixRows(question).some(
    (row) => isMatrixAnswer(checked.value) && checked.value[row.key] === undefined,
  );
  return question.required && missing ? matrixRowsMessage[locale] : null;
}

/**
 * What is sent: the normalised answers to visible, answerable questions (hidden or disabled
 * ones stay on the device).
 */
export function answersToSend(questions: RespondentQuestion[], answers: DraftAnswers): AnswerMap {
  const normalized = normalizedAnswers(questions, answers);
  const states = new QuestionStates(questions, normalized);
  const applies = new Set(
    questions.filter((q) => states.isVisible(q) && states.isEnabled(q)).map((q) => q.key),
  );
  const sent: AnswerMap = Object.fromEntries(
    Object.entries(normalized).filter(([key]) => applies.has(key)),
  );
  // The "Other (please specify)" text goes along only while "Other" is chosen.
  for (const question of questions) {
    const text = answers[otherTextKey(question.key)];
    if (choseOther(question, sent[question.key]) && typeof text === "string" && text.trim()) {
      sent[otherTextKey(question.key)] = text.trim();
    }
  }
  return sent;
}

/** Keeps the answers that still fit the questions (after a new version was published). */
export function keepFittingAnswers(
  questions: RespondentQuestion[],
  answers: DraftAnswers,
): DraftAnswers {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const otherKeys = new Set(
    questions.filter((q) => q.settings.otherTextFor).map((q) => otherTextKey(q.key)),
  );
  return Object.fromEntries(
    Object.entries(answers).filter(([key, value]) => {
      if (otherKeys.has(key)) return typeof value === "string";
      const question = byKey.get(key);
      return question !== undefined && (isBlank(value) || checkAnswer(question, value).ok);
    }),
  );
}

/** FNV-1a: a small, stable string hash for seeding. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: deterministic numbers in [0, 1) from a 32-bit seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffle that is the same every time for the same seed (the response id and question key). */
export function seededOrder<T>(items: readonly T[], seed: string): T[] {
  const next = random(hash(seed));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
