// A column of open-text answers summarised on its own, one answer per person (a row of a file, or
// a persona's members): every answer's tone, the group's tone as shares of people, and its themes
// with shares of people, key phrases and quotes (and the two general verdicts: toned answers that
// name no topic, themes.ts). Blank answers, placeholders for "no answer" ("NA", "n/a", "-",
// "none") and answers without content ("Not much to say here.", "No comment") are left out of
// every count, the tone included: they are neither praise nor a complaint. Answers that read as
// German are themed but get no tone (text/language.ts). Pure: the text CLI (server/cli/text-*.ts)
// and the persona report call it with plain strings.
import { analyseText, type AnalysedText } from "./analyse-text";
import { toneReadable } from "./language";
import { isMissingAnswer } from "./quotes";
import { extractThemes } from "./themes";
import type { ToneLabel } from "./tone";
import { summariseTone, type ToneSummary } from "./tone-summary";

export const TEXT_DEFAULTS = {
  maxThemes: 20,
  mostThemes: 40,
  minCount: 3,
  quotesPerTheme: 3,
} as const;

/**
 * How many themes a column gets unless told: one per √n answers, at least 20 and at most 40. Short
 * answers each name one or two things, so a long column spreads over more topics than a short
 * one; with a fixed 20, a thousand one-line reviews leave a third of the answers in no theme.
 */
export function defaultMaxThemes(n: number): number {
  return Math.min(
    TEXT_DEFAULTS.mostThemes,
    Math.max(TEXT_DEFAULTS.maxThemes, Math.ceil(Math.sqrt(n))),
  );
}

/** Fewest people a theme needs unless told: 3, or a quarter of a percent of a long column. */
export function defaultMinCount(n: number): number {
  return Math.max(TEXT_DEFAULTS.minCount, Math.ceil(n / 400));
}

export interface SummariseTextOptions {
  /** Most themes; default defaultMaxThemes(n). */
  maxThemes?: number;
  /** Fewest people a theme needs; default defaultMinCount(n). */
  minCount?: number;
  quotesPerTheme?: number;
  /** Shared across calls over the same answers (see TextCache); default: one per call. */
  cache?: TextCache;
  /** Called as answers are read: done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface TextTheme {
  label: string;
  /** The key term (lemma) the theme is built on. */
  term: string;
  phrases: string[];
  /** Indices into the input of the answers in the theme, ascending. */
  rows: number[];
  /** People (answers) in the theme. */
  n: number;
  share: number;
  interval: { lower: number; upper: number };
  quotes: { row: number; text: string }[];
}

export interface TextsSummary {
  /** Answers analysed (not blank, not a placeholder). */
  n: number;
  /** Terms so common they are what everyone writes about, not a theme. */
  topic: { label: string; share: number }[];
  themes: TextTheme[];
  /** Answers in no theme. */
  unthemed: number;
  /** Over the answers that read as English (the tone model reads nothing else). */
  tone: ToneSummary;
  /** Answers left out of the tone because they read as German. */
  otherLanguage: number;
  /** Each analysed answer's tone, by input index; `english` false when it reads as German. */
  answers: { row: number; score: number; label: ToneLabel; english: boolean }[];
}

/**
 * What summariseTexts learns about each distinct text: analysing, the missing-answer check and
 * the language check are pure functions of the text, so a caller summarising the same answers for
 * several groups (each persona, then everyone) passes one cache and reads each text once.
 */
export type TextCache = Map<
  string,
  { missing: boolean; analysed?: AnalysedText; readable?: boolean }
>;

export function summariseTexts(
  texts: readonly string[],
  options: SummariseTextOptions = {},
): TextsSummary {
  const kept: { row: number; text: string; analysed: AnalysedText; readable: boolean }[] = [];
  const cache: TextCache = options.cache ?? new Map();
  texts.forEach((text, row) => {
    let known = cache.get(text);
    if (!known) {
      known = isMissingAnswer(text)
        ? { missing: true }
        : { missing: false, analysed: analyseText(text), readable: toneReadable(text) };
      cache.set(text, known);
    }
    if (!known.missing) {
      const { analysed, readable } = known as { analysed: AnalysedText; readable: boolean };
      kept.push({ row, text, analysed, readable });
    }
    options.onProgress?.(row + 1, texts.length);
  });
  const n = kept.length;
  const extraction = extractThemes(
    kept.map((k, unit) => ({ unit, text: k.text, analysed: k.analysed })),
    {
      maxThemes: options.maxThemes ?? defaultMaxThemes(n),
      minCount: options.minCount ?? defaultMinCount(n),
      quotesPerTheme: options.quotesPerTheme ?? TEXT_DEFAULTS.quotesPerTheme,
      verdictThemes: true,
    },
  );
  const rowOf = (i: number): number => kept[i]?.row ?? -1;
  const english = kept.filter((k) => k.readable);
  return {
    n,
    topic: extraction.topic.map((t) => ({ label: t.label, share: t.share })),
    themes: extraction.themes.map((t) => ({
      label: t.label,
      term: t.term,
      phrases: t.phrases,
      rows: t.units.map(rowOf),
      n: t.units.length,
      share: t.share,
      interval: t.interval,
      quotes: t.quotes.map((i) => ({ row: rowOf(i), text: kept[i]?.text ?? "" })),
    })),
    unthemed: extraction.unthemed.length,
    tone: summariseTone(english.map((k) => k.analysed.tone.score)),
    otherLanguage: kept.length - english.length,
    answers: kept.map((k) => ({
      row: k.row,
      score: k.analysed.tone.score,
      label: k.analysed.tone.label,
      english: k.readable,
    })),
  };
}
