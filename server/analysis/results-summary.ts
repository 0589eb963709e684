// The results summary of a survey: per question, what people answered (counts and shares with
// Wilson intervals for choices; mean, median, intervals and the distribution for scales and
// numbers; NPS for a 0–10 recommendation rating; the text answers with repeats and themes), and
// how far respondents got, page by page. Respondents can be narrowed to those who gave one answer
// ("only people who chose X") and questions to one journey stage. Pure: the service loads rows
// and passes plain questions and responses.
import {
  countRow,
  npsFigures,
  numberDistribution,
  numericFigures,
  scaleDistribution,
  type CountRow,
  type NpsFigures,
  type NumericFigures,
} from "./results-figures";
import { summariseTexts } from "./text/summarise";
import { isMissingAnswer } from "./text/quotes";

export type SummaryQuestionType =
  | "SINGLE_CHOICE"
  | "MULTIPLE_CHOICE"
  | "LIKERT"
  | "RATING"
  | "EMOTION"
  | "PAIN"
  | "NUMBER"
  | "SHORT_TEXT"
  | "LONG_TEXT";

export interface SummaryQuestion {
  key: string;
  type: SummaryQuestionType;
  label: string;
  page: number;
  stageId: string | null;
  /** Choice questions: value and the label respondents saw. */
  options: readonly { value: string; label: string }[];
  /** Fixed scales (Likert, rating, emotion, pain): every point in order with its words. */
  scale?: readonly { value: number; label: string }[];
  /** A 0–10 rating that asks about recommending (or is marked as NPS): its NPS is reported. */
  nps?: boolean;
}

export type SummaryAnswer = number | string | readonly string[];

export interface SummaryResponse {
  id: string;
  status: "PARTIAL" | "COMPLETE";
  answers: Readonly<Record<string, SummaryAnswer>>;
}

export interface AnswerFilter {
  questionKey: string;
  /** An option value, or a number written as text for scale questions. */
  value: string;
}

export interface ResultsSummaryOptions {
  confidence?: number;
  /** Keep only respondents who gave this answer. */
  answer?: AnswerFilter;
  /** Keep only the questions of this journey stage (the funnel still spans every page). */
  stageId?: string;
  /** Themes of text answers (slower: every answer is read); default true. */
  themes?: boolean;
}

interface BaseSummary {
  key: string;
  label: string;
  type: SummaryQuestionType;
  page: number;
  stageId: string | null;
  /** Respondents who answered this question. */
  n: number;
  /** Respondents in the summary who did not answer it (skipped, hidden, or not reached). */
  unanswered: number;
}

export interface ChoiceSummary extends BaseSummary {
  kind: "choice";
  /** One row per option in the survey's order; values outside the options come last. */
  rows: CountRow[];
  /** Multiple choice: shares are of the n who answered and can add up to more than 100 %. */
  multiple: boolean;
}

export interface NumericSummary extends BaseSummary {
  kind: "numeric";
  figures: NumericFigures | null;
  distribution: CountRow[];
  nps: NpsFigures | null;
}

export interface TextTheme {
  label: string;
  count: number;
  share: number;
  interval: { lower: number; upper: number };
  responseIds: string[];
}

export interface TextSummary extends BaseSummary {
  kind: "text";
  answers: { responseId: string; text: string }[];
  /** Answers given word for word by more than one person (case and spacing ignored). */
  repeated: { text: string; count: number }[];
  themes: TextTheme[];
}

export type QuestionSummary = ChoiceSummary | NumericSummary | TextSummary;

export interface FunnelStep {
  page: number;
  /** Respondents who answered something on this page or later, or finished. */
  reached: number;
  /** Respondents who answered something on this page. */
  answered: number;
}

export interface ResultsSummary {
  confidence: number;
  respondents: number;
  complete: number;
  questions: QuestionSummary[];
  funnel: { started: number; pages: FunnelStep[]; completed: number };
}

const NUMERIC_TYPES = new Set<SummaryQuestionType>([
  "LIKERT",
  "RATING",
  "EMOTION",
  "PAIN",
  "NUMBER",
]);

/** Whether one response gave the filtered answer: chose the option, or gave the number. */
export function matchesAnswer(response: SummaryResponse, filter: AnswerFilter): boolean {
  const answer = response.answers[filter.questionKey];
  if (answer === undefined) return false;
  if (typeof answer === "number") return String(answer) === filter.value;
  if (typeof answer === "string") return answer === filter.value;
  return answer.includes(filter.value);
}

