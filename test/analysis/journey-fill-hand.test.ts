// Journey filling on inputs small enough to work out by hand: emotion and pain cells with their
// t and Wilson intervals, the one-sided Mann-Whitney test with BH, the evidence rule, gap priority
// and the Welch interval used for drift. Every expected number is derived in the comments
// (t(0.975, 3) = 3.182446, z(0.975) = 1.959964) and was checked against SciPy.
import { describe, expect, it } from "vitest";
import { efforts } from "~/server/domain/journey";
import { fillJourney } from "~/server/analysis/journey/fill";
import type { TJourneyFillInput } from "~/server/analysis/journey/input";
import { applyPainBh } from "~/server/analysis/journey/pain";
import { mannWhitneyU } from "~/server/analysis/stats/mann-whitney";
import { EFFORTS, ZJourneyFill, type TFillCell } from "~/server/analysis/journey/result";
import { welchDifferenceInterval } from "~/server/analysis/journey/summary-stats";

/** Persona 0: a1..a4, persona 1: b1..b4; one stage "s1" with an emotion and a pain question. */
function tinyInput(): TJourneyFillInput {
  const emotion = { a1: -1, a2: 0, a3: 0, a4: 1, b1: 2, b2: 2, b3: 1, b4: 1 };
  const pain = { a1: 2, a2: 3, a3: 4, a4: 4, b1: 0, b2: 1, b3: 1, b4: 2 };
  return {
    stages: [{ id: "s1", name: "Purchase", position: 0 }],
    questions: [
      { id: "emo", label: "Feeling", stageId: "s1", role: "EMOTION", type: "EMOTION" },
      { id: "pain", label: "Pain", stageId: "s1", role: "PAIN", type: "PAIN" },
    ],
    personas: [
      { index: 0, name: "A", share: 0.5, memberResponseIds: ["a1", "a2", "a3", "a4"] },
      { index: 1, name: "B", share: 0.5, memberResponseIds: ["b1", "b2", "b3", "b4"] },
    ],
    responses: Object.keys(emotion).map((id) => ({
      id,
      answers: {
        emo: emotion[id as keyof typeof emotion],
        pain: pain[id as keyof typeof pain],
      },
    })),
    effortByStage: { s1: "LARGE" },
    teamByStage: { s1: "Finance" },
  };
}

function cell(cells: readonly TFillCell[], persona: number | null): TFillCell {
  const found = cells.find((c) => c.personaIndex === persona && c.stageId === "s1");
  if (!found) throw new Error(`no cell for persona ${persona}`);
  return found;
}

