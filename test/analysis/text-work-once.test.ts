// The cards phase reads each free-text answer once per run and skips repeated answers when picking
// quotes; none of that may change what a strategist sees. On a planted survey whose answers repeat
// (as a large survey's do), with blanks, placeholders and German answers mixed in, the shared text
// cache must give the same summaries as reading every group afresh, and the quote pickers must
// return what the versions that re-read every candidate (kept here as references) return.
import { describe, expect, it } from "vitest";
import { quotesFor } from "~/server/analysis/persona-quotes";
import { summariseGroupTexts } from "~/server/analysis/persona-texts";
import type { Quote } from "~/server/analysis/result";
import { createRng, type Rng } from "~/server/analysis/rng";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import { isQuotable, pickQuotes } from "~/server/analysis/text/quotes";
import type { TextCache } from "~/server/analysis/text/summarise";
import { answerVectors, centroid, cosine, type SparseVector } from "~/server/analysis/text/vectors";
import { analyseText } from "~/server/analysis/text/analyse-text";

// Persona quotes and the text engine share one rule for what is worth quoting.
const isQuotableForPersona = isQuotable;

const SAYINGS: readonly (readonly string[])[] = [
  [
    "The delivery delay was terrible and nobody told me anything.",
    "Another delivery delay, I am really angry about it.",
    "The courier lost my parcel, terrible.",
    "Customer support was rude and useless.",
  ],
  [
    "The member discount is great and I love it.",
    "Checkout was quick and easy, wonderful.",
    "The staff were friendly and very helpful.",
    "I love the fresh design of the shop.",
  ],
  [
    "The app keeps crashing, this is a horrible experience.",
    "Die Lieferung war sehr spät und ich bin nicht zufrieden.",
    "The manual is confusing and badly written.",
    "Great!",
  ],
];
const NOISE = ["", "NA", "n/a", "-", "No comment", "Nothing to add."];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

/** 600 respondents in three planted groups; answers repeat, with a few blanks and placeholders. */
function plantedGroups(): { questions: QuestionDefinition[]; groups: SurveyResponse[][] } {
  const rng = createRng(314);
  const questions: QuestionDefinition[] = [
    { id: "say", label: "Anything else?", kind: "text", role: "THOUGHT" },
    { id: "why", label: "Why that score?", kind: "text", role: "PAIN" },
  ];
  const groups: SurveyResponse[][] = [[], [], []];
  for (let i = 0; i < 600; i++) {
    const g = i % 3;
    const sayings = SAYINGS[g] as readonly string[];
    // Two sentences: one of the group's own, one of anyone's, so texts repeat but vary.
    const answer = (): string =>
      rng.next() < 0.1 ? pick(rng, NOISE) : `${pick(rng, sayings)} ${pick(rng, SAYINGS.flat())}`;
    groups[g]?.push({ id: `r${i}`, answers: { say: answer(), why: answer() } });
  }
  return { questions, groups };
}

/** pickQuotes before the candidates' keys were computed once (the reference). */
function pickQuotesReference(
  candidates: readonly number[],
  vectors: readonly SparseVector[],
  texts: readonly string[],
  centre: SparseVector,
  limit: number,
): number[] {
  const RELEVANCE = 0.7;
  const NEAR_COPY = 0.9;
  const picked: number[] = [];
  const seen = new Set<string>();
  const pool = [...candidates].sort((a, b) => a - b);
  const relevance = new Map(pool.map((i) => [i, cosine(vectors[i] ?? new Map(), centre)]));
  while (picked.length < limit) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of pool) {
      const key = (texts[i] ?? "").trim().toLowerCase().replace(/\s+/g, " ");
      if (picked.includes(i) || seen.has(key)) continue;
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
    seen.add((texts[best] ?? "").trim().toLowerCase().replace(/\s+/g, " "));
  }
  return picked;
}

describe("free text read once per run", () => {
  const { questions, groups } = plantedGroups();
  const everyone = groups.flat();

  it("gives the same summaries with one shared cache as with a fresh read per group", () => {
    const fresh = [...groups, everyone].map((g) => summariseGroupTexts(questions, g, 30));
    const cache: TextCache = new Map();
    const shared = [...groups, everyone].map((g) => summariseGroupTexts(questions, g, 30, cache));
    expect(shared).toEqual(fresh);
    // The planted groups write differently, so the comparison is not between empty summaries.
    const themed = fresh.flatMap((g) => g.flatMap((q) => q.themes));
    expect(themed.length).toBeGreaterThan(3);
    expect(fresh.some((g) => g.some((q) => q.tone !== null))).toBe(true);
    // Each distinct text was read once: the cache holds no more entries than there are texts.
    const distinct = new Set(everyone.flatMap((r) => [r.answers.say, r.answers.why]));
    expect(cache.size).toBe(distinct.size);
  }, 30_000);

  it("picks the same quotes as the reference that re-reads every candidate", () => {
    const rng = createRng(2718);
    const texts = everyone.map((r) => r.answers.say as string);
    const vectors = answerVectors(texts.map((t) => analyseText(t)));
    let compared = 0;
    for (let trial = 0; trial < 20; trial++) {
      const candidates = texts
        .map((_, i) => i)
        .filter((i) => isQuotable(texts[i] as string) && rng.next() < 0.3);
      const centre = centroid(candidates.slice(0, 40).map((i) => vectors[i] as SparseVector));
      const limit = 1 + (trial % 4);
      const ours = pickQuotes(candidates, vectors, texts, centre, limit);
      expect(ours).toEqual(pickQuotesReference(candidates, vectors, texts, centre, limit));
      compared += ours.length;
    }
    expect(compared).toBeGreaterThan(20);
  }, 30_000);

  it("picks the same persona quotes when repeated answers are skipped", () => {
    for (const group of groups) {
      const { quotes } = quotesFor({ questions, representatives: group, quotesPerPersona: 4 });
      expect(quotes).toEqual(quotesForReference(questions, group, 4));
      expect(quotes.length).toBeGreaterThan(0);
    }
  });
});

/** quotesFor's choice before repeated answers were skipped (the reference; quotes only). */
function quotesForReference(
  questions: readonly QuestionDefinition[],
  representatives: readonly SurveyResponse[],
  limit: number,
): Quote[] {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const sentencesOf = (text: string) =>
    text
      .split(/(?<=[.!?])\s+/)
      .map((line) => words(line).join(" "))
      .filter((line) => line.split(" ").length >= 4);
  const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
    let shared = 0;
    for (const w of a) if (b.has(w)) shared += 1;
    const union = a.size + b.size - shared;
    return union === 0 ? 1 : shared / union;
  };
  const thought = questions.filter((q) => q.role === "THOUGHT" && q.kind === "text");
  const quotes: Quote[] = [];
  const chosen: { bag: Set<string>; lines: Set<string> }[] = [];
  representatives.forEach((response, i) => {
    if (quotes.length >= limit) return;
    for (const q of thought) {
      const answer = response.answers[q.id];
      if (typeof answer !== "string" || !isQuotableForPersona(answer)) continue;
      const bag = new Set(words(answer));
      const lines = sentencesOf(answer);
      if (chosen.some((other) => overlap(bag, other.bag) > 0.5)) continue;
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
  return quotes;
}
