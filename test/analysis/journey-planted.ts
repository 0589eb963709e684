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
    // A copy: a test that spoils its input must not spoil STAGES for the tests after it.
    stages: STAGES.map((s) => ({ ...s })),
    questions,
    personas,
    responses,
    effortByStage: { "st-purchase": "MEDIUM", "st-discovery": "SMALL" },
    teamByStage: { "st-purchase": ["Sales", "Finance"] },
  };
}

// ---------------------------------------------------------------------------------------------
// Planted journey surveys: whole respondents (segment answers that separate k groups, then per
// stage an emotion rating, a pain rating and a thought), so a test can run the command line on a
// CSV and survey.json and compare journey.json with the truth. Per group and stage the emotion
// mean, the pain mean and the thought's key phrase are planted; the last group mostly skips the
// last stage, so those cells fall below the minimum n. Shared with bench/journey.ts.

export const JOURNEY_STAGES = [
  { id: "discovery", name: "Discovery" },
  { id: "research", name: "Research" },
  { id: "comparing", name: "Comparing" },
  { id: "purchase", name: "Purchase" },
  { id: "delivery", name: "Delivery" },
  { id: "service", name: "Service" },
];

/** One key noun per group and stage (row = group); each appears in no other cell. */
const PHRASES = [
  ["brochure", "forum", "spreadsheet", "paperwork", "trailer", "warranty"],
  ["billboard", "podcast", "mileage", "discount", "sunroof", "hotline"],
  ["neighbour", "magazine", "upholstery", "insurance", "headlight", "invoice"],
  ["newsletter", "catalogue", "legroom", "voucher", "parking", "mechanic"],
  ["radio", "showroom", "gearbox", "deposit", "keycard", "chatbot"],
];
const THOUGHT_TEMPLATES = [
  "The {} was the main thing on my mind.",
  "I kept thinking about the {} the whole time.",
  "Honestly, the {} is what I remember.",
  "Mostly the {}, nothing else really.",
];

export interface PlantedSurveyOptions {
  seed: number;
  /** Respondents per group (default 160, 140, 120, 100). */
  sizes?: readonly number[];
  /** Number of stages from JOURNEY_STAGES (default all six). */
  stages?: number;
  /** Write open-text thoughts (default true; the large benchmark leaves them out). */
  thoughts?: boolean;
  /** How many of the last group answer the last stage (default 20, below the minimum n of 30). */
  thinLastStage?: number;
}

export interface PlantedSurveyTruth {
  stages: { id: string; name: string }[];
  /** [group][stage]: exact expected emotion on −2..+2. */
  emotionMean: number[][];
  /** [group][stage]: exact expected pain severity on 0..4. */
  painMean: number[][];
  /** [group][stage]: the noun every thought of the cell names. */
  phrase: string[][];
  /** Respondent id -> group. */
  groupOf: Map<string, number>;
  /** [group][stage]: respondents who answered the stage. */
  answered: number[][];
}

export interface PlantedRespondent {
  id: string;
  group: number;
  answers: Record<string, string | number | null>;
}

const SEGMENTS = 4;

/** A value in lo..hi (integers) whose expectation is exactly `mean`: half uniform, half two-point. */
function drawWithMean(rng: Rng, mean: number, lo: number, hi: number, uniformShare: number) {
  if (rng.next() < uniformShare) return lo + rng.int(hi - lo + 1);
  const centre = (mean - uniformShare * ((lo + hi) / 2)) / (1 - uniformShare);
  const below = Math.floor(centre);
  return Math.min(hi, rng.next() < centre - below ? below + 1 : below);
}

/**
 * Planted means per group and stage. Emotion: distinct per stage within [−1, 1] (the two-point
 * part needs |centre| <= 2). Pain: a different ranking of stages per group, adjacent stages 0.5
 * apart within [0.8, 3.3] so the ranking is well determined at n >= 100.
 */
export function plantedJourneyTruthMeans(groups: number, stages: number) {
  const emotionMean: number[][] = [];
  const painMean: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const emotion: number[] = [];
    const pain: number[] = [];
    for (let s = 0; s < stages; s++) {
      emotion.push(Math.round(Math.sin(1.3 * g + 0.9 * s + 0.4) * 100) / 100);
      // Rotate and mirror the order per group: every group ranks its stages differently.
      const rank = g % 2 === 0 ? (s + g) % stages : (stages - 1 - s + g) % stages;
      pain.push(0.8 + (rank * 2.5) / Math.max(1, stages - 1));
    }
    emotionMean.push(emotion);
    painMean.push(pain);
  }
  return { emotionMean, painMean };
}

