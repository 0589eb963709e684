// One thoughts cell: the open-text answers of the cell's respondents at a stage, grouped into a
// few themes by a shared key term (text/themes.ts), the most representative real answers quoted
// verbatim with their response ids, and the text's sentiment set beside the answered emotion.
// Salience compares the cell with its comparison groups (the other personas at the same stage;
// for all respondents, the other stages). Text tone and answered emotion "disagree" only when one
// is clearly positive and the other clearly negative; for the cell that means both 95 % intervals
// exclude 0 on opposite sides, for a quote its sentiment is beyond ±0.1 and the respondent's own
// emotion answer is on the other side of neutral.
import type { AnalysedText } from "../text/analyse-text";
import { compareText, termSalience, type TermStats } from "../text/key-terms";
import { groupByKeyTerm, mostRepresentative } from "../text/themes";
import { meanConfidenceInterval } from "../stats/welch-t-test";
import { toneOfInterval } from "./emotion";
import { clampInterval, tooFew, tooWide } from "./evidence";
import { range, signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type { TEmotionCell, TFillQuote, TTheme, TThoughtsCell, TTone } from "./result";
import type { RespondentScore, TextAnswer } from "./values";

/** |sentiment| below this reads as neutral for a single answer. */
export const QUOTE_TONE_THRESHOLD = 0.1;

export type ThemeParameters = Pick<
  JourneyFillParameters,
  "maxThemes" | "minThemeCount" | "quotesPerTheme" | "quotesPerCell"
>;

export function quoteTone(sentiment: number): TTone {
  if (sentiment >= QUOTE_TONE_THRESHOLD) return "positive";
  if (sentiment <= -QUOTE_TONE_THRESHOLD) return "negative";
  return "neutral";
}

function valenceTone(value: number): TTone {
  return value > 0 ? "positive" : value < 0 ? "negative" : "neutral";
}

export function opposite(a: TTone | null, b: TTone | null): boolean {
  return (a === "positive" && b === "negative") || (a === "negative" && b === "positive");
}

export interface TextCellContext {
  analysed: ReadonlyMap<string, AnalysedText>;
  /** The stage's emotion per respondent; empty for goal text. */
  emotionById: ReadonlyMap<string, RespondentScore>;
}

function toQuote(answer: TextAnswer, context: TextCellContext): TFillQuote {
  const analysed = context.analysed.get(answer.text);
  const sentiment = analysed?.sentiment ?? 0;
  const tone = quoteTone(sentiment);
  const emotion = context.emotionById.get(answer.responseId)?.value ?? null;
  return {
    responseId: answer.responseId,
    questionId: answer.questionId,
    text: answer.text,
    sentiment,
    tone,
    answeredEmotion: emotion,
    disagrees: emotion !== null && opposite(tone, valenceTone(emotion)),
    terms: analysed?.terms.map((t) => t.lemma) ?? [],
  };
}

/** The first `limit` quotes in `order`, skipping a text already quoted (many people write "ok"). */
function distinctQuotes(
  order: readonly number[],
  quotes: readonly TFillQuote[],
  limit: number,
): TFillQuote[] {
  const seen = new Set<string>();
  const out: TFillQuote[] = [];
  for (const i of order) {
    if (out.length >= limit) break;
    const quote = quotes[i] as TFillQuote;
    const key = quote.text.trim().toLowerCase().replace(/\s+/g, " ");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(quote);
  }
  return out;
}

export interface ThemedQuotes {
  quotes: TFillQuote[];
  themes: TTheme[];
  unthemed: number;
  representative: TFillQuote[];
  stats: Map<string, TermStats>;
}

/** Themes and representative quotes of a group of answers (thoughts or goal text). */
export function themeAnswers(
  answers: readonly TextAnswer[],
  otherGroups: readonly ReadonlySet<string>[],
  context: TextCellContext,
  params: ThemeParameters,
): ThemedQuotes {
  const quotes = answers.map((a) => toQuote(a, context));
  const docs = answers.map((a) => ({ terms: context.analysed.get(a.text)?.terms ?? [] }));
  const stats = termSalience(docs, otherGroups);
  const lemmaDocs = quotes.map((q) => ({ terms: q.terms }));
  const tieBreak = (a: number, b: number): number => {
    const qa = quotes[a] as TFillQuote;
    const qb = quotes[b] as TFillQuote;
    return compareText(qa.responseId, qb.responseId) || compareText(qa.questionId, qb.questionId);
  };
  const { themes, unthemed } = groupByKeyTerm(lemmaDocs, stats, {
    maxThemes: params.maxThemes,
    minCount: params.minThemeCount,
  });
  const n = answers.length;
  return {
    quotes,
    stats,
    unthemed: unthemed.length,
    themes: themes.map((theme) => {
      const s = stats.get(theme.term);
      return {
        term: theme.term,
        label: s?.label ?? theme.term,
        count: theme.members.length,
        share: theme.members.length / n,
        salience: s?.salience ?? 0,
        quotes: distinctQuotes(
          mostRepresentative(theme.members, lemmaDocs, stats, tieBreak),
          quotes,
          params.quotesPerTheme,
        ),
      };
    }),
    representative: distinctQuotes(
      mostRepresentative(
        quotes.map((_, i) => i),
        lemmaDocs,
        stats,
        tieBreak,
      ),
      quotes,
      params.quotesPerCell,
    ),
  };
}

function disagreementNote(
  emotion: TEmotionCell,
  sentiment: { mean: number; interval: { lower: number; upper: number } },
): string | null {
  if (emotion.status !== "ok") return null;
  const emotionTone = toneOfInterval(emotion.interval);
  const textTone = toneOfInterval(sentiment.interval);
  if (!opposite(emotionTone, textTone)) return null;
  return (
    `The answered emotion here is ${emotionTone} (mean ${signed(emotion.mean)}, 95 % CI ${range(emotion.interval, signed)}) ` +
    `but the written thoughts read ${textTone} (text sentiment ${signed(sentiment.mean)}, 95 % CI ${range(sentiment.interval, signed)}). ` +
    "Read the quotes before relying on either; the text model reads English only."
  );
}

export function summariseThoughts(
  answers: readonly TextAnswer[],
  otherGroups: readonly ReadonlySet<string>[],
  emotion: TEmotionCell,
  context: TextCellContext,
  params: ThemeParameters & Pick<JourneyFillParameters, "minThoughtN" | "maxIntervalWidth">,
): TThoughtsCell {
  const n = answers.length;
  const few = tooFew(n, params.minThoughtN, "open-text answers here");
  if (few) return few;
  const themed = themeAnswers(answers, otherGroups, context, params);
  const ci = meanConfidenceInterval(themed.quotes.map((q) => q.sentiment));
  const raw = { lower: ci.lower, upper: ci.upper };
  const interval = clampInterval(raw, -1, 1);
  const wide = tooWide(
    n,
    raw,
    { range: 2, name: "−1..+1 text sentiment scale", write: signed },
    params.maxIntervalWidth,
  );
  const note = wide ? null : disagreementNote(emotion, { mean: ci.mean, interval });
  return {
    status: "ok",
    n,
    respondents: new Set(answers.map((a) => a.responseId)).size,
    themes: themed.themes,
    unthemed: themed.unthemed,
    quotes: themed.representative,
    sentiment: wide ?? { status: "ok", n, mean: ci.mean, interval, tone: toneOfInterval(interval) },
    emotionTone: emotion.status === "ok" ? toneOfInterval(emotion.interval) : null,
    disagreement: note !== null,
    disagreementNote: note,
    disagreeingAnswers: themed.quotes.filter((q) => q.disagrees).length,
  };
}
