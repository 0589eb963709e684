// Groups answers into a few themes by a shared key term and orders answers by how representative
// they are, deterministically. Themes are picked greedily: the term with the highest remaining
// weight (answers not yet in a theme that use it, as a share, × its idf) takes all those answers;
// repeat until maxThemes themes or no term is used by minCount remaining answers. Each answer
// lands in one theme at most, so counts add up. Ties go to the larger group, then to the term
// first in code-unit order. An answer is representative when it uses many of the group's salient
// terms (shared by at least two answers), relative to how many terms it has, so long answers do
// not win by length alone.
import { compareText, type TermStats } from "./key-terms";

export interface ThemeGroup {
  term: string;
  /** Indices into the docs, in input order. */
  members: number[];
}

export interface ThemeOptions {
  maxThemes: number;
  minCount: number;
}

export function groupByKeyTerm(
  docs: readonly { terms: readonly string[] }[],
  stats: ReadonlyMap<string, TermStats>,
  options: ThemeOptions,
): { themes: ThemeGroup[]; unthemed: number[] } {
  const remaining = new Set(docs.map((_, i) => i));
  const themes: ThemeGroup[] = [];
  const n = docs.length;
  while (themes.length < options.maxThemes && remaining.size > 0) {
    const support = new Map<string, number[]>();
    for (const i of remaining) {
      for (const term of docs[i]?.terms ?? []) {
        const list = support.get(term) ?? [];
        list.push(i);
        support.set(term, list);
      }
    }
    let best: { term: string; members: number[]; weight: number } | null = null;
    for (const [term, members] of support) {
      if (members.length < options.minCount) continue;
      const weight = (members.length / n) * (stats.get(term)?.idf ?? 1);
      const better =
        !best ||
        weight > best.weight ||
        (weight === best.weight &&
          (members.length > best.members.length ||
            (members.length === best.members.length && compareText(term, best.term) < 0)));
      if (better) best = { term, members, weight };
    }
    if (!best) break;
    for (const i of best.members) remaining.delete(i);
    themes.push({ term: best.term, members: [...best.members].sort((a, b) => a - b) });
  }
  return { themes, unthemed: [...remaining].sort((a, b) => a - b) };
}

/** Sum of the salience of the answer's shared terms / √(its number of terms); 0 without terms. */
export function representativeness(
  terms: readonly string[],
  stats: ReadonlyMap<string, TermStats>,
): number {
  if (terms.length === 0) return 0;
  let sum = 0;
  for (const term of terms) {
    const s = stats.get(term);
    if (s && s.count >= 2) sum += s.salience;
  }
  return sum / Math.sqrt(terms.length);
}

/**
 * Indices of `candidates`, most representative first; `tieBreak` orders equal scores (e.g. by
 * response id) so the choice never depends on input order.
 */
export function mostRepresentative(
  candidates: readonly number[],
  docs: readonly { terms: readonly string[] }[],
  stats: ReadonlyMap<string, TermStats>,
  tieBreak: (a: number, b: number) => number,
): number[] {
  const score = new Map(
    candidates.map((i) => [i, representativeness(docs[i]?.terms ?? [], stats)] as const),
  );
  return [...candidates].sort(
    (a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || tieBreak(a, b),
  );
}
