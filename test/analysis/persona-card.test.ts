// Draft persona cards: every sentence traces to traits of its own persona, quotes are real answers
// of members, the same seed gives the same card, and thin evidence is said, not papered over.
import { describe, expect, it } from "vitest";
import {
  draftPersonaCard,
  INSUFFICIENT_EVIDENCE,
  personaName,
  PERSONA_NAMES,
  type CardInput,
} from "~/server/analysis/persona-card";
import { profilePersonas } from "~/server/analysis/profile";
import type { CardSection, PersonaCard } from "~/server/analysis/result";
import { createRng } from "~/server/analysis/rng";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";

const QUESTIONS: QuestionDefinition[] = [
  { id: "occupation", label: "Occupation", role: "DEMOGRAPHIC", kind: "categorical" },
  { id: "age", label: "Age", role: "DEMOGRAPHIC", kind: "numeric" },
  { id: "price", label: "Price fairness", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
  { id: "speed", label: "Speed", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
  { id: "goal", label: "Main goal", role: "GOAL", kind: "categorical" },
  { id: "pain", label: "Setup hassle", role: "PAIN", kind: "ordinal", min: 1, max: 5 },
  { id: "why", label: "Why did you choose us?", role: "THOUGHT", kind: "text" },
];

/** Persona 0 rates price high and speed low, works in retail, wants savings; 1 is the reverse. */
function plantedCards(seed: number, planted = true) {
  const rng = createRng(seed);
  const assignments = Array.from({ length: 120 }, (_, i) => (i < 60 ? 0 : 1));
  const responses: SurveyResponse[] = assignments.map((p, i) => {
    const s = planted ? p : rng.int(2);
    const scale = (centre: number) => Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.7))));
    return {
      id: `resp-${i}`,
      answers: {
        occupation: rng.next() < (s === 0 ? 0.8 : 0.2) ? "Retail" : "Office",
        age: Math.round(rng.normal(40, 8)),
        price: scale(s === 0 ? 4.3 : 2.2),
        speed: scale(s === 0 ? 2 : 4),
        goal: rng.next() < (s === 0 ? 0.75 : 0.25) ? "Save money" : "Save time",
        pain: scale(3),
        // Some members leave the open question blank.
        why: i % 4 === 3 ? "" : `answer of resp-${i}`,
      },
    };
  });
  const profile = profilePersonas(
    { questions: QUESTIONS, responses, assignments, k: 2 },
    { segmentQuestionIds: ["price", "speed"] },
  );
  const inputs: CardInput[] = profile.personas.map((p) => {
    const members = responses.filter((_, i) => assignments[i] === p.persona);
    return {
      persona: p.persona,
      size: members.length,
      clustered: responses.length,
      traits: p.traits,
      distinguishingTraitIds: p.distinguishingTraitIds,
      questions: QUESTIONS,
      representatives: members,
      seed,
    };
  });
  return { responses, assignments, profile, inputs };
}

function sections(card: PersonaCard): [string, CardSection][] {
  return [
    ["tagline", card.tagline],
    ["job", card.job],
    ["demographics", card.demographics],
    ["goals", card.goals],
    ["challenges", card.challenges],
    ["values", card.values],
    ["fears", card.fears],
    ["marketingMessage", card.marketingMessage],
    ["elevatorPitch", card.elevatorPitch],
  ];
}