export function summariseResults(
  questions: readonly SummaryQuestion[],
  allResponses: readonly SummaryResponse[],
  options: ResultsSummaryOptions = {},
): ResultsSummary {
  const confidence = options.confidence ?? 0.95;
  const filter = options.answer;
  const responses = filter ? allResponses.filter((r) => matchesAnswer(r, filter)) : allResponses;
  const shown = options.stageId
    ? questions.filter((q) => q.stageId === options.stageId)
    : questions;
  return {
    confidence,
    respondents: responses.length,
    complete: responses.filter((r) => r.status === "COMPLETE").length,
    questions: shown.map((q) =>
      summariseQuestion(q, responses, confidence, options.themes ?? true),
    ),
    funnel: completionFunnel(questions, responses),
  };
}

function summariseQuestion(
  q: SummaryQuestion,
  responses: readonly SummaryResponse[],
  confidence: number,
  themes: boolean,
): QuestionSummary {
  const given = responses.flatMap((r) => {
    const a = r.answers[q.key];
    return a === undefined ? [] : [{ id: r.id, answer: a }];
  });
  const base = { key: q.key, label: q.label, type: q.type, page: q.page, stageId: q.stageId };
  if (q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE") {
    const picks = given.map((g) => (typeof g.answer === "object" ? g.answer : [String(g.answer)]));
    const n = picks.length;
    const counts = new Map<string, number>();
    for (const list of picks)
      for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
    const known = new Set(q.options.map((o) => o.value));
    const rows = [
      ...q.options.map((o) => countRow(o.value, o.label, counts.get(o.value) ?? 0, n, confidence)),
      ...[...counts.keys()]
        .filter((v) => !known.has(v))
        .sort()
        .map((v) => countRow(v, v, counts.get(v) ?? 0, n, confidence)),
    ];
    return {
      ...base,
      kind: "choice",
      n,
      unanswered: responses.length - n,
      rows,
      multiple: q.type === "MULTIPLE_CHOICE",
    };
  }
  if (NUMERIC_TYPES.has(q.type)) {
    const values = given.map((g) => g.answer).filter((a): a is number => typeof a === "number");
    const n = values.length;
    return {
      ...base,
      kind: "numeric",
      n,
      unanswered: responses.length - n,
      figures: n > 0 ? numericFigures(values, confidence) : null,
      distribution: q.scale
        ? scaleDistribution(values, q.scale, confidence)
        : numberDistribution(values, confidence),
      nps: q.nps ? npsFigures(values, confidence) : null,
    };
  }
  const answers = given
    .filter((g): g is { id: string; answer: string } => typeof g.answer === "string")
    .filter((g) => !isMissingAnswer(g.answer))
    .map((g) => ({ responseId: g.id, text: g.answer.trim() }));
  return {
    ...base,
    kind: "text",
    n: answers.length,
    unanswered: responses.length - answers.length,
    answers,
    repeated: repeatedTexts(answers.map((a) => a.text)),
    themes: themes ? textThemes(answers) : [],
  };
}

function repeatedTexts(texts: readonly string[]): { text: string; count: number }[] {
  const groups = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const norm = text.toLowerCase().replace(/\s+/g, " ");
    const group = groups.get(norm);
    if (group) group.count += 1;
    else groups.set(norm, { text, count: 1 });
  }
  return [...groups.values()]
    .filter((g) => g.count > 1)
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function textThemes(answers: readonly { responseId: string; text: string }[]): TextTheme[] {
  if (answers.length === 0) return [];
  const summary = summariseTexts(answers.map((a) => a.text));
  return summary.themes.map((t) => ({
    label: t.label,
    count: t.n,
    share: t.share,
    interval: t.interval,
    responseIds: t.rows.flatMap((row) => answers[row]?.responseId ?? []),
  }));
}

/**
 * How far respondents got. A page counts as reached when the respondent answered something on
 * it or on a later page, or finished: display logic may hide a whole page from some people, and
 * finishing proves they went past it.
 */
export function completionFunnel(
  questions: readonly SummaryQuestion[],
  responses: readonly SummaryResponse[],
): ResultsSummary["funnel"] {
  const pageOf = new Map(questions.map((q) => [q.key, q.page]));
  const pages = [...new Set(questions.map((q) => q.page))].sort((a, b) => a - b);
  const answeredPages = responses.map((r) => {
    const set = new Set<number>();
    for (const key of Object.keys(r.answers)) {
      const page = pageOf.get(key);
      if (page !== undefined) set.add(page);
    }
    return { complete: r.status === "COMPLETE", pages: set, last: Math.max(-1, ...set) };
  });
  return {
    started: responses.length,
    pages: pages.map((page) => ({
      page,
      reached: answeredPages.filter((a) => a.complete || a.last >= page).length,
      answered: answeredPages.filter((a) => a.pages.has(page)).length,
    })),
    completed: answeredPages.filter((a) => a.complete).length,
  };
}
