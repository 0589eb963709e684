// Which words may be key terms of an answer (analyse-text.ts): real words of three letters or
// more, not times and dates, not codes, not words too general or too strongly toned to name a
// topic; the nouns too vague to stand alone as a theme; and the -ing form that writes a verb
// phrase as an activity.
import { TONE_LEXICON } from "./tone-lexicon";

/** Words, not numbers, contractions ("i'm") or stray symbols; at least three letters. */
export const WORDLIKE = /^\p{L}[\p{L}-]*\p{L}$/u;
const WHEN_WORDS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "today",
  "yesterday",
  "tomorrow",
  "morning",
  "evening",
  "night",
  "week",
  "month",
  "year",
  "day",
  "hour",
  "minute",
  "time",
  "date",
]);
/**
 * Nouns that name a position or a portion rather than a topic ("in the end", "every setting",
 * "around the block"): a theme built on one is shown only under a phrase ("story line", "ear
 * piece"), never as the bare word.
 */
export const VAGUE_NOUNS = new Set([
  "end",
  "line",
  "part",
  "side",
  "piece",
  "place",
  "point",
  "setting",
  "block",
  "pair",
  "fact",
  "reason",
  "number",
  "rest",
  "beginning",
  "half",
  "couple",
  "spot",
]);
/** Possessive words that may stand between a verb and its object ("charge my phone"). */
export const POSSESSIVES = new Set(["my", "your", "his", "her", "its", "our", "their"]);

/** The -ing form of a verb's lemma: "pay" → "paying", "charge" → "charging", "fit" → "fitting". */
export function gerund(lemma: string): string {
  if (lemma.endsWith("ie")) return `${lemma.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(lemma) && !/(ee|ye|oe)$/.test(lemma)) return `${lemma.slice(0, -1)}ing`;
  // One vowel then one consonant in a one-syllable word doubles it: "fit" → "fitting".
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma)) return `${lemma}${lemma.slice(-1)}ing`;
  return `${lemma}ing`;
}
/** Verbs too general to name what an answer is about. */
export const EMPTY_VERBS = new Set([
  "get",
  "go",
  "make",
  "come",
  "say",
  "think",
  "want",
  "need",
  "try",
  "look",
  "find",
  "feel",
  "know",
  "see",
  "take",
  "give",
  "put",
  "let",
  "seem",
  "keep",
  "tell",
  "start",
  "expect",
  "hope",
  "mean",
  "thing",
  "happen",
  "become",
  "leave",
  "show",
]);
/** Nouns that say nothing about the topic on their own. */
const EMPTY_NOUNS = new Set([
  "thing",
  "things",
  "lot",
  "way",
  "one",
  "bit",
  "kind",
  "sort",
  "stuff",
  "something",
  "anything",
  "everything",
  "nothing",
  "people",
  "guy",
  "guys",
  "star",
  "stars",
  "ok",
  "okay",
]);

/**
 * Strongly toned words are tone, not topic; at the start of a sentence wink-nlp often tags a
 * capitalised adjective ("Great phone") as a proper noun, hence the lower bar for those.
 */
export function toned(form: string, pos: string): boolean {
  const valence = Math.abs(TONE_LEXICON.get(form) ?? 0);
  return valence >= (pos === "NOUN" ? 2 : 1);
}

export function isTermWord(lemma: string, raw: string): boolean {
  if (lemma.length < 3 || !WORDLIKE.test(lemma)) return false;
  if (WHEN_WORDS.has(lemma) || EMPTY_NOUNS.has(lemma)) return false;
  // A short all-capitals word is a code or abbreviation (airport, flight, model), not a topic.
  if (raw.length <= 4 && raw === raw.toUpperCase()) return false;
  return true;
}
