// The themes and quotes of a group of open-text answers (a thoughts cell, or a text goal), with
// respondents as the unit of every count: answers that say something (placeholders such as "NA"
// or "-" dropped), each answer's respondent, how many respondents use each key term (the
// comparison salience is weighed against), and each answer as a quote with its tone and the
// respondent's answered emotion. Themes come from text/themes.ts; representative quotes are real
// answers picked close to the group's centre and different from each other.
import type { AnalysedText } from "../text/analyse-text";
import { isMissingAnswer, isQuotable, pickQuotes } from "../text/quotes";
import { extractThemes, type ThemeAnswer, type ThemeOptions } from "../text/themes";
import { answerVectors, centroid } from "../text/vectors";
import type { JourneyFillParameters } from "./input";
import type { TFillQuote, TTheme, TTone } from "./result";
import type { TextAnswer } from "./values";

export type ThemeParameters = Pick<
  JourneyFillParameters,
  "maxThemes" | "minThemeCount" | "quotesPerTheme" | "quotesPerCell"
>;

/** What other groups wrote, for salience: see ThemeOptions.comparison. */
export type TextComparison = ThemeOptions["comparison"];

function valenceTone(value: number): TTone {
  return value > 0 ? "positive" : value < 0 ? "negative" : "neutral";
}

export function opposite(a: TTone | null, b: TTone | null): boolean {
  return (a === "positive" && b === "negative") || (a === "negative" && b === "positive");
}

export interface TextCellContext {
  analysed: ReadonlyMap<string, AnalysedText>;
  /** The respondent's emotion value at the stage, null when they gave none. */
  emotionOf: (responseId: string) => number | null;
}

/** Answers that say something: blank ones never get here, placeholders are dropped. */
export function substantive(answers: readonly TextAnswer[]): TextAnswer[] {
  return answers.filter((a) => !isMissingAnswer(a.text));
}

/** Respondents and, per answer, the index of its respondent (first-answer order). */
export function respondentUnits(answers: readonly TextAnswer[]): {
  ids: string[];
  unitOf: number[];
} {
  const index = new Map<string, number>();
  const unitOf = answers.map((a) => {
    const known = index.get(a.responseId);
    if (known !== undefined) return known;
    index.set(a.responseId, index.size);
    return index.size - 1;
  });
  return { ids: [...index.keys()], unitOf };
}

/**
 * How many respondents use each key term: the comparison a cell's salience is weighed against.
 */
export function termRespondents(
  answers: readonly TextAnswer[],
  analysed: ReadonlyMap<string, AnalysedText>,
): { units: number; termUnits: Map<string, number> } {
  const byTerm = new Map<string, Set<string>>();
  const people = new Set<string>();
  for (const a of substantive(answers)) {
    people.add(a.responseId);
    for (const t of analysed.get(a.text)?.terms ?? []) {
      const set = byTerm.get(t.lemma) ?? new Set<string>();
      set.add(a.responseId);
      byTerm.set(t.lemma, set);
    }
  }
  return {
    units: people.size,
    termUnits: new Map([...byTerm].map(([term, set]) => [term, set.size])),
  };
}

const EMPTY_TEXT: AnalysedText = {
  sentiment: 0,
  tone: { score: 0, label: "neutral" },
  terms: [],
  phrases: [],
  content: [],
};

function toQuote(answer: TextAnswer, context: TextCellContext): TFillQuote {
  const analysed = context.analysed.get(answer.text) ?? EMPTY_TEXT;
  const emotion = context.emotionOf(answer.responseId);
  return {
    responseId: answer.responseId,
    questionId: answer.questionId,
    text: answer.text,
    sentiment: analysed.tone.score,
    tone: analysed.tone.label,
    answeredEmotion: emotion,
    disagrees: emotion !== null && opposite(analysed.tone.label, valenceTone(emotion)),
    terms: analysed.terms.map((t) => t.lemma),
  };
}

export interface ThemedQuotes {
  quotes: TFillQuote[];
  respondents: number;
  topic: { label: string; share: number }[];
  themes: TTheme[];
  /** Respondents in no theme. */
  unthemed: number;
  representative: TFillQuote[];
}

/** Themes and representative quotes of a group of answers (thoughts or goal text). */
export function themeAnswers(
  answers: readonly TextAnswer[],
  comparison: TextComparison,
  context: TextCellContext,
  params: ThemeParameters,
): ThemedQuotes {
  const quotes = answers.map((a) => toQuote(a, context));
  const { ids, unitOf } = respondentUnits(answers);
  const themeInput: ThemeAnswer[] = answers.map((a, i) => ({
    unit: unitOf[i] ?? 0,
    text: a.text,
    analysed: context.analysed.get(a.text) ?? EMPTY_TEXT,
  }));
  const extraction = extractThemes(themeInput, {
    maxThemes: params.maxThemes,
    minCount: params.minThemeCount,
    quotesPerTheme: params.quotesPerTheme,
    comparison,
  });
  const vectors = answerVectors(themeInput.map((a) => a.analysed));
  const quotable = themeInput.flatMap((a, i) => (isQuotable(a.text) ? [i] : []));
  const representative = pickQuotes(
    quotable,
    vectors,
    answers.map((a) => a.text),
    centroid(vectors),
    params.quotesPerCell,
  );
  return {
    quotes,
    respondents: ids.length,
    topic: extraction.topic.map((t) => ({ label: t.label, share: t.share })),
    unthemed: extraction.unthemed.length,
    themes: extraction.themes.map((t) => ({
      term: t.term,
      label: t.label,
      count: t.units.length,
      share: t.share,
      interval: t.interval,
      phrases: t.phrases,
      answers: t.answers.length,
      salience: t.salience,
      quotes: t.quotes.map((i) => quotes[i] as TFillQuote),
    })),
    representative: representative.map((i) => quotes[i] as TFillQuote),
  };
}
