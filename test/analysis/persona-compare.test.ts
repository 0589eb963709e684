// The comparison table with one trait per two-option question: when two personas name different
// options (each the one it chose more often), the question is still one row, and the mirrored
// cell carries exactly the numbers of the other option (share 1 − p, flipped interval and effect,
// same test).
import { describe, expect, it } from "vitest";
import { compareTraits, mirrorOption } from "~/server/analysis/persona-compare";
import { profilePersonas } from "~/server/analysis/profile";
import type { SurveyResponse } from "~/server/analysis/survey";
import { wilsonInterval } from "~/server/analysis/stats/wilson";

// Persona 0 (40): 30 "yes"; persona 1 (60): 12 "yes".
const answers = Array.from({ length: 100 }, (_, i) =>
  i < 40 ? (i < 30 ? "yes" : "no") : i < 52 ? "yes" : "no",
);
const responses: SurveyResponse[] = answers.map((a, i) => ({ id: `r${i}`, answers: { q: a } }));
const profile = profilePersonas({
  questions: [{ id: "q", label: "Q", role: "OTHER", kind: "categorical" }],
  responses,
  assignments: answers.map((_, i) => (i < 40 ? 0 : 1)),
  k: 2,
});

describe("compareTraits with two-option questions", () => {
  const personas = profile.personas.map((p) => ({
    traits: p.traits,
    distinguishingTraitIds: p.distinguishingTraitIds,
  }));

  it("names each persona's more frequent option, and shows the question as one row", () => {
    expect(personas.map((p) => p.traits.map((t) => t.id))).toEqual([["p0:q=yes"], ["p1:q=no"]]);
    const rows = compareTraits(personas);
    expect(rows).toHaveLength(1);
    const [p0, p1] = rows[0]?.cells ?? [];
    expect(p0?.trait.option).toBe("yes");
    expect(p1?.trait.option).toBe("yes");
    // Persona 1's share of "yes": 12 of 60, with the Wilson interval of 12/60.
    expect(p1?.trait.personaValue).toBeCloseTo(0.2, 12);
    const wilson = wilsonInterval(12, 60);
    expect(p1?.trait.personaInterval.lower).toBeCloseTo(wilson.lower, 12);
    expect(p1?.trait.personaInterval.upper).toBeCloseTo(wilson.upper, 12);
    expect(p1?.trait.direction).toBe("lower");
    expect(p1?.distinguishing).toBe(true);
  });

  it("mirrors the effect and keeps the test", () => {
    const own = profile.personas[1]?.traits[0];
    if (!own) throw new Error("no trait");
    const mirrored = mirrorOption(own, "yes");
    expect(mirrored.effect.value).toBeCloseTo(-own.effect.value, 12);
    expect(mirrored.p).toBe(own.p);
    expect(mirrored.q).toBe(own.q);
    expect(mirrored.label).toBe("Q: yes");
  });
});
