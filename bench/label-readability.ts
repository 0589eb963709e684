// How readable theme labels are, judged from the outside (the same way before and after a change
// to the theme code): a label is readable when it is a phrase of two or more words, or one word
// that wink-nlp reads as a noun where the theme's own answers use it ("price" in "the price was
// fair"; not "works" in "works great" or "matched" in "the paperwork matched"). Used by
// `npm run bench:text` and by the theme tests on real labelled text.
import type { ItsFunction } from "wink-nlp";
import { englishNlp } from "~/server/analysis/text/nlp";

export interface LabelledTheme {
  label: string;
  /** Indices into `texts` of the theme's answers. */
  rows: readonly number[];
}

/**
 * Whether one word is mostly tagged a noun (or proper noun) where the texts use it. wink-nlp
 * splits a hyphenated word ("trade-in") at its hyphens; its first part's tag stands for it.
 */
function readAsNoun(word: string, texts: readonly string[]): boolean {
  const parts = word.split("-");
  const nlp = englishNlp();
  let noun = 0;
  let other = 0;
  for (const text of texts) {
    const tokens = nlp.readDoc(text).tokens();
    const normals = tokens.out(nlp.its.normal) as string[];
    const pos = tokens.out(nlp.its.pos as unknown as ItsFunction<string>) as string[];
    normals.forEach((w, i) => {
      const here = parts.every((p, k) => (normals[i + 2 * k] ?? "").toLowerCase() === p);
      const joined = parts.slice(1).every((_, k) => normals[i + 2 * k + 1] === "-");
      if (!here || !joined) return;
      if (pos[i] === "NOUN" || pos[i] === "PROPN") noun += 1;
      else other += 1;
    });
  }
  return noun > other;
}

export function isReadableLabel(theme: LabelledTheme, texts: readonly string[]): boolean {
  const words = theme.label.trim().toLowerCase().split(/\s+/);
  if (words.length >= 2) return true;
  return readAsNoun(
    words[0] ?? "",
    theme.rows.map((r) => texts[r] ?? ""),
  );
}

export function labelReadability(themes: readonly LabelledTheme[], texts: readonly string[]) {
  const readable = themes.filter((t) => isReadableLabel(t, texts));
  const multiWord = themes.filter((t) => t.label.trim().includes(" "));
  const share = (k: number) => (themes.length ? Number((k / themes.length).toFixed(3)) : 1);
  return {
    /** Multi-word phrases and single words read as nouns in their answers. */
    readableShare: share(readable.length),
    multiWordShare: share(multiWord.length),
    notReadable: themes.filter((t) => !readable.includes(t)).map((t) => t.label),
  };
}
