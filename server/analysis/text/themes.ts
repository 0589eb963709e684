// Themes of a group of open-text answers, counted in people. Each unit (a respondent, or a row of
// a file) may write several answers; a theme is a key term with its key phrases, and its share is
// the share of units who wrote about it, with a Wilson 95 % interval. A unit may carry several
// themes, so shares need not add up to 100 %.
//
// - The topic: a term used by more than `topicShare` of the units is what the whole group writes
//   about (the product, the stage's own subject: "phone" in phone reviews), not a theme. With a
//   comparison (the other personas' answers at the same stage) a common term stays a theme when it
//   sets this group apart: its share elsewhere is below a quarter of its share here.
// - Candidates: key terms (nouns) used by at least `minCount` units. Weight: class-based tf-idf,
//   share of units here × ln(1 + A / f), f = units using the term here and in the comparison, A =
//   average units per group, so a term all groups use weighs little.
// - Selection is greedy, like a set cover: the candidate whose weight × units not yet in any
//   theme is highest becomes the next theme (members: every unit using it), until `maxThemes` or
//   no candidate adds `minCount` new units. A term whose units are mostly covered already ("life"
//   after "battery") adds little and is not picked.
// - Label: a theme is shown under a readable label or not at all. A noun's theme takes its most
//   used key phrase ("battery life") when at least LABEL_PHRASE_SHARE of its units wrote it, else
//   the noun as most often written ("fees"); a vague noun ("end", "line", "piece") needs the
//   phrase. A verb's theme takes its most used verb phrase, written as an activity ("paying the
//   price"), on the same terms; a verb without a steady object ("matched", "works") is no theme.
// - Same thing, one theme: a candidate whose label names what a chosen theme names (the same
//   label, the same head noun: "quality" / "sound quality", or the activity: "signing" /
//   "signing the contract") joins it, and shares, intervals and quotes are counted over the union,
//   unless the union would pass the topic share.
// - Quotes: every theme shown carries at least MIN_QUOTES real answers to quote (quotes.ts); one
//   whose answers are all too short to quote is not shown, and its units count as unthemed.
// - Verdicts (option `verdictThemes`): answers that name no topic at all but carry a clear tone
//   ("Very disappointing.", "I have recommended it to friends.") are what people say overall, and
//   in short reviews they are one answer in ten. They form two themes of their own, "General
//   praise without a named topic" and "General complaints without …", when each holds
//   `minCount` units; English answers only, since the tone reads nothing else. Answers without
//   content ("Not much to say here.", quotes.ts) are never a verdict.
// Ties go to the larger group, then the term first in code-unit order: deterministic.
import { wilsonInterval } from "../stats/wilson";
import { toneReadable } from "./language";
import { isMissingAnswer, isQuotable, pickQuotes } from "./quotes";
import { VAGUE_NOUNS } from "./term-words";
import {
  compareText,
  mostUsed,
  phraseUnits,
  sameThing,
  termIndex,
  verbPhraseUnits,
  type ThemeAnswer,
} from "./theme-index";
import { answerVectors, centroid } from "./vectors";

export type { ThemeAnswer } from "./theme-index";

export const DEFAULT_TOPIC_SHARE = 0.4;
const LABEL_PHRASE_SHARE = 0.3;
const KEY_PHRASES = 3;
/** Fewest quotes a shown theme carries (or quotesPerTheme, when that asks for fewer). */
export const MIN_QUOTES = 2;

/** The two verdict themes: their term (not a lemma of the text, so never a key term) and label. */
export const VERDICT_THEMES = [
  { term: "(general praise)", label: "General praise without a named topic", tone: "positive" },
  {
    term: "(general complaints)",
    label: "General complaints without a named topic",
    tone: "negative",
  },
] as const;

export interface ThemeOptions {
  maxThemes: number;
  minCount: number;
  quotesPerTheme: number;
  topicShare?: number;
  /** Add the two verdict themes for toned answers that name no topic (see the header). */
  verdictThemes?: boolean;
  /** Units of the comparison groups and how many of them use each term; null: no comparison. */
  comparison?: { groups: number; units: number; termUnits: ReadonlyMap<string, number> } | null;
}

