// Which answers to quote for a theme: real sentences a strategist can read, close to what the theme
// is about, and not three ways of saying the same thing. An answer is quotable when it has at
// least MIN_QUOTE_WORDS words and is not a placeholder for "no answer" ("NA", "n/a", "-", "none",
// "nothing", "no") nor an answer without content ("Not much to say here."), which every count
// treats as no answer. Among quotable answers the first pick is the one closest to the theme's centre
// (cosine of tf-idf vectors); each next pick maximises closeness to the centre minus its closeness
// to the answers already picked (maximal marginal relevance), so the quotes cover the theme rather
// than repeat its most typical sentence; a near copy of a picked quote comes only when nothing else
// is left. Ties go to the earlier answer.
import { cosine, type SparseVector } from "./vectors";

export const MIN_QUOTE_WORDS = 4;
/** Weight of closeness to the centre against closeness to quotes already picked. */
const RELEVANCE = 0.7;
/** Cosine at which an answer is a near copy of a quote already picked: last resort only. */
const NEAR_COPY = 0.9;

const MISSING = new Set([
  "na",
  "n/a",
  "n.a.",
  "-",
  "--",
  "none",
  "nothing",
  "no",
  "nil",
  "null",
  "nope",
  "no comment",
  "no comments",
  "nothing to add",
  "not applicable",
  ".",
  "?",
]);

/**
 * Answers that are there but say nothing: "Not much to say here.", "Nothing really to add",
 * "Can't remember much about this part.", "No idea", "I don't know". They carry neither praise
 * nor a complaint (a negative word in them is about the answer, not the experience), so they count
 * as no answer. "Nothing special" and "Not great" do say something and are kept.
 */
const NO_CONTENT = [
  /^(?:there'?s |there is |i have |i've )?(?:not? )?(?:much|nothing|anything|little)(?: (?:much|really|else|more|at all|in particular))?(?: to (?:say|add|report|mention|share|comment(?: on)?))?(?: (?:here|really|about (?:it|this|that)|at all|for now|so far))*$/,
  /^(?:i )?(?:can'?t|cannot|don'?t|do not) (?:really )?(?:remember|recall|know|say|think of)(?: (?:much|anything|a thing))?(?: (?:else|really))?(?: about (?:it|this|that|this part|this stage|that part|that stage))?$/,
  /^(?:no|not) (?:idea|opinion|comments?|thoughts|answer|views?|really|sure|applicable)$/,
  /^(?:idk|dunno|pass|skip|same|same as above|see above|as above|nothing comes to mind)$/,
];
/** Lead-ins that do not change what the rest says. */
const FILLER =
  /^(?:well|honestly|um+|hmm+|to be honest|to be fair|if i'm honest|i have to say)[,:]? +/;

/**
 * True when an answer counts as no answer at all: every count (n answered, themes, quotes) leaves
 * it out. Not the same test as tone.ts saysNothing, which only decides that an answer has no tone.
 * This one also drops answers that defer or forget ("Same as above", "pass", "I can't remember");
 * saysNothing also silences answers that stay in the counts here ("Nothing to add, thanks", "Not
 * a lot to say"): they were given, so they count as answered, but they carry no tone.
 */
export function isMissingAnswer(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "" || MISSING.has(t) || MISSING.has(t.replace(/[.!]+$/, ""))) return true;
  const core = t
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[.!?\u2026]+$/, "")
    .replace(FILLER, "")
    .replace(/,/g, "")
    .trim();
  return NO_CONTENT.some((pattern) => pattern.test(core));
}

/** Words as a reader counts them: runs separated by spaces that hold a letter ("don't" is one). */
export function readerWords(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

export function isQuotable(text: string): boolean {
  return !isMissingAnswer(text) && readerWords(text) >= MIN_QUOTE_WORDS;
}

/** An answer as compared for "the same text": trimmed, lower case, runs of spaces as one. */
function quoteKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Up to `limit` of `candidates` (indices into `vectors`), best first, by closeness to `centre` with
 * diversity; equal texts are quoted once.
 */
export function pickQuotes(
  candidates: readonly number[],
  vectors: readonly SparseVector[],
  texts: readonly string[],
  centre: SparseVector,
  limit: number,
): number[] {
  const picked: number[] = [];
  const pickedSet = new Set<number>();
  const seen = new Set<string>();
  const pool = [...candidates].sort((a, b) => a - b);
  const relevance = new Map(pool.map((i) => [i, cosine(vectors[i] ?? new Map(), centre)]));
  // Each candidate's text normalised once, not once per pick: a theme of a large column has
  // tens of thousands of candidates.
  const keys = new Map(pool.map((i) => [i, quoteKey(texts[i] ?? "")]));
  while (picked.length < limit) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of pool) {
      if (pickedSet.has(i) || seen.has(keys.get(i) as string)) continue;
      const redundancy = Math.max(
        0,
        ...picked.map((j) => cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map())),
      );
      const score =
        RELEVANCE * (relevance.get(i) ?? 0) -
        (1 - RELEVANCE) * redundancy -
        (redundancy >= NEAR_COPY ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    picked.push(best);
    pickedSet.add(best);
    seen.add(keys.get(best) as string);
  }
  return picked;
}
