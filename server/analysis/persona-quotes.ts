// Picks a persona's quotes: real open answers (to questions tagged Thought) of the members closest
// to the centre first, one per respondent, never blanks, answers too short or empty of content to
// say anything (isQuotable in text/quotes.ts), or answers that repeat a quote already chosen.
import { ASK_NEXT_TIME } from "./persona-card-copy";
import { capitalise } from "./persona-phrasing";
import type { Quote } from "./result";
import type { QuestionDefinition, SurveyResponse } from "./survey";
// One rule for what is worth quoting, shared with the text themes and the journey cells.
import { isQuotable, MIN_QUOTE_WORDS } from "./text/quotes";

/** Two quotes sharing more than this share of their words say the same thing. */
const MAX_QUOTE_OVERLAP = 0.5;

/** What quoting reads from a card's input. */
export interface QuoteSource {
  questions: readonly QuestionDefinition[];
  /** Members closest to the centroid first, ambiguous members left out. */
  representatives: readonly SurveyResponse[];
  quotesPerPersona?: number;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Sentences of an answer, normalised, so two quotes repeating the same line are caught. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((line) => words(line).join(" "))
    .filter((line) => line.split(" ").length >= MIN_QUOTE_WORDS);
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Quotes from the members closest to the centre first (one per respondent, so a talkative
 * member cannot speak for everyone), skipping blanks, answers too short to say anything, and
 * answers that repeat a quote already chosen.
 */
export function quotesFor(input: QuoteSource): { quotes: Quote[]; note: string | null } {
  const thoughtQuestions = input.questions.filter((q) => q.role === "THOUGHT" && q.kind === "text");
  if (thoughtQuestions.length === 0) return { quotes: [], note: ASK_NEXT_TIME.quotes };
  const limit = input.quotesPerPersona ?? 3;
  const quotes: Quote[] = [];
  const chosen: { bag: Set<string>; lines: Set<string> }[] = [];
  // Answers already looked at: one chosen repeats itself, one turned down stays turned down (the
  // chosen quotes only grow), so a repeat is skipped without reading it again. A large persona
  // holds thousands of members, many with the same answer.
  const considered = new Set<string>();
  input.representatives.forEach((response, i) => {
    if (quotes.length >= limit) return;
    for (const q of thoughtQuestions) {
      const answer = response.answers[q.id];
      if (typeof answer !== "string" || considered.has(answer)) continue;
      considered.add(answer);
      if (!isQuotable(answer)) continue;
      const bag = new Set(words(answer));
      const lines = sentencesOf(answer);
      if (chosen.some((other) => overlap(bag, other.bag) > MAX_QUOTE_OVERLAP)) continue;
      if (chosen.some((other) => lines.some((l) => other.lines.has(l)))) continue;
      chosen.push({ bag, lines: new Set(lines) });
      quotes.push({
        responseId: response.id,
        questionId: q.id,
        questionLabel: q.label,
        text: answer.trim(),
        closenessRank: i + 1,
      });
      return;
    }
  });
  const note =
    quotes.length === 0
      ? `None of the persona's typical members gave an open answer of at least ${MIN_QUOTE_WORDS} words.`
      : null;
  return { quotes, note: note && capitalise(note) };
}
