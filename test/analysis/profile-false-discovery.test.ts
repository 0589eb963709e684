// The false-discovery guarantee of the persona profile, by simulation: 200 seeded replicates with
// four planted segments that truly differ on the segment questions, and descriptive questions
// (ratings, choices, a yes/no and a number) drawn independently of the segments, so every
// "distinguishing" descriptive trait is a false discovery. With the descriptive questions as their
// own Benjamini-Hochberg family, few replicates may show any (the family-wise rate under the
// complete null is at most alpha); adjusting them together with the segment questions, as the
// profile used to, lets the segment questions' near-zero p-values raise the threshold for all.
// The known assignments are passed straight to profilePersonas, so no clustering is repeated.
import { describe, expect, it } from "vitest";
import { profilePersonas } from "~/server/analysis/profile";
import { createRng, type Rng } from "~/server/analysis/rng";
import { benjaminiHochberg } from "~/server/analysis/stats/multiple-testing";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import { EFFECT_THRESHOLDS } from "~/server/analysis/trait-measure";

const REPLICATES = 200;
const PER_SEGMENT = 60;
const SEGMENTS = 4;
const ALPHA = 0.05;

const QUESTIONS: QuestionDefinition[] = [
  { id: "s1", label: "Segment 1", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
  { id: "s2", label: "Segment 2", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
  { id: "s3", label: "Segment 3", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
  { id: "l1", label: "Likert 1", role: "OTHER", kind: "ordinal", min: 1, max: 5 },
  { id: "l2", label: "Likert 2", role: "GOAL", kind: "ordinal", min: 1, max: 5 },
  { id: "l3", label: "Likert 3", role: "PAIN", kind: "ordinal", min: 1, max: 5 },
  { id: "l4", label: "Likert 4", role: "OTHER", kind: "ordinal", min: 1, max: 7 },
  { id: "c1", label: "Choice 1", role: "DEMOGRAPHIC", kind: "categorical" },
  { id: "c2", label: "Choice 2", role: "OTHER", kind: "categorical" },
  { id: "yn", label: "Yes or no", role: "OTHER", kind: "categorical" },
  { id: "num", label: "Amount", role: "OTHER", kind: "numeric" },
];
const SEGMENT_IDS = ["s1", "s2", "s3"];

/** Segment centres on the three segment questions: every segment differs from the rest. */
const CENTRES = [
  [1.8, 4.2, 3.0],
  [4.2, 1.8, 3.0],
  [3.0, 3.0, 4.4],
  [3.0, 3.0, 1.6],
];

function likert(rng: Rng, centre: number, max = 5): number {
  return Math.min(max, Math.max(1, Math.round(rng.normal(centre, 0.9))));
}

function pick(rng: Rng, options: readonly string[], weights: readonly number[]): string {
  let u = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < options.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return options[i] as string;
  }
  return options[options.length - 1] as string;
}

function replicate(seed: number) {
  const rng = createRng(seed);
  const assignments = Array.from({ length: SEGMENTS * PER_SEGMENT }, (_, i) =>
    Math.floor(i / PER_SEGMENT),
  );
  const responses: SurveyResponse[] = assignments.map((segment, i) => {
    const centre = CENTRES[segment] as number[];
    return {
      id: `r${i}`,
      answers: {
        s1: likert(rng, centre[0] as number),
        s2: likert(rng, centre[1] as number),
        s3: likert(rng, centre[2] as number),
        // Pure noise: the same distribution for every segment.
        l1: likert(rng, 3),
        l2: likert(rng, 3.5),
        l3: likert(rng, 2.5),
        l4: likert(rng, 4, 7),
        c1: pick(rng, ["a", "b", "c"], [0.5, 0.3, 0.2]),
        c2: pick(rng, ["u", "v", "w", "x"], [0.25, 0.25, 0.25, 0.25]),
        yn: rng.next() < 0.4 ? "yes" : "no",
        num: rng.normal(50, 10),
      },
    };
  });
  return profilePersonas(
    { questions: QUESTIONS, responses, assignments, k: SEGMENTS },
    { alpha: ALPHA, segmentQuestionIds: SEGMENT_IDS },
  );
}

describe("false discoveries on pure-noise descriptive questions (200 seeded replicates)", () => {
  const runs = Array.from({ length: REPLICATES }, (_, r) => replicate(1000 + r));
  const traitsOf = (run: ReturnType<typeof replicate>) => run.personas.flatMap((p) => p.traits);

  it("plants segments that the segment questions really separate", () => {
    for (const run of runs.slice(0, 20)) {
      const segment = traitsOf(run).filter((t) => t.family === "segment");
      expect(segment.filter((t) => t.distinguishing).length).toBeGreaterThanOrEqual(SEGMENTS);
    }
  });

  it("keeps the share of replicates with any false distinguishing trait near alpha", () => {
    const withFalse = runs.filter((run) =>
      traitsOf(run).some((t) => t.family === "descriptive" && t.distinguishing),
    ).length;
    const rate = withFalse / REPLICATES;
    expect(rate).toBeLessThanOrEqual(0.08);
  });

  it("would fail with the old joint family of segment and descriptive questions", () => {
    // The old rule: one BH over every comparison of the run, distinguishing = q < alpha and at
    // least a small effect. Recomputed from the same p-values.
    const withFalse = runs.filter((run) => {
      const all = traitsOf(run);
      const q = benjaminiHochberg(all.map((t) => t.p));
      return all.some(
        (t, i) =>
          t.family === "descriptive" &&
          (q[i] as number) < ALPHA &&
          Math.abs(t.effect.value) >= EFFECT_THRESHOLDS[t.effect.name][0],
      );
    }).length;
    const oldRate = withFalse / REPLICATES;
    expect(oldRate).toBeGreaterThan(0.08);
    const newRate =
      runs.filter((run) =>
        traitsOf(run).some((t) => t.family === "descriptive" && t.distinguishing),
      ).length / REPLICATES;
    expect(oldRate).toBeGreaterThan(2 * newRate);
  });

  it("counts only the descriptive family as tests", () => {
    const run = runs[0] as ReturnType<typeof replicate>;
    const all = traitsOf(run);
    expect(run.testsRun).toBe(all.filter((t) => t.family === "descriptive").length);
    // One yes/no test per persona, not two.
    expect(all.filter((t) => t.questionId === "yn")).toHaveLength(SEGMENTS);
  });
});