describe("emotion and pain cells by hand", () => {
  const fill = fillJourney(tinyInput(), { minN: 4, maxIntervalWidth: 1 });

  it("is a valid, versioned fill", () => {
    expect(ZJourneyFill.parse(fill)).toEqual(fill);
    expect(fill.schemaVersion).toBe(1);
  });

  it("emotion: mean, sd, t interval and distribution", () => {
    // A: −1, 0, 0, 1 → mean 0; sd = √((1 + 0 + 0 + 1)/3) = 0.816497; se = sd/2 = 0.408248;
    // margin = 3.182446 × 0.408248 = 1.299228 → [−1.299228, 1.299228].
    const e = cell(fill.cells, 0).emotion;
    expect(e.status).toBe("ok");
    if (e.status !== "ok") return;
    expect(e.n).toBe(4);
    expect(e.mean).toBeCloseTo(0, 10);
    expect(e.sd).toBeCloseTo(0.816497, 5);
    expect(e.interval.lower).toBeCloseTo(-1.299228, 5);
    expect(e.interval.upper).toBeCloseTo(1.299228, 5);
    expect(e.distribution.map((d) => d.count)).toEqual([0, 1, 2, 1, 0]);
    // B: 2, 2, 1, 1 → mean 1.5, sd 0.577350, margin 0.918693 → [0.581307, 2.418693], clipped
    // to the scale's end +2.
    const b = cell(fill.cells, 1).emotion;
    if (b.status !== "ok") throw new Error("B emotion should be ok");
    expect(b.mean).toBeCloseTo(1.5, 10);
    expect(b.interval.lower).toBeCloseTo(0.581307, 5);
    expect(b.interval.upper).toBe(2);
  });

  it("pain: index, interval, severe share with Wilson", () => {
    // A: 2, 3, 4, 4 → mean 3.25 → index 3.25/4 × 100 = 81.25; sd = √(2.75/3) = 0.957427;
    // margin = 3.182446 × 0.957427/2 = 1.523481 → severity [1.726520, 4.773480] → index
    // [43.163, 119.337], clipped to [43.163, 100]. Severe (level 4): 2 of 4; Wilson:
    // centre (0.5 + z²/8)/(1 + z²/4) = 0.5, half-width z√(0.25/4 + z²/64)/(1 + z²/4) = 0.349961.
    const p = cell(fill.cells, 0).pain;
    if (p.status !== "ok") throw new Error("A pain should be ok");
    expect(p.index).toBeCloseTo(81.25, 10);
    expect(p.meanSeverity).toBeCloseTo(3.25, 10);
    expect(p.sd).toBeCloseTo(0.957427 * 25, 3);
    expect(p.interval.lower).toBeCloseTo(43.163, 2);
    expect(p.interval.upper).toBe(100);
    expect(p.severe.count).toBe(2);
    expect(p.severe.interval.lower).toBeCloseTo(0.150039, 5);
    expect(p.severe.interval.upper).toBeCloseTo(0.849961, 5);
    expect(p.distribution.map((d) => d.count)).toEqual([0, 0, 1, 1, 2]);
    // All eight: 2+3+4+4+0+1+1+2 = 17 → mean 2.125 → index 53.125; no test for the total row.
    const all = cell(fill.cells, null).pain;
    if (all.status !== "ok") throw new Error("all pain should be ok");
    expect(all.index).toBeCloseTo(53.125, 10);
    expect(all.test).toBeNull();
  });

  it("pain test: one-sided Mann-Whitney, BH over the map's two tests", () => {
    // A = 2,3,4,4 vs B = 0,1,1,2. Mid-ranks: 0→1, 1,1→2.5, 2,2→4.5, 3→6, 4,4→7.5. Rank sum of A
    // = 4.5 + 6 + 7.5 + 7.5 = 25.5, U = 25.5 − 4·5/2 = 15.5. Ties 2,2,2: Σ(t³−t) = 18. Var =
    // 16/12 × (9 − 18/56) = 11.571429. z = (15.5 − 8 − 0.5)/√11.571429 = 2.057807,
    // p = 1 − Φ(z) = 0.019804. B vs A: U = 0.5, z = −2.351780, p = 0.990658.
    // BH: q(A) = min(0.019804 × 2/1, 0.990658) = 0.039609; q(B) = 0.990658.
    const a = cell(fill.cells, 0).pain;
    const b = cell(fill.cells, 1).pain;
    if (a.status !== "ok" || b.status !== "ok" || !a.test || !b.test) throw new Error("tests");
    expect(a.test.u).toBe(15.5);
    expect(a.test.z).toBeCloseTo(2.057807, 5);
    expect(a.test.p).toBeCloseTo(0.019804, 5);
    expect(a.test.q).toBeCloseTo(0.039609, 5);
    expect(a.test.significant).toBe(true);
    // Cliff's delta: of 16 pairs A wins 15 and ties 1 (2 vs 2) → 15/16.
    expect(a.test.cliffsDelta).toBeCloseTo(0.9375, 10);
    expect(a.test.othersIndex).toBeCloseTo(25, 10);
    expect(b.test.p).toBeCloseTo(0.990658, 5);
    expect(b.test.significant).toBe(false);
    expect(fill.painTests).toBe(2);
  });

  it("gap priority = severity × share / effort weight", () => {
    // A at s1: 81.25 × 0.5 / 3 (LARGE) = 13.541667.
    expect(fill.gaps).toHaveLength(1);
    const gap = fill.gaps[0];
    expect(gap?.personaIndex).toBe(0);
    expect(gap?.effort).toBe("LARGE");
    expect(gap?.effortAssumed).toBe(false);
    expect(gap?.teams).toEqual(["Finance"]);
    expect(gap?.priority).toBeCloseTo(13.541667, 5);
    expect(gap?.severity).toBeCloseTo(81.25, 10);
  });
});

