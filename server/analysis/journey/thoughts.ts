// One thoughts cell: the open-text answers of the cell's respondents at a stage, with respondents
// as the unit of every count, interval and gate (a respondent answering three thought questions is
// one person, not three pieces of evidence). Themes come from text/themes.ts through
// themed-answers.ts (a key term with its key phrases, shares of respondents with Wilson
// intervals; a respondent may carry several themes), quotes are real answers picked close to the
// theme's centre and different from each other, and the words' tone is the shares of respondents
// reading negative, neutral and positive (each respondent's score is the mean of their answers').
// Placeholders for "no answer" ("NA", "-", "none") are not thoughts and are left out.
//
// Text tone and answered emotion "disagree" only when one is clearly positive and the other
// clearly negative: the emotion's 95 % interval excludes 0 on one side and the words lean the
// other way (text/tone-summary.ts); for a quote, its own tone and the respondent's own emotion
// answer are on opposite sides of neutral.
import { meanConfidenceInterval } from "../stats/welch-t-test";
import type { AnalysedText } from "../text/analyse-text";
import { toneReadable } from "../text/language";
import { personScores, summariseTone } from "../text/tone-summary";
import { toneOfInterval } from "./emotion";
import { clampInterval, tooFew, tooWide } from "./evidence";
import { range, signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type {
  TEmotionCell,
  TThoughtsCell,
  TThoughtsSummary,
  TToneShare,
  TToneShares,
} from "./result";
import {
  opposite,
  substantive,
  themeAnswers,
  type TextCellContext,
  type TextComparison,
  type ThemeParameters,
} from "./themed-answers";
import type { TextAnswer } from "./values";

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
