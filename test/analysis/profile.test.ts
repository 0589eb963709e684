// Persona profiles on planted differences: the planted share and mean come out distinguishing with
// the right sign, noise does not, q-values are Benjamini-Hochberg over every test of the run, and
// one small case is checked by hand (Wilson interval, Cohen's h, t interval).
import { describe, expect, it } from "vitest";
import { magnitudeOf, profilePersonas, strengthOf } from "~/server/analysis/profile";
import { createRng } from "~/server/analysis/rng";
import { fisherExact2x2 } from "~/server/analysis/stats/fisher-exact";
import { benjaminiHochberg } from "~/server/analysis/stats/multiple-testing";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";

function planted(seed: number) {
  const rng = createRng(seed);
  const questions: QuestionDefinition[] = [
    {
      id: "plan",
      label: "Plan",
      role: "DEMOGRAPHIC",
      kind: "categorical",
      options: ["X", "Y", "Z"],
    },
    { id: "score", label: "Score", role: "SEGMENT", kind: "numeric" },
    { id: "ease", label: "Ease", role: "SEGMENT", kind: "ordinal", min: 1, max: 5 },
    { id: "noiseRating", label: "Noise rating", role: "OTHER", kind: "ordinal", min: 1, max: 5 },
    { id: "noiseChoice", label: "Noise choice", role: "OTHER", kind: "categorical" },
    { id: "noiseAmount", label: "Noise amount", role: "OTHER", kind: "numeric" },
    { id: "comment", label: "Comment", role: "THOUGHT", kind: "text" },
  ];
  // Persona 0 (100 people): plan X 70 % vs 20 %, score N(7, 1) vs N(5, 1), ease one point higher.
  const assignments = Array.from({ length: 300 }, (_, i) => (i < 100 ? 0 : i < 200 ? 1 : 2));
  const responses: SurveyResponse[] = assignments.map((persona, i) => {
    const a = persona === 0;
    const plan = rng.next() < (a ? 0.7 : 0.2) ? "X" : rng.next() < 0.5 ? "Y" : "Z";
    return {
      id: `r${i}`,
      answers: {
        plan,
        score: rng.normal(a ? 7 : 5, 1),
        ease: Math.min(5, Math.max(1, Math.round(rng.normal(a ? 4 : 3, 0.8)))),
        noiseRating: 1 + rng.int(5),
        noiseChoice: ["u", "v", "w"][rng.int(3)] ?? "u",
        noiseAmount: rng.normal(50, 10),
        comment: "free text is not tested",
      },
    };
  });
  return { questions, responses, assignments };
}

describe("profilePersonas on planted differences", () => {
  const { questions, responses, assignments } = planted(11);
  const result = profilePersonas(
    { questions, responses, assignments, k: 3 },
    { segmentQuestionIds: ["score", "ease"] },
  );
  const all = result.personas.flatMap((p) => p.traits);
  const trait = (id: string) => {
    const t = all.find((x) => x.id === id);
    if (!t) throw new Error(`no trait ${id}`);
    return t;
  };

  it("finds the planted share, mean and rating with the right sign", () => {
    const share = trait("p0:plan=X");
    expect(share.distinguishing).toBe(true);
    expect(share.q).toBeLessThan(0.05);
    expect(share.direction).toBe("higher");
    expect(share.effect.name).toBe("cohens-h");
    expect(share.effect.value).toBeGreaterThan(0.5);
    expect(share.personaN).toBe(100);
    expect(share.restN).toBe(200);

    const mean = trait("p0:score");
    expect(mean.distinguishing).toBe(true);
    expect(mean.direction).toBe("higher");
    expect(mean.effect.name).toBe("cohens-d");
    expect(mean.effect.value).toBeGreaterThan(1);
    expect(mean.test).toBe("welch-t");
    expect(mean.segmentInput).toBe(true);

    const rating = trait("p0:ease");
    expect(rating.distinguishing).toBe(true);
    expect(rating.effect.name).toBe("cliffs-delta");
    expect(rating.test).toBe("mann-whitney");
    expect(rating.effect.value).toBeGreaterThan(0.3);

    // The mirror image: the other personas choose X less often.
    expect(trait("p1:plan=X").direction).toBe("lower");
    expect(trait("p1:score").direction).toBe("lower");
    expect(result.personas[0]?.distinguishingTraitIds).toContain("p0:plan=X");
  });

  it("does not call noise distinguishing", () => {
    const noise = all.filter((t) => t.questionId.startsWith("noise"));
    expect(noise.length).toBeGreaterThan(10);
    for (const t of noise) expect(t.distinguishing, t.id).toBe(false);
    // Personas 1 and 2 were drawn identically: nothing sets one apart from the other's mix.
    expect(
      all.filter((t) => t.persona > 0 && t.questionId.startsWith("noise") && t.q < 0.05),
    ).toEqual([]);
  });

  it("skips free text and never tests an option nobody chose", () => {
    expect(all.some((t) => t.questionId === "comment")).toBe(false);
    expect(all.filter((t) => t.questionId === "plan")).toHaveLength(9);
  });

  it("adjusts all p-values of the run together with Benjamini-Hochberg", () => {
    expect(result.testsRun).toBe(all.length);
    const expected = benjaminiHochberg(all.map((t) => t.p));
    all.forEach((t, i) => {
      expect(t.q).toBeCloseTo(expected[i] as number, 12);
      expect(t.q).toBeGreaterThanOrEqual(t.p);
    });
    const byP = [...all].sort((a, b) => a.p - b.p);
    for (let i = 1; i < byP.length; i++) {
      expect(byP[i]?.q).toBeGreaterThanOrEqual(byP[i - 1]?.q as number);
    }
  });

  it("ranks distinguishing traits by strength and flags only q < 0.05 with a small effect", () => {
    for (const p of result.personas) {
      const strengths = p.distinguishingTraitIds.map((id) => trait(id).strength);
      expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    }
    for (const t of all) {
      const small = t.effect.name === "cliffs-delta" ? 0.147 : 0.2;
      expect(t.distinguishing).toBe(t.q < 0.05 && Math.abs(t.effect.value) >= small);
    }
  });
});

