// One open-text answer as the text analysis needs it, read once by wink-nlp:
// - its tone (tone-model.ts: our rules, wink-nlp's sentiment and the words, calibrated), and
//   wink-nlp's own sentiment kept for comparison;
// - its key terms: lemmas of nouns and proper nouns that are not stop words (what people write
//   about: "delivery", "fee", "salesperson"), and of specific verbs ("works", "charge"), each with
//   the form written, so a theme reads "fees"; strongly toned words are tone, not terms;
// - its key phrases: runs of adjectives and nouns ending in a noun ("battery life", "customer
//   service", "hidden fees"), two or three words, with toned adjectives dropped from the front
//   ("great battery life" is about "battery life"; its tone is measured separately);
// - its verb phrases: a key verb with the noun it acts on ("paid the price", "explain the
//   difference"), written as an activity ("paying the price"): a verb alone ("paid", "matched")
//   does not say what a theme is about, so a verb theme is labelled by such a phrase or not shown;
// - its content lemmas (nouns, verbs, adjectives, adverbs), the answer's vector for picking quotes.
// Numbers, codes ("JFK", "A320"), weekdays and months are never terms: they name when and where,
// not what the answer is about.
import type { ItsFunction } from "wink-nlp";
import { englishNlp } from "./nlp";
import { rawTone, saysNothing, toneWords } from "./tone";
import { calibratedTone, type AnswerTone, type ToneInputs } from "./tone-model";
import { EMPTY_VERBS, POSSESSIVES, WORDLIKE, gerund, isTermWord, toned } from "./term-words";
import { TONE_LEXICON } from "./tone-lexicon";

export interface TextTerm {
  lemma: string;
  /** The lower-cased word as written. */
  form: string;
  /** Part of speech of the term where first written; absent means a noun. */
  kind?: "noun" | "verb";
}

export interface VerbPhrase {
  /** The verb's lemma: the key term the phrase labels. */
  verb: string;
  /** "verb head-noun" in lemmas: the phrase's identity across answers. */
  key: string;
  /** The readable label: the verb's -ing form and its object as written ("paying the price"). */
  label: string;
}

export interface TextPhrase {
  /** Lemmas joined by a space: the phrase's identity across answers. */
  key: string;
  /** The lower-cased words as written. */
  form: string;
}

export interface AnalysedText {
  /** wink-nlp's sentiment, −1 (negative) .. +1 (positive); 0 when no word carries tone. */
  sentiment: number;
  /** The calibrated tone the app reports. */
  tone: AnswerTone;
  /** Distinct key terms, in order of first occurrence. */
  terms: TextTerm[];
  /** Distinct key phrases of two or three words, in order of first occurrence. */
  phrases: TextPhrase[];
  /** Content lemmas with repeats, for similarity between answers. */
  content: string[];
  /** Distinct verb phrases, in order of first occurrence (absent: none read). */
  verbPhrases?: VerbPhrase[];
}

const TERM_POS = new Set(["NOUN", "PROPN"]);
const CHUNK_POS = new Set(["NOUN", "PROPN", "ADJ"]);
const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV"]);
interface TokenColumns {
  types: string[];
  stop: boolean[];
  pos: string[];
  lemmas: string[];
  normals: string[];
  raws: string[];
}

/**
 * wink-nlp splits "trade-in", "long-term" and "end-of-season" at the hyphens, which leaves
 * "trade" or "term" as a key term. Words joined by hyphens without spaces become one word here:
 * a noun when it holds one and no noun follows it ("the trade-in"), else a modifier, read like
 * an adjective ("trade-in value", "long-term reviews").
 */