describe("the evidence rule", () => {
  it("a cell under minN says so, with its n and no value", () => {
    const fill = fillJourney(tinyInput(), { minN: 5 });
    const e = cell(fill.cells, 0).emotion;
    expect(e).toEqual({
      status: "insufficient",
      n: 4,
      reason: expect.stringContaining("at least 5") as string,
    });
    expect(e).not.toHaveProperty("mean");
    // The total row has 8 and passes minN; its pain interval still decides.
    expect(cell(fill.cells, null).emotion.status).toBe("ok");
    expect(fill.gaps).toEqual([]);
  });

  it("an interval wider than half the scale is insufficient evidence", () => {
    // A's emotion interval is 2.598 wide; half of the 4-point scale is 2.
    const fill = fillJourney(tinyInput(), { minN: 4 });
    const e = cell(fill.cells, 0).emotion;
    expect(e.status).toBe("insufficient");
    if (e.status === "insufficient") {
      expect(e.n).toBe(4);
      expect(e.reason).toMatch(/wider than 2\.00/);
    }
    // B's is 1.837 wide and stays.
    expect(cell(fill.cells, 1).emotion.status).toBe("ok");
  });

  it("defaults to 30 answers", () => {
    const fill = fillJourney(tinyInput());
    expect(fill.parameters.minN).toBe(30);
    expect(fill.cells.every((c) => c.emotion.status === "insufficient")).toBe(true);
    expect(fill.painTests).toBe(0);
  });
});

describe("statistics helpers by hand", () => {
  it("one-sided Mann-Whitney with distinct values", () => {
    // x = 3,4 vs y = 0,1,2: ranks 4,5 → U = 9 − 3 = 6; Var = 6/12 × 6 = 3;
    // z = (6 − 3 − 0.5)/√3 = 1.443376; p = 1 − Φ(z) = 0.074457.
    const r = mannWhitneyU([3, 4], [0, 1, 2], { alternative: "greater" });
    expect(r.u).toBe(6);
    expect(r.z).toBeCloseTo(1.443376, 5);
    expect(r.p).toBeCloseTo(0.074457, 5);
  });

  it("BH q-values decide significance", () => {
    // p = 0.01, 0.04, 0.03 → sorted 0.01, 0.03, 0.04: q = 0.04, min(0.04, 0.045), min(0.04, 0.03).
    const base = {
      name: "mann-whitney-greater" as const,
      u: 0,
      z: 0,
      cliffsDelta: 0,
      othersN: 1,
      othersIndex: 0,
    };
    const tests = applyPainBh(
      [0.01, 0.04, 0.03].map((p) => ({ ...base, p })),
      0.035,
    );
    expect(tests.map((t) => t.q)).toEqual(
      [0.03, 0.04, 0.04].map((q) => expect.closeTo(q, 12) as number),
    );
    expect(tests.map((t) => t.significant)).toEqual([true, false, false]);
  });

  it("Welch interval of a difference from summaries", () => {
    // 0.5 − 0 with sd 1, n 30 each: v = 2/30, df = v²/(2(1/30)²/29) = 58,
    // margin = t(0.975, 58) × √v = 2.001717 × 0.258199 = 0.516841.
    const d = welchDifferenceInterval({ mean: 0, sd: 1, n: 30 }, { mean: 0.5, sd: 1, n: 30 });
    expect(d.difference).toBe(0.5);
    expect(d.lower).toBeCloseTo(0.5 - 0.516841, 5);
    expect(d.upper).toBeCloseTo(0.5 + 0.516841, 5);
  });

  it("effort levels are the map's", () => {
    expect([...EFFORTS]).toEqual([...efforts]);
  });
});

describe("input checks", () => {
  it("refuses a respondent in two personas and duplicate ids", () => {
    const input = tinyInput();
    input.personas[1]?.memberResponseIds.push("a1");
    expect(() => fillJourney(input)).toThrow(/a1 belongs to more than one persona/);
    const dup = tinyInput();
    dup.stages.push({ id: "s1", name: "Again", position: 1 });
    expect(() => fillJourney(dup)).toThrow(/Stage s1 is listed twice/);
  });

  it("warns about questions linked elsewhere and unreadable answers", () => {
    const input = tinyInput();
    input.questions.push({ id: "x", label: "", stageId: "other-map", role: "PAIN", type: "PAIN" });
    input.responses[0]!.answers.pain = 9;
    const fill = fillJourney(input, { minN: 3, maxIntervalWidth: 1 });
    expect(fill.warnings.join(" ")).toMatch(/Question x is linked to stage other-map/);
    expect(fill.warnings.join(" ")).toMatch(/1 answer to question pain could not be read/);
    const a = cell(fill.cells, 0).pain;
    expect(a.status === "ok" && a.n).toBe(3);
  });
});
