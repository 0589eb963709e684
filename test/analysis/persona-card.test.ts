// Draft persona cards: plain sentences without numbers, each tracing to traits of its own
// persona; fields come only from questions tagged with their meaning (or say what to ask next
// time); titles come from the researcher's phrasing of the top trait; names are neutral; quotes
// are real, varied answers of typical members and never blanks; options read as labels.
import { describe, expect, it } from "vitest";
import { draftPersonaCard, type CardInput } from "~/server/analysis/persona-card";
import {
  ASK_NEXT_TIME,
  INSUFFICIENT_EVIDENCE,
  personaName,
  PERSONA_NAMES,
} from "~/server/analysis/persona-card-copy";
import { isQuotable } from "~/server/analysis/text/quotes";
import { labelTraits } from "~/server/analysis/option-labels";
import { profilePersonas } from "~/server/analysis/profile";
import type { CardSection, PersonaCard } from "~/server/analysis/result";
import { createRng } from "~/server/analysis/rng";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";

const QUESTIONS: QuestionDefinition[] = [
  {
    id: "occupation",
    label: "Occupation",
    role: "DEMOGRAPHIC",
    kind: "categorical",
    options: ["retail_work", "office_work"],
    optionLabels: { retail_work: "Retail", office_work: "Office job" },
  },
  { id: "age", label: "Age", role: "DEMOGRAPHIC", kind: "numeric" },
  {
    id: "price",
    label: "Getting the best price matters most",
    role: "SEGMENT",
    kind: "ordinal",
    min: 1,
    max: 5,
    persona: {
      high: { phrase: "hunts for the best price", title: "Price Hunter" },
      low: { phrase: "pays for convenience", title: "" },
    },
  },
  { id: "speed", label: "Speed", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
  {
    id: "goal",
    label: "Main goal",
    role: "GOAL",
    kind: "categorical",
    options: ["save_money", "save_time"],
    optionLabels: { save_money: "Save money", save_time: "Save time" },
    persona: { options: { save_money: { phrase: "wants to save money", title: "" } } },
  },
  { id: "pain", label: "Setup hassle", role: "PAIN", kind: "ordinal", min: 1, max: 5 },
  { id: "trust", label: "Trust in the brand", role: "VALUE", kind: "ordinal", min: 1, max: 5 },
  { id: "worry", label: "Worry about hidden costs", role: "FEAR", kind: "ordinal", min: 1, max: 5 },
  { id: "why", label: "Why did you choose us?", role: "THOUGHT", kind: "text" },
];

const REPEATED = "Cheapest offer in town, simple as that";
const DISTINCT = [
  "The dealer explained every option patiently",
  "Financing terms were clearer than elsewhere",
  "My neighbour recommended the showroom warmly",
  "A short test drive convinced me quickly",
  "Delivery came earlier than they promised",
  "Their website listed every fee upfront",
  "Staff never pushed extras on me",
  "Trade-in valuation felt fair and honest",
  "Online chat answered questions late at night",
  "Warranty conditions sounded reassuring overall",
  "Parking near the showroom was easy",
  "Paperwork took less effort than feared",
];

/** Open answers by position: blanks, "NA", too short, a repeated line, or a distinct sentence. */
function openAnswer(i: number): string {
  switch (i % 5) {
    case 0:
      return "NA";
    case 1:
      return "ok thanks";
    case 2:
      return REPEATED;
    case 3:
      return "";
    default:
      return DISTINCT[Math.floor(i / 5) % DISTINCT.length] as string;
  }
}

/**
 * Persona 0 rates price and brand trust high and speed low, works in retail, wants to save money;
 * persona 1 is the reverse. Pain and worry are the same for both.
 */
function plantedCards(seed: number, planted = true) {
  const rng = createRng(seed);
  const assignments = Array.from({ length: 120 }, (_, i) => (i < 60 ? 0 : 1));
  const responses: SurveyResponse[] = assignments.map((p, i) => {
    const s = planted ? p : rng.int(2);
    const scale = (centre: number) => Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.7))));
    return {
      id: `resp-${i}`,
      answers: {
        occupation: rng.next() < (s === 0 ? 0.8 : 0.2) ? "retail_work" : "office_work",
        age: Math.round(rng.normal(40, 8)),
        price: scale(s === 0 ? 4.3 : 2.2),
        speed: scale(s === 0 ? 2 : 4),
        goal: rng.next() < (s === 0 ? 0.75 : 0.25) ? "save_money" : "save_time",
        pain: scale(3),
        trust: scale(s === 0 ? 4.2 : 2.8),
        worry: scale(3),
        why: openAnswer(i),
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
      // As the pipeline hands them over: options labelled.
      traits: labelTraits(p.traits, QUESTIONS),
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

const sentenceTexts = (card: PersonaCard) =>
  sections(card).flatMap(([, s]) => s.sentences.map((x) => x.text));
const cited = (section: CardSection | undefined) =>
  section?.sentences.flatMap((s) => s.traitIds) ?? [];

describe("draftPersonaCard with clear evidence", () => {
  const { responses, assignments, inputs } = plantedCards(5);
  const cards = inputs.map(draftPersonaCard);
  const [first, second] = cards;

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

  it("writes plain sentences: no digits, no statistics, no option keys", () => {
    for (const card of cards) {
      for (const text of [...sentenceTexts(card), card.title ?? ""]) {
        expect(text, text).not.toMatch(/\d/);
        expect(text, text).not.toMatch(/\bvs\b|q [<=]|CI/);
        expect(text, text).not.toMatch(/retail_work|office_work|save_money|save_time|_/);
      }
    }
  });

  it("titles the price-minded persona from the researcher's phrasing of that trait", () => {
    expect(first?.title).toBe("The Price Hunter");
    expect(first?.tagline.sentences[0]?.text).toBe(
      "The Price Hunter: someone who hunts for the best price.",
    );
    expect(first?.tagline.sentences[0]?.traitIds).toEqual(["p0:price"]);
    // The other persona scores low on price: it is not titled a price hunter.
    expect(second?.title).not.toMatch(/Price Hunter/);
    // Without a researcher's title the one-liner says what they do rather than repeat a label.
    expect(second?.tagline.sentences[0]?.text).toMatch(/^Someone who /);
    expect(sentenceTexts(second as PersonaCard).join(" ")).toMatch(/pays for convenience/);
  });

  it("fills values only from VALUE questions and goals only from GOAL questions", () => {
    expect(cited(first?.values)).toEqual(["p0:trust"]);
    expect(first?.values.sentences[0]?.text).toMatch(
      /^Rates “Trust in the brand” (far |slightly )?higher than other customers\.$/,
    );
    expect(cited(first?.goals)).toEqual(["p0:goal=save_money"]);
    expect(first?.goals.sentences[0]?.text).toMatch(
      /^Wants to save money (far |somewhat )?more often than other customers\.$/,
    );
    // Price and speed are attitudes, not values: they lead the messages, not the values.
    expect(cited(first?.values)).not.toContain("p0:price");
    expect(cited(first?.marketingMessage)).toContain("p0:price");
  });

  it("names options by their labels, for traits and for card text", () => {
    const retail = inputs[0]?.traits.find((t) => t.id === "p0:occupation=retail_work");
    expect(retail?.label).toBe("Occupation: Retail");
    expect(first?.job.sentences[0]?.text).toMatch(/“Retail”/);
  });

  it("says so when a tagged question sets nobody apart (pain and worry were not planted)", () => {
    expect(first?.challenges.note).toMatch(/^No challenge answer sets this persona apart/);
    for (const s of first?.challenges.sentences ?? []) expect(s.traitIds).toEqual(["p0:pain"]);
    expect(first?.fears.note).toMatch(/^No fear answer sets this persona apart/);
  });

  it("writes the pitch around the name, with the group's size in words", () => {
    // Half of the respondents: a large group.
    const pitch = first?.elevatorPitch.sentences[0]?.text ?? "";
    expect(
      pitch.startsWith(`${first?.name} stands for a large group of customers: someone who `),
    ).toBe(true);
    expect(pitch).toContain("hunts for the best price");
  });

  it("quotes varied, real answers of members, closest first, never blanks or fragments", () => {
    cards.forEach((card, persona) => {
      expect(card.quotes.length).toBe(3);
      for (const quote of card.quotes) {
        const index = responses.findIndex((r) => r.id === quote.responseId);
        expect(assignments[index]).toBe(persona);
        expect(responses[index]?.answers.why).toBe(quote.text);
        expect(quote.text.split(/\s+/).length).toBeGreaterThanOrEqual(4);
      }
      const texts = card.quotes.map((q) => q.text);
      expect(new Set(texts).size).toBe(texts.length);
      const ranks = card.quotes.map((q) => q.closenessRank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
    // The repeated line is quoted once; the next quote is the next distinct answer.
    expect(first?.quotes.map((q) => q.responseId)).toEqual(["resp-2", "resp-4", "resp-9"]);
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
    expect(card.title).toBeUndefined();
    for (const section of [card.tagline, card.marketingMessage, card.elevatorPitch]) {
      expect(section.sentences).toEqual([]);
      expect(section.note).toBe(INSUFFICIENT_EVIDENCE);
    }
    expect(card.values.note).toMatch(/^No value answer sets this persona apart/);
    expect(card.goals.note).toMatch(/^No goal answer sets this persona apart/);
  });

  it("says why in plain words, without test statistics", () => {
    const notes = [card.tagline, card.goals, card.values, card.fears, card.marketingMessage]
      .map((section) => section.note ?? "")
      .filter((note) => note !== "");
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).not.toMatch(/q\s*[<=]|δ|Cohen|p\s*[<=]/);
  });

  it("still describes who they are, from referenced typical answers", () => {
    expect(card.demographics.sentences.length).toBe(1);
    expect(card.demographics.sentences[0]?.traitIds).toEqual(["p0:age"]);
    // The age question reads as an age comparison, not "gives high answers to “Age”".
    expect(card.demographics.sentences[0]?.text).toBe("About the same age as other customers.");
  });

  it("says what to ask next time for fields the survey has no questions for", () => {
    const bare = draftPersonaCard({
      ...(inputs[0] as CardInput),
      questions: QUESTIONS.filter((q) => q.role === "SEGMENT"),
    });
    expect(bare.job.note).toBe(ASK_NEXT_TIME.job);
    expect(bare.goals.note).toBe(ASK_NEXT_TIME.GOAL);
    expect(bare.challenges.note).toBe(ASK_NEXT_TIME.PAIN);
    expect(bare.values.note).toBe(
      "Add a question tagged Value to learn what matters most to this group.",
    );
    expect(bare.fears.note).toBe("Add a question tagged Fear to learn what worries this group.");
    for (const s of [bare.goals, bare.challenges, bare.values, bare.fears]) {
      expect(s.sentences).toEqual([]);
    }
    expect(bare.quotes).toEqual([]);
    expect(bare.quotesNote).toBe(ASK_NEXT_TIME.quotes);
  });
});

describe("isQuotable", () => {
  it("refuses missing-value tokens and fragments, keeps real answers", () => {
    for (const blank of [
      "NA",
      "n/a",
      "N/A.",
      "-",
      "none",
      "None",
      "null",
      "nothing",
      "",
      "ok fine",
    ]) {
      expect(isQuotable(blank), blank).toBe(false);
    }
    expect(isQuotable("The price was far too high")).toBe(true);
  });
});

describe("personaName", () => {
  it("is deterministic, distinct within a run and a plain first name", () => {
    const names = Array.from({ length: PERSONA_NAMES.length }, (_, i) => personaName(3, i));
    expect(new Set(names).size).toBe(PERSONA_NAMES.length);
    expect(personaName(3, 0)).toBe(names[0]);
    expect(personaName(3, PERSONA_NAMES.length)).toBe(`${names[0]} 2`);
    const other = Array.from({ length: 4 }, (_, i) => personaName(4, i));
    expect(other).not.toEqual(names.slice(0, 4));
  });

  it("never carries a mood or trait word that the data could contradict", () => {
    const moods = /upbeat|calm|bold|eager|hopeful|jolly|keen|lively|steady|warm|zesty|gentle/i;
    for (const name of PERSONA_NAMES) {
      expect(name).toMatch(/^[A-Z][a-z]+$/);
      expect(name).not.toMatch(moods);
    }
  });
});