function joinHyphenated(columns: TokenColumns & { spaces: string[] }): TokenColumns {
  const { types, stop, pos, lemmas, normals, raws, spaces } = columns;
  const out: TokenColumns = { types: [], stop: [], pos: [], lemmas: [], normals: [], raws: [] };
  let i = 0;
  while (i < types.length) {
    let end = i;
    while (
      types[end] === "word" &&
      raws[end + 1] === "-" &&
      spaces[end + 1] === "" &&
      types[end + 2] === "word" &&
      spaces[end + 2] === ""
    )
      end += 2;
    if (end === i) {
      out.types.push(types[i] ?? "");
      out.stop.push(stop[i] ?? false);
      out.pos.push(pos[i] ?? "");
      out.lemmas.push(lemmas[i] ?? "");
      out.normals.push(normals[i] ?? "");
      out.raws.push(raws[i] ?? "");
      i += 1;
      continue;
    }
    const parts = Array.from({ length: end - i + 1 }, (_, k) => i + k);
    const hasNoun = parts.some((k) => TERM_POS.has(pos[k] ?? ""));
    const nounFollows = TERM_POS.has(pos[end + 1] ?? "");
    out.types.push("word");
    out.stop.push(false);
    out.pos.push(hasNoun && !nounFollows ? "NOUN" : "ADJ");
    out.lemmas.push(parts.map((k) => (k === end ? lemmas[k] : normals[k])).join(""));
    out.normals.push(parts.map((k) => normals[k]).join(""));
    out.raws.push(parts.map((k) => raws[k]).join(""));
    i = end + 1;
  }
  return out;
}

