// Planted journey data for the journey-fill tests: a car-buying map with three personas whose
// answers are drawn, by a seeded generator, from known distributions. Persona 0 ("Fee-wary")
// suffers severely at Purchase and its emotion drops there; the others do not. Every open-text
// answer is one of the sentences below, so a test can tell a real answer from an invented one.
import type { TJourneyFillInput } from "~/server/analysis/journey/input";
import { createRng, type Rng } from "~/server/analysis/rng";

export const STAGES = [
  { id: "st-discovery", name: "Discovery", position: 0 },
  { id: "st-comparing", name: "Comparing", position: 1 },
  { id: "st-purchase", name: "Purchase", position: 2 },
  { id: "st-post", name: "Post-purchase", position: 3 },
];

/** Probabilities of pain levels 0..4. */
const SEVERE_PAIN = [0, 0.05, 0.1, 0.25, 0.6];
const MILD_PAIN = [0.4, 0.3, 0.2, 0.08, 0.02];
/** Probabilities of emotion levels −2..+2. */
const HAPPY = [0.02, 0.08, 0.2, 0.45, 0.25];
const UNHAPPY = [0.45, 0.35, 0.12, 0.06, 0.02];

export const PURCHASE_COMPLAINTS = [
  "The financing paperwork was a nightmare and the hidden fees made me angry.",
  "Hidden fees appeared at the last minute, terrible experience.",
  "Financing took forever and nobody explained the fees.",
  "The fees were never mentioned before, I felt cheated.",
];
export const PURCHASE_PRAISE = [
  "The salesperson was friendly and the handover was quick.",
  "Signing the contract was easy, great salesperson.",
  "Smooth delivery and a friendly salesperson.",
];
export const OTHER_THOUGHTS = [
  "I read many reviews online before deciding.",
  "The website had good photos of every model.",
  "Comparing prices across dealers took some time.",
  "The service reminder emails are useful.",
];

export const SIZES = [120, 100, 80];
export const SHARES = [120 / 300, 100 / 300, 80 / 300];

function draw(rng: Rng, probabilities: readonly number[], offset: number): number {
  let u = rng.next();
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i] as number;
    if (u < 0) return i + offset;
  }
  return probabilities.length - 1 + offset;
}

export interface PlantedOptions {
  seed: number;
  /** Persona 0's Purchase pain and emotion as planted (true) or like the others (false). */
  planted?: boolean;
  sizes?: readonly number[];
  /** Share of respondents who skip the open question (default 0.1). */
  skipText?: number;
}

export function plantedJourney(options: PlantedOptions): TJourneyFillInput {
  const rng = createRng(options.seed);
  const planted = options.planted ?? true;
  const sizes = options.sizes ?? SIZES;
  const total = sizes.reduce((a, b) => a + b, 0);
  const questions: TJourneyFillInput["questions"] = STAGES.flatMap((s) => [
    {
      id: `emo_${s.position}`,
      label: `How did ${s.name} feel?`,
      stageId: s.id,
      role: "EMOTION",
      type: "EMOTION",
    },
    {
      id: `pain_${s.position}`,
      label: `How painful was ${s.name}?`,
      stageId: s.id,
      role: "PAIN",
      type: "PAIN",
    },
    {
      id: `thought_${s.position}`,
      label: `What went through your mind at ${s.name}?`,
      stageId: s.id,
      role: "THOUGHT",
      type: "LONG_TEXT",
    },
  ]);
  questions.push({
    id: "goal_main",
    label: "What matters most when buying?",
    stageId: "st-discovery",
    role: "GOAL",
    type: "SINGLE_CHOICE",
    options: ["price", "comfort", "safety"],
  });
  const personas: TJourneyFillInput["personas"] = sizes.map((size, index) => ({
    index,
    name: ["Fee-wary Fiona", "Calm Carl", "Quick Quinn"][index] ?? `Persona ${index}`,
    share: size / total,
    memberResponseIds: [],
  }));
  const responses: TJourneyFillInput["responses"] = [];
  let next = 0;
  sizes.forEach((size, persona) => {
    for (let k = 0; k < size; k++) {
      const id = `r${String(next++).padStart(4, "0")}`;
      personas[persona]?.memberResponseIds.push(id);
      const answers: Record<string, string | number> = {};
      for (const s of STAGES) {
        const severe = planted && persona === 0 && s.id === "st-purchase";
        answers[`pain_${s.position}`] = draw(rng, severe ? SEVERE_PAIN : MILD_PAIN, 0);
        answers[`emo_${s.position}`] = draw(rng, severe ? UNHAPPY : HAPPY, -2);
        if (rng.next() >= (options.skipText ?? 0.1)) {
          const pool =
            s.id === "st-purchase"
              ? severe
                ? PURCHASE_COMPLAINTS
                : PURCHASE_PRAISE
              : OTHER_THOUGHTS;
          answers[`thought_${s.position}`] = pool[rng.int(pool.length)] as string;
        }
      }
      answers.goal_main = ["price", "comfort", "safety"][
        persona === 0 ? (rng.next() < 0.7 ? 0 : 1 + rng.int(2)) : rng.int(3)
      ] as string;
      responses.push({ id, answers });
    }
  });
  return {
    stages: STAGES,
    questions,
    personas,
    responses,
    effortByStage: { "st-purchase": "MEDIUM", "st-discovery": "SMALL" },
    teamByStage: { "st-purchase": ["Sales", "Finance"] },
  };
}