describe("a hand-checkable profile", () => {
  // Persona 0: 10 people, 6 say "yes"; rest: 20 people, 5 say "yes".
  const answers = [
    ...Array.from({ length: 10 }, (_, i) => (i < 6 ? "yes" : "no")),
    ...Array.from({ length: 20 }, (_, i) => (i < 5 ? "yes" : "no")),
  ];
  const responses: SurveyResponse[] = answers.map((a, i) => ({
    id: `r${i}`,
    answers: { q: a, r: i < 5 ? i + 1 : 3 },
  }));
  const assignments = answers.map((_, i) => (i < 10 ? 0 : 1));
  const result = profilePersonas({
    questions: [
      { id: "q", label: "Q", role: "OTHER", kind: "categorical" },
      { id: "r", label: "R", role: "OTHER", kind: "numeric" },
    ],
    responses,
    assignments,
    k: 2,
  });
  const yes = result.personas[0]?.traits.find((t) => t.id === "p0:q=yes");

  it("reports the Wilson interval and Cohen's h of 6/10 vs 5/20", () => {
    expect(yes?.personaValue).toBe(0.6);
    expect(yes?.restValue).toBe(0.25);
    // R: prop.test(6, 10, correct = FALSE)$conf.int = 0.3126738 0.8318197
    expect(yes?.personaInterval.lower).toBeCloseTo(0.3126738, 6);
    expect(yes?.personaInterval.upper).toBeCloseTo(0.8318197, 6);
    // 2·asin(√0.6) − 2·asin(√0.25) = 1.7721542 − 1.0471976
    expect(yes?.effect.value).toBeCloseTo(0.7249566, 6);
    expect(yes?.effect.magnitude).toBe("medium");
  });

  it("uses Fisher's exact test when an expected count is below 5", () => {
    // Expected "yes" in persona 0: 10 · 11 / 30 = 3.7.
    expect(yes?.test).toBe("fisher-exact");
    expect(yes?.p).toBe(
      fisherExact2x2([
        [6, 4],
        [5, 15],
      ]).p,
    );
  });

  it("reports a t interval for a mean", () => {
    // Persona 0's r: 1, 2, 3, 4, 5, 3, 3, 3, 3, 3 → mean 3, s² = 10/9.
    const r = result.personas[0]?.traits.find((t) => t.id === "p0:r");
    expect(r?.personaValue).toBe(3);
    const margin = 2.262157 * Math.sqrt(10 / 9 / 10); // qt(0.975, 9)
    expect(r?.personaInterval.lower).toBeCloseTo(3 - margin, 5);
    expect(r?.personaInterval.upper).toBeCloseTo(3 + margin, 5);
  });
});

describe("effect helpers", () => {
  it("grades magnitudes with Cohen's and Romano's thresholds", () => {
    expect(magnitudeOf("cohens-d", 0.19)).toBe("negligible");
    expect(magnitudeOf("cohens-h", -0.5)).toBe("medium");
    expect(magnitudeOf("cliffs-delta", 0.15)).toBe("small");
    expect(magnitudeOf("cliffs-delta", 0.5)).toBe("large");
  });

  it("puts Cliff's delta on the d scale for ranking", () => {
    expect(strengthOf("cohens-d", -0.7)).toBe(0.7);
    // Romano's thresholds were chosen to match d = 0.2 / 0.5 / 0.8 for normal data.
    expect(strengthOf("cliffs-delta", 0.147)).toBeCloseTo(0.26, 1);
    expect(strengthOf("cliffs-delta", 0.474)).toBeCloseTo(0.9, 1);
    expect(Number.isFinite(strengthOf("cliffs-delta", 1))).toBe(true);
  });
});
