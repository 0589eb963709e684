// Matching personas across runs by their members, and checking whether a field's evidence is
// still there; plus the approximate effect-size intervals of the forest plot.
import { describe, expect, it } from "vitest";
import { effectInterval, toDScale } from "~/server/analysis/effect-intervals";
import {
  checkEvidence,
  describeLostEvidence,
  jaccard,
  matchPersonas,
  traitKey,
} from "~/server/analysis/persona-match";
import type { Trait } from "~/server/analysis/result";

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

function trait(id: string, over: Partial<Trait> = {}): Trait {
  return {
    id,
    persona: Number(/^p(\d+)/.exec(id)?.[1] ?? 0),
    questionId: traitKey(id).split("=")[0] as string,
    questionLabel: "Q",
    label: `Label ${traitKey(id)}`,
    role: "SEGMENT",
    kind: "ordinal",
    measure: "mean",
    segmentInput: true,
    personaValue: 4,
    restValue: 2,
    personaInterval: { lower: 3.8, upper: 4.2 },
    restInterval: { lower: 1.9, upper: 2.1 },
    personaN: 50,
    restN: 100,
    effect: { name: "cliffs-delta", value: 0.6, magnitude: "large" },
    strength: 1.2,
    test: "mann-whitney",
    p: 0.0001,
    q: 0.001,
    direction: "higher",
    distinguishing: true,
    ...over,
  };
}

describe("matchPersonas", () => {
  it("pairs personas by member overlap, one to one, best pairs first, at Jaccard >= 0.5", () => {
    const previous = [
      { index: 0, memberIds: ids("r", 0, 100) },
      { index: 1, memberIds: ids("r", 100, 200) },
      { index: 2, memberIds: ids("r", 200, 300) },
    ];
    const next = [
      // Persona numbers changed; 0 <- old 1 (90 of 100 kept), 2 <- old 0 (70 of 100 kept).
      { index: 0, memberIds: ids("r", 110, 200) },
      { index: 1, memberIds: [...ids("r", 200, 240), ...ids("x", 0, 60)] },
      { index: 2, memberIds: [...ids("r", 30, 100), ...ids("y", 0, 10)] },
    ];
    expect(jaccard(ids("r", 0, 100), ids("r", 30, 100).concat(ids("y", 0, 10)))).toBeCloseTo(
      70 / 110,
    );
    expect(matchPersonas(previous, next)).toEqual([
      { previous: 0, next: 2, jaccard: 70 / 110 },
      { previous: 1, next: 0, jaccard: 0.9 },
    ]);
    // Old persona 2 kept only 40 of its 100 members next to 60 new ones: 40/160 < 0.5.
    expect(matchPersonas(previous, next, 0.2)).toContainEqual({
      previous: 2,
      next: 1,
      jaccard: 0.25,
    });
  });

  it("never gives one new persona to two old ones", () => {
    const previous = [
      { index: 0, memberIds: ids("r", 0, 60) },
      { index: 1, memberIds: ids("r", 40, 100) },
    ];
    const next = [{ index: 0, memberIds: ids("r", 0, 100) }];
    expect(matchPersonas(previous, next)).toEqual([{ previous: 0, next: 0, jaccard: 0.6 }]);
  });
});

describe("checkEvidence", () => {
  const previous = {
    traits: [
      trait("p1:price"),
      trait("p1:green", { direction: "lower" }),
      trait("p1:age", { distinguishing: false }),
      trait("p1:brand=Yes"),
    ],
    distinguishingTraitIds: ["p1:price", "p1:green", "p1:brand=Yes"],
  };

  it("keeps evidence that still holds, under the new persona's ids", () => {
    const next = {
      traits: [trait("p0:price"), trait("p0:green", { direction: "lower" }), trait("p0:age")],
      distinguishingTraitIds: ["p0:price", "p0:green"],
    };
    expect(checkEvidence(["p1:price", "p1:green", "p1:age"], previous, next)).toEqual({
      keptTraitIds: ["p0:price", "p0:green", "p0:age"],
      lost: [],
    });
  });

  it("reports evidence no longer measured, no longer distinguishing, or reversed", () => {
    const next = {
      traits: [
        trait("p2:price", { distinguishing: false }),
        trait("p2:green", { direction: "higher" }),
      ],
      distinguishingTraitIds: ["p2:green"],
    };
    const check = checkEvidence(["p1:price", "p1:green", "p1:brand=Yes"], previous, next);
    expect(check.keptTraitIds).toEqual([]);
    expect(check.lost.map((l) => [l.key, l.reason])).toEqual([
      ["price", "no-longer-distinguishing"],
      ["green", "reversed"],
      ["brand=Yes", "not-measured"],
    ]);
    expect(describeLostEvidence(check.lost)).toContain("Label brand=Yes is no longer measured");
  });
});

describe("effect intervals", () => {
  it("uses the large-sample standard errors and widens for small groups", () => {
    const h = effectInterval("cohens-h", 0.5, 50, 100);
    expect(h.upper - h.value).toBeCloseTo(1.959964 * Math.sqrt(1 / 50 + 1 / 100), 5);
    const d = effectInterval("cohens-d", 0.8, 30, 30);
    expect(d.value - d.lower).toBeCloseTo(1.959964 * Math.sqrt(60 / 900 + 0.64 / 120), 5);
    const small = effectInterval("cliffs-delta", 0.4, 10, 10);
    const large = effectInterval("cliffs-delta", 0.4, 200, 200);
    expect(small.upper - small.lower).toBeGreaterThan(large.upper - large.lower);
    expect(small.lower).toBeLessThan(0.4);
    expect(effectInterval("cliffs-delta", 1, 20, 20).upper).toBe(1);
    expect(effectInterval("cliffs-delta", 1, 20, 20).lower).toBeLessThan(1);
  });

  it("puts Cliff's delta on Cohen's d scale monotonically, keeping the sign", () => {
    expect(toDScale("cohens-d", -0.3)).toBe(-0.3);
    expect(toDScale("cliffs-delta", 0.33)).toBeCloseTo(0.62, 1);
    expect(toDScale("cliffs-delta", -0.33)).toBeCloseTo(-toDScale("cliffs-delta", 0.33), 10);
    expect(toDScale("cliffs-delta", 0.2)).toBeLessThan(toDScale("cliffs-delta", 0.3));
  });
});
