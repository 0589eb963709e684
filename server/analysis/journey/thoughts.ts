// One thoughts cell: the open-text answers of the cell's respondents at a stage, with respondents
// as the unit of every count, interval and gate (a respondent answering three thought questions is
// one person, not three pieces of evidence). Themes come from text/themes.ts (a key term with its
// key phrases, shares of respondents with Wilson intervals; a respondent may carry several
// themes), quotes are real answers picked close to the theme's centre and different from each
// other, and the words' tone is the shares of respondents reading negative, neutral and positive
// (each respondent's score is the mean of their answers'). Placeholders for "no answer" ("NA",
// "-", "none") are not thoughts and are left out.
//
// Text tone and answered emotion "disagree" only when one is clearly positive and the other
// clearly negative: the emotion's 95 % interval excludes 0 on one side and the words lean the
// other way (text/tone-summary.ts); for a quote, its own tone and the respondent's own emotion
// answer are on opposite sides of neutral.
import { meanConfidenceInterval } from "../stats/welch-t-test";
import type { AnalysedText } from "../text/analyse-text";
import { toneReadable } from "../text/language";
import { isMissingAnswer, isQuotable, pickQuotes } from "../text/quotes";
import { extractThemes, type ThemeAnswer, type ThemeOptions } from "../text/themes";
import { personScores, summariseTone } from "../text/tone-summary";
import { answerVectors, centroid } from "../text/vectors";
import { toneOfInterval } from "./emotion";
import { clampInterval, tooFew, tooWide } from "./evidence";
import { range, signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type {
  TEmotionCell,
  TFillQuote,
  TTheme,
  TThoughtsCell,
  TThoughtsSummary,
  TTone,
  TToneShare,
  TToneShares,
} from "./result";
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

function percent(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

function shareText(s: TToneShare): string {
  return `${percent(s.share)} (95 % CI ${percent(s.interval.lower)}–${percent(s.interval.upper)})`;
}

function disagreementNote(emotion: TEmotionCell, tone: TToneShares): string | null {
  if (emotion.status !== "ok" || tone.status !== "ok") return null;
  const emotionTone = toneOfInterval(emotion.interval);
  if (!opposite(emotionTone, tone.lean)) return null;
  return (
    `The answered emotion here is ${emotionTone} (mean ${signed(emotion.mean)}, 95 % CI ${range(emotion.interval, signed)}) ` +
    `but the written thoughts read ${tone.lean}: of ${tone.n} respondents, ${shareText(tone.negative)} wrote negatively and ${shareText(tone.positive)} positively. ` +
    "Read the quotes before relying on either; the text model reads English only."
  );
}

/**
 * Shares of respondents by tone, or why they cannot be shown. The tone model reads English only:
 * answers that read as German are left out, and a respondent who wrote only such answers has no
 * tone; when too few respondents are left, the cell says why instead of guessing.
 */
export function toneShares(
  answers: readonly TextAnswer[],
  analysed: ReadonlyMap<string, AnalysedText>,
  params: Pick<JourneyFillParameters, "maxIntervalWidth" | "minThoughtN">,
): { tone: TToneShares; scores: number[] } {
  const byPerson = new Map<string, number[]>();
  const people = new Set<string>();
  for (const a of answers) {
    people.add(a.responseId);
    if (!toneReadable(a.text)) continue;
    const list = byPerson.get(a.responseId) ?? [];
    list.push(analysed.get(a.text)?.tone.score ?? 0);
    byPerson.set(a.responseId, list);
  }
  const scores = personScores([...byPerson.values()]);
  const otherLanguage = people.size - scores.length;
  if (otherLanguage > 0 && scores.length < params.minThoughtN) {
    return {
      tone: {
        status: "insufficient",
        n: scores.length,
        reason: `Tone is shown for English text only: ${otherLanguage} of ${people.size} respondents here wrote in German (or another language), which the text model cannot read; the ${scores.length} who wrote in English are fewer than the ${params.minThoughtN} needed.`,
      },
      scores,
    };
  }
  const summary = summariseTone(scores);
  const shares = [summary.negative, summary.neutral, summary.positive];
  const widest = shares.reduce((w, s) =>
    s.interval.upper - s.interval.lower > w.interval.upper - w.interval.lower ? s : w,
  );
  const wide = tooWide(
    summary.n,
    widest.interval,
    { range: 1, name: "0-100 % share scale", write: percent },
    params.maxIntervalWidth,
  );
  if (wide) return { tone: wide, scores };
  return {
    tone: {
      status: "ok",
      n: summary.n,
      negative: summary.negative,
      neutral: summary.neutral,
      positive: summary.positive,
      lean: summary.lean,
      ...(otherLanguage > 0 ? { otherLanguage } : {}),
    },
    scores,
  };
}

export function summariseThoughts(
  written: readonly TextAnswer[],
  comparison: TextComparison,
  emotion: TEmotionCell,
  context: TextCellContext,
  params: ThemeParameters & Pick<JourneyFillParameters, "minThoughtN" | "maxIntervalWidth">,
): TThoughtsCell {
  const answers = substantive(written);
  const people = new Set(answers.map((a) => a.responseId)).size;
  const few = tooFew(people, params.minThoughtN, "respondents wrote thoughts here");
  if (few) return few;
  const themed = themeAnswers(answers, comparison, context, params);
  const { tone, scores } = toneShares(answers, context.analysed, params);
  // The older mean-score summary, kept for readers of stored fills; shown only with the shares.
  const sentiment: TThoughtsSummary["sentiment"] =
    tone.status === "ok" && scores.length >= 2
      ? (() => {
          const ci = meanConfidenceInterval(scores);
          const interval = clampInterval({ lower: ci.lower, upper: ci.upper }, -1, 1);
          return { status: "ok", n: tone.n, mean: ci.mean, interval, tone: tone.lean };
        })()
      : tone.status === "ok"
        ? { status: "insufficient", n: tone.n, reason: "Too few respondents for a mean tone." }
        : tone;
  const note = disagreementNote(emotion, tone);
  return {
    status: "ok",
    n: people,
    respondents: people,
    answers: answers.length,
    topic: themed.topic,
    themes: themed.themes,
    unthemed: themed.unthemed,
    quotes: themed.representative,
    sentiment,
    tone,
    emotionTone: emotion.status === "ok" ? toneOfInterval(emotion.interval) : null,
    disagreement: note !== null,
    disagreementNote: note,
    disagreeingAnswers: themed.quotes.filter((q) => q.disagrees).length,
  };
}
