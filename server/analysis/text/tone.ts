// Tone of one English answer on −1..+1, by rules over a rated word list (tone-lexicon.ts):
// - phrases first: the longest run of words in the list scores as one ("never arrived");
// - negation: a negator ("not", "no", "never", any "n't") up to three words before a toned word
//   flips it and weakens it (× −0.74, VADER's factor: "not good" is less negative than "bad");
//   "and" / "or" end its reach, so in "not tasty and nasty" only "tasty" is flipped;
// - intensifiers: "very", "really", "extremely" strengthen the next toned word, "slightly",
//   "somewhat" soften it;
// - contrast: in "A but B" (also "however", "yet"), B counts 1.5 × and A 0.5 ×, since the clause
//   after the turn is what the writer means; "although A, B" likewise weights B;
// - emphasis: "!" strengthens the answer's tone a little, all-caps toned words a little more.
// The sum is squashed to −1..+1 with VADER's x / √(x² + 15). A score whose size is below
// NEUTRAL_BAND reads as neutral: no toned word, or tones that cancel.
// An answer that only says there is nothing to say ("Not much to say here.", "No comment", "n/a":
// saysNothing) carries no tone at all; its "not" and "nothing" are not a complaint.
import {
  CONTRAST_WORDS,
  INTENSIFIERS,
  LONGEST_PHRASE,
  NEGATORS,
  TONE_LEXICON,
} from "./tone-lexicon";

export type ToneLabel = "negative" | "neutral" | "positive";

/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.05;

const NEGATION_FACTOR = -0.74;
const NEGATION_REACH = 3;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const CAPS_BOOST = 0.733;
const EXCLAMATION_BOOST = 0.292;

interface Token {
  word: string;
  /** Written all in capitals (and longer than one letter): shouting. */
  caps: boolean;
  /** A clause boundary (sentence end, comma, semicolon) comes right before this token. */
  clauseStart: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;,:]+/gu;

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let boundary = true;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    if (/^[.!?;,:]+$/.test(raw)) {
      boundary = true;
      continue;
    }
    const word = raw.toLowerCase().replace(/’/g, "'");
    out.push({
      word,
      caps: raw.length > 1 && raw === raw.toUpperCase() && /\p{L}/u.test(raw),
      clauseStart: boundary,
    });
    boundary = false;
  }
  return out;
}

/** Coordinators that end a negation's reach: "not tasty and nasty" does not flip "nasty". */
const NEGATION_STOPS: ReadonlySet<string> = new Set(["and", "or"]);

/**
 * Whole answers that say there is nothing to say: placeholders ("n/a", "-", "nil", as quotes.ts
 * isMissingAnswer also drops them) and sentences ("Not much to say here.", "Nothing else to add,
 * thanks", "Can't think of anything"). Matched on the answer lower-cased with punctuation turned
 * into spaces, so "n/a" reads "n a".
 */
