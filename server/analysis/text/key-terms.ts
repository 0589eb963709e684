// Which key terms are salient in a group of answers: tf-idf of lemmas, where tf is the share of
// the group's answers that use the term and idf compares the group with the others it sits among
// (the other personas' answers at the same stage, or for all respondents the other stages). A term
// everyone uses ("car" on a car-buying map) gets the lowest weight; a term only this group uses the
// highest. Smoothed idf = ln((1 + G) / (1 + g)) + 1, G groups in all, g of them using the term,
// so it is finite and positive even when every group uses it.
import type { TextTerm } from "./analyse-text";

export interface TermStats {
  term: string;
  /** Answers of the group using the term. */
  count: number;
  idf: number;
  /** count / answers × idf. */
  salience: number;
  /** The form respondents most often wrote (ties: the first in code-unit order). */
  label: string;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function termSalience(
  docs: readonly { terms: readonly TextTerm[] }[],
  otherGroups: readonly ReadonlySet<string>[],
): Map<string, TermStats> {
  const counts = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    for (const { lemma, form } of doc.terms) {
      counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
      const byForm = forms.get(lemma) ?? new Map<string, number>();
      byForm.set(form, (byForm.get(form) ?? 0) + 1);
      forms.set(lemma, byForm);
    }
  }
  const groups = otherGroups.length + 1;
  const stats = new Map<string, TermStats>();
  for (const [term, count] of counts) {
    const using = 1 + otherGroups.filter((g) => g.has(term)).length;
    const idf = Math.log((1 + groups) / (1 + using)) + 1;
    const label = [...(forms.get(term) ?? new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || compareText(a[0], b[0]),
    )[0]?.[0];
    stats.set(term, {
      term,
      count,
      idf,
      salience: (count / docs.length) * idf,
      label: label ?? term,
    });
  }
  return stats;
}

/** Every lemma used in a group of answers (one comparison group for termSalience). */
export function termSet(docs: readonly { terms: readonly TextTerm[] }[]): Set<string> {
  const set = new Set<string>();
  for (const doc of docs) for (const t of doc.terms) set.add(t.lemma);
  return set;
}