export function plantedJourneySurvey(options: PlantedSurveyOptions): {
  respondents: PlantedRespondent[];
  truth: PlantedSurveyTruth;
} {
  const rng = createRng(options.seed);
  const sizes = options.sizes ?? [160, 140, 120, 100];
  const stages = JOURNEY_STAGES.slice(0, options.stages ?? JOURNEY_STAGES.length);
  const withThoughts = options.thoughts ?? true;
  const thin = options.thinLastStage ?? 20;
  const groups = sizes.length;
  const { emotionMean, painMean } = plantedJourneyTruthMeans(groups, stages.length);
  const phrase = sizes.map((_, g) =>
    stages.map((_s, s) => PHRASES[g % PHRASES.length]?.[s] ?? `topic${g}x${s}`),
  );
  const answered = sizes.map(() => stages.map(() => 0));
  const groupOf = new Map<string, number>();
  const respondents: PlantedRespondent[] = [];
  // Interleave the groups so that no ordering of rows gives the groups away.
  const order = sizes.flatMap((size, g) => Array.from({ length: size }, () => g));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const seenInGroup = sizes.map(() => 0);
  order.forEach((g, i) => {
    const id = `r${String(i + 1).padStart(7, "0")}`;
    groupOf.set(id, g);
    const k = seenInGroup[g] ?? 0;
    seenInGroup[g] = k + 1;
    const answers: Record<string, string | number | null> = {};
    for (let q = 0; q < SEGMENTS; q++) {
      // Group g agrees with statement g (mod 4) and is lukewarm on the rest.
      const centre =
        q === g % SEGMENTS ? 4.6 : g >= SEGMENTS && q === (g + 1) % SEGMENTS ? 4.6 : 1.6;
      answers[`seg_${q + 1}`] = Math.max(1, Math.min(5, Math.round(rng.normal(centre, 0.6))));
    }
    stages.forEach((stage, s) => {
      const skips = g === groups - 1 && s === stages.length - 1 && k >= thin;
      if (skips) {
        answers[`${stage.id}_feel`] = null;
        answers[`${stage.id}_pain`] = null;
        if (withThoughts) answers[`${stage.id}_mind`] = null;
        return;
      }
      const row = answered[g] as number[];
      row[s] = (row[s] ?? 0) + 1;
      answers[`${stage.id}_feel`] = drawWithMean(rng, emotionMean[g]?.[s] ?? 0, -2, 2, 0.5);
      answers[`${stage.id}_pain`] = drawWithMean(rng, painMean[g]?.[s] ?? 0, 0, 4, 0.3);
      if (withThoughts) {
        const template = THOUGHT_TEMPLATES[rng.int(THOUGHT_TEMPLATES.length)] as string;
        answers[`${stage.id}_mind`] = template.replace("{}", phrase[g]?.[s] ?? "");
      }
    });
    respondents.push({ id, group: g, answers });
  });
  return {
    respondents,
    truth: { stages, emotionMean, painMean, phrase, groupOf, answered },
  };
}

/** survey.json for a planted journey survey (roles, kinds and stages, as a researcher writes it). */
export function plantedSurveyJson(
  stages: readonly { id: string; name: string }[],
  thoughts = true,
) {
  return {
    idColumn: "respondent",
    stages,
    questions: [
      ...Array.from({ length: SEGMENTS }, (_, q) => ({
        id: `seg_${q + 1}`,
        label: `Statement ${q + 1}`,
        role: "SEGMENT",
        kind: "ordinal",
        min: 1,
        max: 5,
      })),
      ...stages.flatMap((s) => [
        {
          id: `${s.id}_feel`,
          label: `How did ${s.name} feel?`,
          role: "EMOTION",
          kind: "ordinal",
          stage: s.id,
        },
        {
          id: `${s.id}_pain`,
          label: `How much trouble was ${s.name}?`,
          role: "PAIN",
          kind: "ordinal",
          stage: s.id,
        },
        ...(thoughts
          ? [
              {
                id: `${s.id}_mind`,
                label: `What was on your mind at ${s.name}?`,
                role: "THOUGHT",
                kind: "text",
                stage: s.id,
              },
            ]
          : []),
      ]),
    ],
  };
}
