// Persona profiles on planted differences: the planted share and mean come out distinguishing with
// the right sign, noise does not, q-values are Benjamini-Hochberg within two families (segment and
// descriptive questions), and small cases are checked by hand (Wilson interval, Cohen's h, t
// interval, one test per yes/no question, constant groups, the minimum n).
import { describe, expect, it } from "vitest";
import { profilePersonas } from "~/server/analysis/profile";
import { exactSeparationP } from "~/server/analysis/profile-mean-traits";
import { pairOption } from "~/server/analysis/profile-share-traits";
import { createRng } from "~/server/analysis/rng";
import { fisherExact2x2 } from "~/server/analysis/stats/fisher-exact";
import { benjaminiHochberg } from "~/server/analysis/stats/multiple-testing";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import { magnitudeOf, strengthOf } from "~/server/analysis/trait-measure";

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

  it("adjusts the descriptive and the segment questions as two separate families", () => {
    // Segment questions differ by construction; adjusting them with the others would raise the
    // Benjamini-Hochberg threshold for every descriptive question (evidence-rules.ts).
    const segment = all.filter((t) => t.family === "segment");
    const descriptive = all.filter((t) => t.family === "descriptive");
    expect(segment.map((t) => t.questionId).sort()).toEqual(
      all
        .filter((t) => ["score", "ease"].includes(t.questionId))
        .map((t) => t.questionId)
        .sort(),
    );
    expect(segment.length + descriptive.length).toBe(all.length);
    expect(result.testsRun).toBe(descriptive.length);
    expect(result.segmentTests).toBe(segment.length);
    for (const family of [segment, descriptive]) {
      const expected = benjaminiHochberg(family.map((t) => t.p));
      family.forEach((t, i) => {
        expect(t.q).toBeCloseTo(expected[i] as number, 12);
        expect(t.q).toBeGreaterThanOrEqual(t.p);
      });
      const byP = [...family].sort((a, b) => a.p - b.p);
      for (let i = 1; i < byP.length; i++) {
        expect(byP[i]?.q).toBeGreaterThanOrEqual(byP[i - 1]?.q as number);
      }
    }
    // The joint adjustment would have given the descriptive traits smaller q-values.
    const joint = benjaminiHochberg(all.map((t) => t.p));
    const lower = descriptive.filter((t) => (joint[all.indexOf(t)] as number) < t.q - 1e-12);
    expect(lower.length).toBeGreaterThan(0);
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

/** Persona 0: 10 people, 6 say "yes"; rest: 20 people, 5 say "yes"; plus a numeric r. */
function handProfile() {
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
  return { result };
}

describe("a hand-checkable profile", () => {
  const { result } = handProfile();
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

describe("one test per yes/no question", () => {
  it("reports one option per persona: the one it chose more often", () => {
    const { result } = handProfile();
    const yesNo = result.personas.flatMap((p) => p.traits).filter((t) => t.questionId === "q");
    // Persona 0: 6 of 10 "yes"; persona 1: 15 of 20 "no". One test each, same p either way.
    expect(yesNo.map((t) => t.id)).toEqual(["p0:q=yes", "p1:q=no"]);
    expect(yesNo[0]?.p).toBeCloseTo(yesNo[1]?.p as number, 12);
    expect(result.testsRun).toBe(4); // q and r, for each of the two personas
  });

  it("breaks a tie towards yes, else the first option", () => {
    expect(pairOption(["no", "yes"], [3, 3])).toBe("yes");
    expect(pairOption(["Office", "Retail"], [3, 3])).toBe("Office");
    expect(pairOption(["Office", "Retail"], [2, 3])).toBe("Retail");
  });

  it("keeps every option of a question with three answers, one of a two-option one", () => {
    const answers = ["a", "b", "c", "a", "b", "c"];
    const twoWay = [
      "Save money",
      "Save time",
      "Save money",
      "Save time",
      "Save money",
      "Save time",
    ];
    const responses: SurveyResponse[] = answers.map((a, i) => ({
      id: `r${i}`,
      answers: { three: a, two: twoWay[i] ?? null },
    }));
    const result = profilePersonas({
      questions: [
        { id: "three", label: "Three", role: "OTHER", kind: "categorical" },
        { id: "two", label: "Two", role: "OTHER", kind: "categorical" },
      ],
      responses,
      assignments: [0, 0, 0, 1, 1, 1],
      k: 2,
    });
    const ids = result.personas[0]?.traits.map((t) => t.id);
    // Persona 0 chose "Save money" twice and "Save time" once.
    expect(ids).toEqual(["p0:three=a", "p0:three=b", "p0:three=c", "p0:two=Save money"]);
  });
});

describe("constant groups", () => {
  // Persona 0: 30 people all answer 5; the rest: 40 people all answer 3.
  const values = [...Array<number>(30).fill(5), ...Array<number>(40).fill(3)];
  const responses: SurveyResponse[] = values.map((v, i) => ({ id: `r${i}`, answers: { x: v } }));
  const assignments = values.map((_, i) => (i < 30 ? 0 : 1));
  const result = profilePersonas({
    questions: [{ id: "x", label: "X", role: "OTHER", kind: "numeric" }],
    responses,
    assignments,
    k: 2,
  });
  const t = result.personas[0]?.traits[0];

  it("uses the exact permutation p-value instead of Welch's p = 0", () => {
    expect(t?.test).toBe("exact-permutation");
    // 1 / C(70, 30), with C(70, 30) = 55347740058143507128 in exact integer arithmetic.
    expect(t?.p).toBeCloseTo(1 / Number(55347740058143507128n), 30);
    expect(t?.p).toBeGreaterThan(0);
    expect(t?.q).toBeGreaterThan(0);
    expect(t?.effect).toMatchObject({ name: "cliffs-delta", value: 1 });
    expect(t?.direction).toBe("higher");
  });

  it("doubles the p-value for equal groups (the mirror split is as extreme)", () => {
    // C(4, 2) = 6 splits, two of them completely separated.
    expect(exactSeparationP(2, 2)).toBeCloseTo(2 / 6, 12);
    expect(exactSeparationP(1, 3)).toBeCloseTo(1 / 4, 12);
    expect(exactSeparationP(5000, 5000)).toBeGreaterThan(0);
  });

  it("skips a question everybody answered the same", () => {
    const same = profilePersonas({
      questions: [{ id: "x", label: "X", role: "OTHER", kind: "numeric" }],
      responses: values.map((_, i) => ({ id: `r${i}`, answers: { x: 4 } })),
      assignments,
      k: 2,
    });
    expect(same.personas.flatMap((p) => p.traits)).toEqual([]);
    expect(same.testsRun).toBe(0);
  });
});

describe("the minimum n per group", () => {
  // Persona 0 (20 people) answers "yes" 90 % of the time, the 200 others 10 %: a huge effect.
  const answers = Array.from({ length: 220 }, (_, i) =>
    i < 20 ? (i < 18 ? "yes" : "no") : i < 40 ? "yes" : "no",
  );
  const responses: SurveyResponse[] = answers.map((a, i) => ({ id: `r${i}`, answers: { q: a } }));
  const assignments = answers.map((_, i) => (i < 20 ? 0 : 1));
  const input = {
    questions: [
      { id: "q", label: "Q", role: "OTHER", kind: "categorical" },
    ] as QuestionDefinition[],
    responses,
    assignments,
    k: 2,
  };

  it("marks a trait below the default 30 per group insufficient, never distinguishing", () => {
    const t = profilePersonas(input).personas[0]?.traits[0];
    expect(t?.personaN).toBe(20);
    expect(t?.q).toBeLessThan(0.001);
    expect(t?.insufficient).toBe(true);
    expect(t?.distinguishing).toBe(false);
  });

  it("lets a lower configured minimum count it", () => {
    const t = profilePersonas(input, { minGroupN: 20 }).personas[0]?.traits[0];
    expect(t?.insufficient).toBeUndefined();
    expect(t?.distinguishing).toBe(true);
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