export function analyseText(text: string): AnalysedText {
  const nlp = englishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  // Column by column (one pass each) rather than token by token: fewer calls into wink-nlp. The
  // casts work around wink-nlp's own declarations, which type pos and lemma as functions that
  // `out` does not accept; at run time they are ordinary its helpers returning strings.
  const { types, stop, pos, lemmas, normals, raws } = joinHyphenated({
    types: tokens.out(its.type) as string[],
    stop: tokens.out(its.stopWordFlag) as unknown as boolean[],
    pos: tokens.out(its.pos as unknown as ItsFunction<string>) as string[],
    lemmas: (tokens.out(its.lemma as unknown as ItsFunction<string>) as string[]).map((l) =>
      (l ?? "").toLowerCase(),
    ),
    normals: (tokens.out(its.normal) as string[]).map((w) => (w ?? "").toLowerCase()),
    raws: tokens.out() as string[],
    spaces: tokens.out(its.precedingSpaces) as string[],
  });
  const terms: TextTerm[] = [];
  const seenTerms = new Set<string>();
  const content: string[] = [];
  types.forEach((type, i) => {
    if (type !== "word") return;
    const lemma = lemmas[i] ?? "";
    const p = pos[i] ?? "";
    if (!stop[i] && CONTENT_POS.has(p) && WORDLIKE.test(lemma)) content.push(lemma);
    // Verbs name an activity ("works", "charge", "return") when nouns are missing ("Works
    // great!"): they are key terms too, but never the general ones ("get", "go", "make").
    const verbTerm = p === "VERB" && !EMPTY_VERBS.has(lemma);
    if (stop[i] || !(TERM_POS.has(p) || verbTerm) || !isTermWord(lemma, raws[i] ?? "")) return;
    if (toned(normals[i] ?? "", p)) return;
    if (seenTerms.has(lemma)) return;
    seenTerms.add(lemma);
    terms.push({ lemma, form: normals[i] ?? lemma, kind: TERM_POS.has(p) ? "noun" : "verb" });
  });

  // Verb phrases: a key verb, then at most three determiners, possessives, numbers or
  // adjectives, then a run of nouns; the last noun is the head ("charge my car battery").
  const verbPhrases: VerbPhrase[] = [];
  const seenVerbPhrases = new Set<string>();
  for (const term of terms) {
    if (term.kind !== "verb") continue;
    types.forEach((type, i) => {
      if (type !== "word" || pos[i] !== "VERB" || lemmas[i] !== term.lemma) return;
      // "Hidden fees", "used car": a participle right before its noun describes it; no activity.
      if (/(ed|en|wn)$/.test(normals[i] ?? "") && TERM_POS.has(pos[i + 1] ?? "")) return;
      let j = i + 1;
      const between = (k: number): boolean =>
        pos[k] === "DET" ||
        pos[k] === "NUM" ||
        pos[k] === "ADJ" ||
        (pos[k] === "PRON" && POSSESSIVES.has(normals[k] ?? ""));
      while (j < types.length && j - i <= 3 && between(j)) j += 1;
      let head = -1;
      for (let k = j; k < types.length && k < j + 3; k++) {
        if (!TERM_POS.has(pos[k] ?? "") || !isTermWord(lemmas[k] ?? "", raws[k] ?? "")) break;
        head = k;
      }
      if (head < 0) return;
      const key = `${term.lemma} ${lemmas[head] ?? ""}`;
      if (seenVerbPhrases.has(key)) return;
      seenVerbPhrases.add(key);
      const object = normals.slice(i + 1, head + 1).join(" ");
      verbPhrases.push({ verb: term.lemma, key, label: `${gerund(term.lemma)} ${object}` });
    });
  }

  // Noun chunks: maximal runs of adjective/noun words (no stop words) ending in a noun.
  const phrases: TextPhrase[] = [];
  const seenPhrases = new Set<string>();
  const usable = (i: number): boolean =>
    types[i] === "word" &&
    !stop[i] &&
    CHUNK_POS.has(pos[i] ?? "") &&
    isTermWord(lemmas[i] ?? "", raws[i] ?? "") &&
    !(pos[i] !== "ADJ" && toned(normals[i] ?? "", pos[i] ?? ""));
  let i = 0;
  while (i < types.length) {
    if (!usable(i)) {
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < types.length && usable(end + 1)) end += 1;
    // Trim to end on a noun, and drop toned adjectives from the front.
    let last = end;
    while (last >= i && !TERM_POS.has(pos[last] ?? "")) last -= 1;
    let first = i;
    while (
      first < last &&
      pos[first] === "ADJ" &&
      Math.abs(TONE_LEXICON.get(normals[first] ?? "") ?? 0) >= 0.5
    )
      first += 1;
    // The phrases end on the chunk's head noun: "battery life" and "long battery life", never
    // "long battery".
    for (let s = Math.max(first, last - 2); s < last; s++) {
      const key = lemmas.slice(s, last + 1).join(" ");
      if (seenPhrases.has(key)) continue;
      seenPhrases.add(key);
      phrases.push({ key, form: normals.slice(s, last + 1).join(" ") });
    }
    i = end + 1;
  }

  const wink = Number(doc.out(its.sentiment));
  const sentiment = Number.isFinite(wink) ? wink : 0;
  return {
    sentiment,
    tone: calibratedTone(toneInputsOf(text, sentiment)),
    terms,
    phrases,
    content,
    verbPhrases,
  };
}

/** An answer that only says there is nothing to say reads as no evidence at all: neutral, 0. */
function toneInputsOf(text: string, wink: number): ToneInputs {
  if (saysNothing(text)) return { rulesRaw: 0, wink: 0, words: [] };
  return { rulesRaw: rawTone(text), wink, words: toneWords(text) };
}

/** What the tone model reads of an answer (for fitting and measuring it on labelled text). */
export function toneInputs(text: string): ToneInputs {
  const wink = Number(englishNlp().readDoc(text).out(englishNlp().its.sentiment));
  return toneInputsOf(text, Number.isFinite(wink) ? wink : 0);
}

/** The same text always reads the same: analyse each distinct string once per call site. */
export function analyseTexts(texts: Iterable<string>): Map<string, AnalysedText> {
  const out = new Map<string, AnalysedText>();
  for (const text of texts) if (!out.has(text)) out.set(text, analyseText(text));
  return out;
}
