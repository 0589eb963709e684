// One open-text answer as the journey filler needs it: its sentiment score and its key terms. Key
// terms are the lemmas of nouns and proper nouns that are not stop words (what people write
// about: "delivery", "fee", "salesperson"); adjectives and verbs carry tone, which sentiment
// already measures. Each term keeps the form respondents wrote, so a theme can be labelled
// "fees" rather than the lemma "fee".
import type { ItsFunction } from "wink-nlp";
import { englishNlp } from "./nlp";

export interface TextTerm {
  lemma: string;
  /** The lower-cased word as written. */
  form: string;
}

export interface AnalysedText {
  /** wink-nlp's sentiment, −1 (negative) .. +1 (positive); 0 when no word carries tone. */
  sentiment: number;
  /** Distinct key terms, in order of first occurrence. */
  terms: TextTerm[];
}

const TERM_POS = new Set(["NOUN", "PROPN"]);
/** Words, not numbers, codes or stray symbols. */
const WORDLIKE = /^\p{L}[\p{L}'-]*\p{L}$/u;

export function analyseText(text: string): AnalysedText {
  const nlp = englishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  // Column by column (one pass each) rather than token by token: fewer calls into wink-nlp. The
  // casts work around wink-nlp's own declarations, which type pos and lemma as functions that
  // `out` does not accept; at run time they are ordinary its helpers returning strings.
  const types = tokens.out(its.type) as string[];
  const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const pos = tokens.out(its.pos as unknown as ItsFunction<string>) as string[];
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const normals = tokens.out(its.normal) as string[];
  const terms: TextTerm[] = [];
  const seen = new Set<string>();
  types.forEach((type, i) => {
    if (type !== "word" || stop[i] || !TERM_POS.has(pos[i] ?? "")) return;
    const lemma = (lemmas[i] ?? "").toLowerCase();
    if (lemma.length < 3 || !WORDLIKE.test(lemma) || seen.has(lemma)) return;
    seen.add(lemma);
    terms.push({ lemma, form: (normals[i] ?? lemma).toLowerCase() });
  });
  const sentiment = Number(doc.out(its.sentiment));
  return { sentiment: Number.isFinite(sentiment) ? sentiment : 0, terms };
}

/** The same text always reads the same: analyse each distinct string once per call site. */
export function analyseTexts(texts: Iterable<string>): Map<string, AnalysedText> {
  const out = new Map<string, AnalysedText>();
  for (const text of texts) if (!out.has(text)) out.set(text, analyseText(text));
  return out;
}
