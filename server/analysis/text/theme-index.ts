// What extractThemes (themes.ts) counts over a group's answers, and how it compares: the units
// using each key term, key phrase and verb phrase with the forms written, the most used form, the
// locale-free text order that breaks ties, and whether two theme labels name the same thing.
import type { AnalysedText } from "./analyse-text";

/** One open-text answer given to extractThemes. */
export interface ThemeAnswer {
  /** Index of the unit (respondent, row) that wrote it. */
  unit: number;
  text: string;
  analysed: AnalysedText;
}

/** Code-unit order, independent of locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mostUsed(counts: ReadonlyMap<string, number>): [string, number] | undefined {
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
}

/** Every term a unit uses, with the forms written and the answers using it. */
export function termIndex(answers: readonly ThemeAnswer[]) {
  const unitsOf = new Map<string, Set<number>>();
  const answersOf = new Map<string, number[]>();
  const forms = new Map<string, Map<string, number>>();
  /** Answers where the term is read as a verb. */
  const verbUses = new Map<string, number>();
  answers.forEach((a, i) => {
    for (const t of a.analysed.terms) {
      if (t.kind === "verb") verbUses.set(t.lemma, (verbUses.get(t.lemma) ?? 0) + 1);
      const units = unitsOf.get(t.lemma) ?? new Set<number>();
      units.add(a.unit);
      unitsOf.set(t.lemma, units);
      // Appended in place: copying the list per use made a common term cost O(n²).
      const used = answersOf.get(t.lemma);
      if (used) used.push(i);
      else answersOf.set(t.lemma, [i]);
      const f = forms.get(t.lemma) ?? new Map<string, number>();
      f.set(t.form, (f.get(t.form) ?? 0) + 1);
      forms.set(t.lemma, f);
    }
  });
  return { unitsOf, answersOf, forms, verbUses };
}

/** Units using each key phrase, for labels. */
export function phraseUnits(answers: readonly ThemeAnswer[]) {
  const units = new Map<string, Set<number>>();
  const forms = new Map<string, Map<string, number>>();
  for (const a of answers) {
    for (const p of a.analysed.phrases) {
      const set = units.get(p.key) ?? new Set<number>();
      set.add(a.unit);
      units.set(p.key, set);
      const f = forms.get(p.key) ?? new Map<string, number>();
      f.set(p.form, (f.get(p.form) ?? 0) + 1);
      forms.set(p.key, f);
    }
  }
  return { units, forms };
}

/** Units writing each verb phrase, by verb, with the labels written. */
export function verbPhraseUnits(answers: readonly ThemeAnswer[]) {
  const byVerb = new Map<
    string,
    Map<string, { units: Set<number>; labels: Map<string, number> }>
  >();
  for (const a of answers) {
    for (const p of a.analysed.verbPhrases ?? []) {
      const phrases = byVerb.get(p.verb) ?? new Map();
      const entry = phrases.get(p.key) ?? { units: new Set<number>(), labels: new Map() };
      entry.units.add(a.unit);
      entry.labels.set(p.label, (entry.labels.get(p.label) ?? 0) + 1);
      phrases.set(p.key, entry);
      byVerb.set(p.verb, phrases);
    }
  }
  return byVerb;
}

/**
 * Whether two labels name the same thing: equal, the longer ends with the shorter (the same head
 * noun: "quality" / "sound quality") or is the shorter activity with its object ("signing" /
 * "signing the contract"). "dealer" / "dealer prices" are different things: prices.
 */
export function sameThing(a: string, b: string): boolean {
  const x = a.toLowerCase().split(/\s+/);
  const y = b.toLowerCase().split(/\s+/);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const at = (offset: number) => short.every((w, i) => long[offset + i] === w);
  if (at(long.length - short.length)) return true;
  return short.length === 1 && (short[0] ?? "").endsWith("ing") && at(0);
}