describe("draftPersonaCard with clear evidence", () => {
  const { responses, assignments, inputs } = plantedCards(5);
  const cards = inputs.map(draftPersonaCard);

  it("marks the card a draft and gives every sentence existing trait references", () => {
    cards.forEach((card, persona) => {
      expect(card.draft).toBe(true);
      expect(card.draftNote).toMatch(/draft/i);
      expect(card.evidence).toBe("distinguishing");
      const own = new Set(inputs[persona]?.traits.map((t) => t.id));
      let count = 0;
      for (const [name, section] of sections(card)) {
        for (const s of section.sentences) {
          count++;
          expect(s.traitIds.length, `${name}: ${s.text}`).toBeGreaterThan(0);
          for (const id of s.traitIds) expect(own.has(id), `${name} cites ${id}`).toBe(true);
        }
      }
      expect(count).toBeGreaterThan(5);
    });
  });

  it("builds values and fears from the planted attitudes, with the right sign", () => {
    const [first] = cards;
    expect(first?.values.sentences.map((s) => s.traitIds).flat()).toContain("p0:price");
    expect(first?.fears.sentences.map((s) => s.traitIds).flat()).toContain("p0:speed");
    expect(first?.values.sentences[0]?.text).toMatch(/“Price fairness” higher than others/);
    expect(first?.goals.sentences.map((s) => s.traitIds).flat()).toContain("p0:goal=Save money");
    expect(first?.job.sentences[0]?.text).toMatch(/Retail/);
    expect(first?.elevatorPitch.sentences[0]?.text).toContain(first?.name);
  });

  it("says so when a role's questions set nobody apart (PAIN was not planted)", () => {
    const [first] = cards;
    expect(first?.challenges.note).toMatch(/^Insufficient evidence/);
    // Still factual: the typical answer, referenced.
    for (const s of first?.challenges.sentences ?? []) expect(s.traitIds).toEqual(["p0:pain"]);
  });

  it("quotes real answers of members, closest first, skipping blanks", () => {
    cards.forEach((card, persona) => {
      expect(card.quotes.length).toBe(3);
      for (const quote of card.quotes) {
        const index = responses.findIndex((r) => r.id === quote.responseId);
        expect(assignments[index]).toBe(persona);
        expect(responses[index]?.answers.why).toBe(quote.text);
        expect(quote.questionId).toBe("why");
      }
      const ranks = card.quotes.map((q) => q.closenessRank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
  });

  it("is deterministic for a seed", () => {
    expect(plantedCards(5).inputs.map(draftPersonaCard)).toEqual(cards);
  });
});

describe("draftPersonaCard with thin evidence", () => {
  // Answers drawn independently of the persona labels: nothing should set a persona apart.
  const { inputs, profile } = plantedCards(6, false);
  const card = draftPersonaCard(inputs[0] as CardInput);

  it("claims nothing it cannot reference", () => {
    expect(profile.personas[0]?.distinguishingTraitIds).toEqual([]);
    expect(card.evidence).toBe("thin");
    for (const section of [
      card.tagline,
      card.values,
      card.fears,
      card.marketingMessage,
      card.elevatorPitch,
    ]) {
      expect(section.sentences).toEqual([]);
      expect(section.note).toBe(INSUFFICIENT_EVIDENCE);
    }
    expect(card.goals.note).toMatch(/^Insufficient evidence/);
  });

  it("still describes who they are, from referenced typical answers", () => {
    expect(card.demographics.sentences.length).toBe(1);
    expect(card.demographics.sentences[0]?.traitIds).toEqual(["p0:age"]);
  });

  it("notes missing question types instead of inventing them", () => {
    const bare = draftPersonaCard({
      ...(inputs[0] as CardInput),
      questions: QUESTIONS.filter((q) => q.role === "SEGMENT"),
    });
    expect(bare.job.note).toMatch(/no job/);
    expect(bare.goals.note).toMatch(/no closed goal/);
    expect(bare.quotes).toEqual([]);
    expect(bare.quotesNote).toMatch(/no open-text/);
  });
});

describe("personaName", () => {
  it("is deterministic, distinct within a run and placeholder-only", () => {
    const names = Array.from({ length: PERSONA_NAMES.length }, (_, i) => personaName(3, i));
    expect(new Set(names).size).toBe(PERSONA_NAMES.length);
    expect(personaName(3, 0)).toBe(names[0]);
    expect(personaName(3, PERSONA_NAMES.length)).toBe(`${names[0]} 2`);
    const other = Array.from({ length: 4 }, (_, i) => personaName(4, i));
    expect(other).not.toEqual(names.slice(0, 4));
  });
});