export interface ExtractedTheme {
  term: string;
  label: string;
  /** Most used key phrases with the term, most used first (may be empty). */
  phrases: string[];
  /** Units in the theme, ascending. */
  units: number[];
  /** Answers (indices into the input) that use the term, ascending. */
  answers: number[];
  share: number;
  interval: { lower: number; upper: number };
  salience: number;
  /** Answers to quote (indices into the input), best first. */
  quotes: number[];
}

export interface ThemeExtraction {
  units: number;
  topic: { term: string; label: string; share: number }[];
  themes: ExtractedTheme[];
  /** Units with at least one answer but in no theme. */
  unthemed: number[];
}

interface Candidate {
  term: string;
  units: Set<number>;
  weight: number;
  label: string;
  /** Key phrases (as written) with how many units wrote them. */
  phrases: [string, number][];
}

export function extractThemes(
  answers: readonly ThemeAnswer[],
  options: ThemeOptions,
): ThemeExtraction {
  const topicShare = options.topicShare ?? DEFAULT_TOPIC_SHARE;
  const allUnits = [...new Set(answers.map((a) => a.unit))].sort((a, b) => a - b);
  const n = allUnits.length;
  const { unitsOf, answersOf, forms, verbUses } = termIndex(answers);
  const phrases = phraseUnits(answers);
  const verbPhrases = verbPhraseUnits(answers);
  const comparison = options.comparison ?? null;
  const formOf = (term: string): string => mostUsed(forms.get(term) ?? new Map())?.[0] ?? term;
  const phraseForm = (key: string): string =>
    mostUsed(phrases.forms.get(key) ?? new Map())?.[0] ?? key;
  const least = Math.min(2, options.minCount);

  /** The readable label of a term's theme, or null when it has none (see the header). */
  const labelled = (
    term: string,
    units: Set<number>,
  ): Pick<Candidate, "label" | "phrases"> | null => {
    const isVerb = (verbUses.get(term) ?? 0) * 2 > (answersOf.get(term)?.length ?? 0);
    if (isVerb) {
      const top = [...(verbPhrases.get(term) ?? new Map())]
        .map(([key, e]) => ({ key, size: e.units.size, label: mostUsed(e.labels)?.[0] ?? key }))
        .filter((e) => e.size >= least)
        .sort((a, b) => b.size - a.size || compareText(a.key, b.key));
      const best = top[0];
      if (!best || best.size < LABEL_PHRASE_SHARE * units.size) return null;
      return {
        label: best.label,
        phrases: top.map((e) => [e.label, e.size] as [string, number]),
      };
    }
    const withTerm = [...phrases.units]
      .filter(([key]) => key.split(" ").includes(term))
      .map(([key, set]) => [key, set.size] as [string, number])
      .filter(([, size]) => size >= least)
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    const top = withTerm[0];
    const written = withTerm.map(([key, size]) => [phraseForm(key), size] as [string, number]);
    if (top && top[1] >= LABEL_PHRASE_SHARE * units.size) {
      return { label: phraseForm(top[0]), phrases: written };
    }
    if (VAGUE_NOUNS.has(term)) return null;
    return { label: formOf(term), phrases: written };
  };

  const topic: ThemeExtraction["topic"] = [];
  const candidates: Candidate[] = [];
  const groups = 1 + (comparison?.groups ?? 0);
  const average = (n + (comparison?.units ?? 0)) / groups;
  for (const [term, units] of unitsOf) {
    const share = units.size / n;
    const elsewhere = comparison
      ? (comparison.termUnits.get(term) ?? 0) / Math.max(1, comparison.units)
      : share;
    if (share > topicShare && !(comparison && elsewhere < share / 4)) {
      topic.push({ term, label: formOf(term), share });
      continue;
    }
    if (units.size < options.minCount) continue;
    const label = labelled(term, units);
    if (!label) continue;
    const f = units.size + (comparison?.termUnits.get(term) ?? 0);
    candidates.push({ term, units, weight: share * Math.log(1 + average / f), ...label });
  }
  topic.sort((a, b) => b.share - a.share || compareText(a.term, b.term));

  // Two themes about the same thing ("signing" and "signing the contract"; "sound quality" and
  // "quality") become one, counted over the union of their people, and use one of the
  // `maxThemes` places; never one larger than the topic share, which would be the degenerate theme
  // the topic rule keeps out (then the later one is left out: the first holds most of its people).
  const covered = new Set<number>();
  const tried = new Set<Candidate>();
  const merged: Candidate[][] = [];
  while (merged.length < options.maxThemes) {
    let best: { c: Candidate; gain: number; score: number } | null = null;
    for (const c of candidates) {
      if (tried.has(c)) continue;
      let gain = 0;
      for (const u of c.units) if (!covered.has(u)) gain += 1;
      if (gain < options.minCount) continue;
      const score = (gain / c.units.size) * c.weight;
      const better =
        !best ||
        score > best.score ||
        (score === best.score &&
          (c.units.size > best.c.units.size ||
            (c.units.size === best.c.units.size && compareText(c.term, best.c.term) < 0)));
      if (better) best = { c, gain, score };
    }
    if (!best) break;
    const c = best.c;
    tried.add(c);
    const same = merged.find((g) => g.some((m) => sameThing(m.label, c.label)));
    if (!same) merged.push([c]);
    else if (new Set([...same.flatMap((m) => [...m.units]), ...c.units]).size <= topicShare * n)
      same.push(c);
    else continue;
    for (const u of c.units) covered.add(u);
  }

  const vectors = answerVectors(answers.map((a) => a.analysed));
  const texts = answers.map((a) => a.text);
  // What the quote and verdict filters ask of a text, once per distinct text: long columns repeat
  // answers, and the same answer is asked about in several themes.
  const quotableMemo = new Map<string, boolean>();
  const quotable = (text: string): boolean => {
    let known = quotableMemo.get(text);
    if (known === undefined) quotableMemo.set(text, (known = isQuotable(text)));
    return known;
  };
  const verdictMemo = new Map<string, boolean>();
  const verdictReadable = (text: string): boolean => {
    let known = verdictMemo.get(text);
    if (known === undefined) {
      known = !isMissingAnswer(text) && toneReadable(text);
      verdictMemo.set(text, known);
    }
    return known;
  };
  const minQuotes = Math.min(MIN_QUOTES, options.quotesPerTheme);
  const build = (
    term: string,
    label: string,
    keyPhrases: string[],
    used: number[],
    salience: number,
  ): ExtractedTheme => {
    const members = [...new Set(used.map((i) => answers[i]?.unit ?? -1))].sort((a, b) => a - b);
    const w = wilsonInterval(members.length, n);
    const centre = centroid(used.map((i) => vectors[i] ?? new Map()));
    const candidates = used.filter((i) => quotable(answers[i]?.text ?? ""));
    return {
      term,
      label,
      phrases: keyPhrases,
      units: members,
      answers: used,
      share: members.length / n,
      interval: { lower: w.lower, upper: w.upper },
      salience,
      quotes: pickQuotes(candidates, vectors, texts, centre, options.quotesPerTheme),
    };
  };
  const themes = merged.map((group): ExtractedTheme => {
    // The member most people wrote about names the merged theme.
    const lead = [...group].sort((a, b) => b.units.size - a.units.size)[0] as Candidate;
    const used = [...new Set(group.flatMap((m) => answersOf.get(m.term) ?? []))].sort(
      (a, b) => a - b,
    );
    const keyPhrases = new Map<string, number>();
    for (const m of group) {
      for (const [p, size] of m.phrases) keyPhrases.set(p, Math.max(keyPhrases.get(p) ?? 0, size));
    }
    const top = [...keyPhrases]
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
      .slice(0, KEY_PHRASES)
      .map(([p]) => p);
    return build(lead.term, lead.label, top, used, Math.max(...group.map((m) => m.weight)));
  });
  if (options.verdictThemes) {
    for (const verdict of VERDICT_THEMES) {
      const used = answers.flatMap((a, i) =>
        a.analysed.terms.length === 0 &&
        a.analysed.tone.label === verdict.tone &&
        verdictReadable(a.text)
          ? [i]
          : [],
      );
      const people = new Set(used.map((i) => answers[i]?.unit ?? -1));
      if (people.size < options.minCount) continue;
      themes.push(build(verdict.term, verdict.label, [], used, 0));
    }
  }
  // A theme a reader cannot check against real answers is not shown.
  const shown = themes.filter((t) => t.quotes.length >= minQuotes);
  // Largest first for reading; selection order only decided which terms became themes.
  shown.sort((a, b) => b.units.length - a.units.length || compareText(a.term, b.term));
  const inSome = new Set(shown.flatMap((t) => t.units));
  return {
    units: n,
    topic,
    themes: shown,
    unthemed: allUnits.filter((u) => !inSome.has(u)),
  };
}
