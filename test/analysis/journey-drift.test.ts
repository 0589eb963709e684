// The living map: personas matched between runs by their members (or, failing that, by their
// centres), and per cell the change in emotion and pain with whether it is beyond noise. A planted
// change (persona 0's Purchase pain appears in the newer run) must be found; two runs drawn from
// the same distributions must not show it.
import { describe, expect, it } from "vitest";
import { compareFills, matchPersonas } from "~/server/analysis/journey/drift";
import { fillJourney } from "~/server/analysis/journey/fill";
import { ZJourneyDrift, type TJourneyDrift } from "~/server/analysis/journey/result";
import { plantedJourney } from "./journey-planted";

function driftCell(drift: TJourneyDrift, persona: number | null, stageId: string) {
  const cell = drift.cells.find((c) => c.currentPersona === persona && c.stageId === stageId);
  if (!cell) throw new Error(`no drift cell ${persona} ${stageId}`);
  return cell;
}

describe("matchPersonas", () => {
  it("matches by member overlap, whatever the persona numbers", () => {
    // Jaccard: {a,b,c,d} vs {a,b,c,e} = 3/5 = 0.6; {e,f,g} vs {f,g,h,d} = 2/5 = 0.4 < 0.5.
    const pairs = matchPersonas(
      [
        { index: 0, memberResponseIds: ["a", "b", "c", "d"] },
        { index: 1, memberResponseIds: ["e", "f", "g"] },
      ],
      [
        { index: 0, memberResponseIds: ["f", "g", "h", "d"] },
        { index: 1, memberResponseIds: ["a", "b", "c", "e"] },
      ],
    );
    expect(pairs).toEqual([
      { previous: 0, current: 1, method: "members", jaccard: 0.6, centreDistance: null },
    ]);
  });

  it("falls back on centres for personas whose members moved", () => {
    // Centres (0.2, 0.8) and (0.25, 0.8): RMS distance √(0.05²/2) = 0.035355 ≤ 0.1.
    const pairs = matchPersonas(
      [
        { index: 0, memberResponseIds: ["a", "b"], centroid: [0.2, 0.8] },
        { index: 1, memberResponseIds: ["c"], centroid: [0.9, 0.1] },
      ],
      [
        { index: 0, memberResponseIds: ["x"], centroid: [0.25, 0.8] },
        { index: 1, memberResponseIds: ["y"], centroid: [0.5, 0.5] },
      ],
    );
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ previous: 0, current: 0, method: "centres", jaccard: 0 });
    expect(pairs[0]?.centreDistance).toBeCloseTo(0.035355, 6);
  });
});

describe("compareFills", () => {
  const before = plantedJourney({ seed: 21, planted: false });
  const previous = fillJourney(before);
  const personas = (input: typeof before) =>
    (input.personas ?? []).map((p) => ({ index: p.index, memberResponseIds: p.memberResponseIds }));

  it("detects a planted change beyond noise", () => {
    const after = plantedJourney({ seed: 22, planted: true });
    const current = fillJourney(after);
    // Same response ids in both runs (r0000 …), so every persona matches itself by members.
    const pairs = matchPersonas(personas(before), personas(after));
    expect(pairs.map((p) => [p.previous, p.current])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    const drift = compareFills(previous, current, pairs);
    expect(ZJourneyDrift.parse(drift)).toEqual(drift);
    const cell = driftCell(drift, 0, "st-purchase");
    if (cell.pain.status !== "ok" || cell.emotion.status !== "ok") throw new Error("should be ok");
    // Planted: index 25.5 → 85, emotion mean +0.83 → −1.12.
    expect(cell.pain.difference).toBeGreaterThan(40);
    expect(cell.pain.beyondNoise).toBe(true);
    expect(cell.pain.interval.lower).toBeGreaterThan(0);
    expect(cell.emotion.beyondNoise).toBe(true);
    expect(cell.emotion.difference).toBeLessThan(-1);
    // Personas 1 and 2 were drawn alike in both runs.
    for (const p of [1, 2])
      expect(driftCell(drift, p, "st-purchase").pain).toMatchObject({ beyondNoise: false });
  });

  it("does not call a null change beyond noise", () => {
    const after = plantedJourney({ seed: 23, planted: false });
    const drift = compareFills(
      previous,
      fillJourney(after),
      matchPersonas(personas(before), personas(after)),
    );
    const cell = driftCell(drift, 0, "st-purchase");
    expect(cell.pain).toMatchObject({ status: "ok", beyondNoise: false });
    expect(cell.emotion).toMatchObject({ status: "ok", beyondNoise: false });
    // 16 cells × 2 measures at 95 %: a stray false alarm is possible, a pattern is not.
    const alarms = drift.cells
      .flatMap((c) => [c.pain, c.emotion])
      .filter((v) => v.status === "ok" && v.beyondNoise);
    expect(alarms.length).toBeLessThanOrEqual(3);
  });

  it("reports unmatched personas, stage changes and insufficient sides", () => {
    const after = plantedJourney({ seed: 24, planted: false, sizes: [120, 100, 12] });
    after.stages = [
      ...(after.stages ?? []).filter((s) => s.id !== "st-post"),
      { id: "st-new", name: "New", position: 9 },
    ];
    const current = fillJourney(after);
    const drift = compareFills(previous, current, [
      { previous: 0, current: 0, method: "members", jaccard: 1, centreDistance: null },
      { previous: 2, current: 2, method: "members", jaccard: 0.15, centreDistance: null },
    ]);
    expect(drift.unmatchedPrevious).toEqual([1]);
    expect(drift.unmatchedCurrent).toEqual([1]);
    expect(drift.addedStageIds).toEqual(["st-new"]);
    expect(drift.removedStageIds).toEqual(["st-post"]);
    expect(drift.stageIds).toEqual(["st-discovery", "st-comparing", "st-purchase"]);
    const thin = driftCell(drift, 2, "st-purchase");
    expect(thin.pain.status).toBe("insufficient");
    expect(thin.pain.status === "insufficient" && thin.pain.reason).toMatch(
      /current run had insufficient pain evidence \(n = 12\)/,
    );
    expect(driftCell(drift, null, "st-purchase").pain.status).toBe("ok");
  });
});
