// The fixed words of a persona card: the neutral placeholder names and how a persona gets one,
// the notes that mark a card as a draft, the "insufficient evidence" line, and what to ask in the
// next survey when a field has no question to rest on.
import { createRng, deriveSeed } from "./rng";
import type { QuestionRole } from "./survey";

/** Neutral first names: a placeholder must not claim a mood or trait the data did not show. */
export const PERSONA_NAMES: readonly string[] = [
  "Alex",
  "Amara",
  "Ana",
  "Elif",
  "Felix",
  "Iris",
  "Jonas",
  "Jordan",
  "Jun",
  "Kim",
  "Lena",
  "Luca",
  "Maya",
  "Mei",
  "Nico",
  "Noor",
  "Omar",
  "Ravi",
  "Robin",
  "Sam",
  "Sara",
  "Tariq",
  "Theo",
  "Zoe",
];

export const DRAFT_NOTE =
  "Draft written automatically from the statistics; a strategist should review and edit the " +
  "name, wording and messages before use. Every sentence opens the evidence it rests on.";

export const NAME_NOTE =
  "Placeholder name drawn from a neutral list of first names; it says nothing about the " +
  "people. Rename it.";

// Plain words on the card: the test behind "sets apart" (q and effect size) is on the evidence
// tables and in the glossary, not in the text a strategist reads.
export const INSUFFICIENT_EVIDENCE =
  "Insufficient evidence: no answer sets this persona clearly apart from the rest (no difference " +
  "large enough to rule out chance), so nothing is claimed here.";

/** What to ask next time, per field whose questions the survey lacks. */
export const ASK_NEXT_TIME: Record<"job" | "demographics" | "quotes" | CardRole, string> = {
  job: "Add a demographic question about job or occupation to learn what this group does for a living.",
  demographics:
    "Add questions tagged Demographic (age, household, place) to describe who this group is.",
  GOAL: "Add a question tagged Goal to learn what this group wants to achieve.",
  PAIN: "Add a question tagged Pain point to learn what stands in this group's way.",
  VALUE: "Add a question tagged Value to learn what matters most to this group.",
  FEAR: "Add a question tagged Fear to learn what worries this group.",
  quotes: "Add an open-text question tagged Thought to quote what this group says.",
};

export type CardRole = Extract<QuestionRole, "GOAL" | "PAIN" | "VALUE" | "FEAR">;

export const ROLE_NOUN: Record<CardRole, string> = {
  GOAL: "goal",
  PAIN: "challenge",
  VALUE: "value",
  FEAR: "fear",
};

/**
 * Distinct names for the personas of one run: the list is shuffled by the seed, so a different
 * seed gives different placeholders, and the persona number picks from it (wrapping with a
 * number after the list is exhausted).
 */
export function personaName(seed: number, persona: number): string {
  const names = createRng(deriveSeed(seed, 7919)).shuffle(PERSONA_NAMES);
  const name = names[persona % names.length] as string;
  const round = Math.floor(persona / names.length);
  return round === 0 ? name : `${name} ${round + 1}`;
}

export function avatarSeed(seed: number, persona: number, name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${seed}-${persona}`;
}