const NOTHING_TO_SAY =
  /^(?:n a|na|nil|null|nope|not applicable|(?:there(?:'s| is) )?(?:nothing|not much|not a lot|none|no)(?: (?:much|more|else|further|other|really|in particular|at all))*(?: (?:to (?:say|add|report|mention|comment)|comments?|remarks?|answers?|opinion|idea))?(?: (?:on|about) (?:this|that|it))?(?: (?:here|really|at all|right now|for now|thanks|thank you))*|(?:i )?(?:can't|cannot|can not) think of anything(?: (?:else|more))?|nothing comes to mind|(?:i )?(?:don't|do not) know|dunno|not sure|no idea)$/;

/**
 * True when the answer only says there is nothing to say: its tone is neutral by definition.
 * Deliberately not isMissingAnswer (quotes.ts), which decides whether an answer counts at all:
 * some answers count but have no tone here ("Not a lot to say"), and some that defer or forget
 * ("Same as above", "I can't remember") are dropped from the counts there but not matched here.
 */
export function saysNothing(text: string): boolean {
  const plain = text
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain === "" || NOTHING_TO_SAY.test(plain);
}

function isNegator(word: string): boolean {
  return (
    NEGATORS.has(word) ||
    word.endsWith("n't") ||
    word === "dont" ||
    word === "cant" ||
    word === "wont" ||
    word === "didnt" ||
    word === "doesnt" ||
    word === "isnt" ||
    word === "wasnt"
  );
}

export interface ToneScore {
  /** −1 (negative) .. +1 (positive). */
  score: number;
  label: ToneLabel;
}

export function toneLabel(score: number): ToneLabel {
  if (score >= NEUTRAL_BAND) return "positive";
  if (score <= -NEUTRAL_BAND) return "negative";
  return "neutral";
}

/** The raw (unsquashed) sum of the answer's toned words after all rules. */
export function rawTone(text: string): number {
  const tokens = tokenise(text);
  const valences: { at: number; value: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    // Longest phrase starting here.
    let matched = 0;
    let value = 0;
    for (let len = Math.min(LONGEST_PHRASE, tokens.length - i); len >= 1; len--) {
      const phrase = tokens
        .slice(i, i + len)
        .map((t) => t.word)
        .join(" ");
      const v = TONE_LEXICON.get(phrase);
      if (v !== undefined && !(len === 1 && (INTENSIFIERS.has(phrase) || isNegator(phrase)))) {
        matched = len;
        value = v;
        break;
      }
    }
    if (matched === 0) {
      i += 1;
      continue;
    }
    if (value !== 0) {
      const head = tokens[i] as Token;
      let v = value;
      if (head.caps) v += Math.sign(v) * CAPS_BOOST;
      // Look back within the clause for degree words and negators.
      const phraseNegated = tokens.slice(i, i + matched).some((t) => isNegator(t.word));
      let negated = false;
      for (let back = 1; back <= NEGATION_REACH && i - back >= 0; back++) {
        const prev = tokens[i - back] as Token;
        const degree = INTENSIFIERS.get(prev.word);
        if (degree !== undefined && back <= 2) v += Math.sign(v) * degree * (back === 1 ? 1 : 0.95);
        if (NEGATION_STOPS.has(prev.word)) break;
        if (isNegator(prev.word)) negated = !negated;
        if (prev.clauseStart) break;
      }
      if (negated && !phraseNegated) v *= NEGATION_FACTOR;
      valences.push({ at: i, value: v });
    }
    i += matched;
  }
  // Contrast: the last turn word in the answer splits it into before and after.
  let turn = -1;
  tokens.forEach((t, k) => {
    if (CONTRAST_WORDS.has(t.word) && k > 0) turn = k;
  });
  const although = tokens.findIndex((t) => t.word === "although" || t.word === "while");
  let sum = 0;
  for (const { at, value } of valences) {
    let v = value;
    if (turn >= 0) v *= at < turn ? CONTRAST_BEFORE : CONTRAST_AFTER;
    else if (although >= 0) {
      const clauseEnd = tokens.findIndex((t, k) => k > although && t.clauseStart);
      if (clauseEnd > 0) v *= at < clauseEnd ? CONTRAST_BEFORE : CONTRAST_AFTER;
    }
    sum += v;
  }
  const exclamations = Math.min(4, (text.match(/!/g) ?? []).length);
  if (sum !== 0) sum += Math.sign(sum) * exclamations * EXCLAMATION_BOOST;
  return sum;
}

/**
 * The answer's words as the word-level tone model reads them (tone-model.ts): lower-cased, and
 * every word inside a negation's reach marked "not_" ("not worth it" -> "not", "not_worth",
 * "not_it"). The reach runs from the negator to the end of its clause (a comma or sentence end),
 * to a turn word ("but", "however") or to "and" / "or", which is where "not" stops applying.
 * Numbers from 0 to 10 stay, since they are mostly ratings ("10/10", "gave it a 2"); larger ones
 * (years, prices, minutes) are left out. Keeping the small ones lifted held-out balanced accuracy
 * on the film reviews from 0.849 to 0.856 (bench:text, oursShippedRecipe).
 */
export function toneWords(text: string): string[] {
  const out: string[] = [];
  let negated = false;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    if (/^[.!?;,:]+$/.test(raw)) {
      negated = false;
      continue;
    }
    const word = raw.toLowerCase().replace(/’/g, "'");
    if (CONTRAST_WORDS.has(word) || NEGATION_STOPS.has(word)) negated = false;
    if (/^\p{N}+$/u.test(word) && Number(word) > 10) continue;
    out.push(negated ? `not_${word}` : word);
    if (isNegator(word)) negated = true;
  }
  return out;
}

export function scoreTone(text: string): ToneScore {
  const raw = rawTone(text);
  const score = raw / Math.sqrt(raw * raw + 15);
  return { score, label: toneLabel(score) };
}
