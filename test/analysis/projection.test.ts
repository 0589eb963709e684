// The respondent map: planted, well separated groups in a higher-dimensional encoded space stay
// separated on the two principal components; large inputs are drawn from a seeded sample of at
// most 2,000 that reproduces exactly and keeps every group; degenerate inputs do not crash.
import { describe, expect, it } from "vitest";
import { projectRespondents, sampleRows } from "~/server/analysis/projection";
import { projectionCentres } from "~/server/analysis/projection-centres";
import { createRng } from "~/server/analysis/rng";

/** n rows in `dims` dimensions around `centres`, group i % k, Gaussian noise sd. */
function planted(n: number, centres: number[][], sd: number, seed: number) {
  const rng = createRng(seed);
  const rows: number[][] = [];
  const personas: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const group = i % centres.length;
    rows.push((centres[group] as number[]).map((c) => rng.normal(c, sd)));
    personas.push(group);
    ids.push(`r${i}`);
  }
  return { rows, personas, ids };
}

// Four groups in 8 dimensions, each apart from the others on several columns.
const centres = [
  [0.9, 0.9, 0.1, 0.1, 0.5, 0.2, 0.8, 0.5],
  [0.1, 0.1, 0.9, 0.9, 0.5, 0.8, 0.2, 0.5],
  [0.9, 0.1, 0.9, 0.1, 0.2, 0.5, 0.5, 0.9],
  [0.1, 0.9, 0.1, 0.9, 0.8, 0.5, 0.5, 0.1],
];

function nearestCentreAccuracy(points: { persona: number; x: number; y: number }[]): number {
  const centresOnMap = projectionCentres({
    method: "pca",
    total: points.length,
    shown: points.length,
    sampled: false,
    seed: 0,
    explained: [0, 0],
    axisLabels: [[], []],
    points: points.map((p, i) => ({ ...p, id: String(i) })),
  });
  let right = 0;
  for (const p of points) {
    const nearest = [...centresOnMap].sort(
      (a, b) => (a.x - p.x) ** 2 + (a.y - p.y) ** 2 - ((b.x - p.x) ** 2 + (b.y - p.y) ** 2),
    )[0];
    if (nearest?.persona === p.persona) right += 1;
  }
  return right / points.length;
}

describe("projectRespondents", () => {
  it("keeps planted separated groups separated on the map", () => {
    const data = planted(400, centres, 0.05, 3);
    const map = projectRespondents({ ...data, seed: 1 });
    expect(map.shown).toBe(400);
    expect(map.sampled).toBe(false);
    expect(map.points).toHaveLength(400);
    expect(nearestCentreAccuracy(map.points)).toBe(1);
    // Two axes explain most of a structure with four groups; neither explains nothing.
    expect(map.explained[0]).toBeGreaterThan(map.explained[1]);
    expect(map.explained[1]).toBeGreaterThan(0.1);
    expect(map.explained[0] + map.explained[1]).toBeLessThanOrEqual(1 + 1e-9);

    // Between-group distances on the map dwarf the spread within a group.
    const byGroup = projectionCentres(map);
    const spread = Math.max(
      ...map.points.map((p) => {
        const c = byGroup.find((g) => g.persona === p.persona)!;
        return Math.hypot(p.x - c.x, p.y - c.y);
      }),
    );
    let closest = Infinity;
    byGroup.forEach((a, i) =>
      byGroup
        .slice(i + 1)
        .forEach((b) => (closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y)))),
    );
    expect(closest).toBeGreaterThan(2 * spread);
  });

  it("mixes groups that were planted on top of each other (the check can fail)", () => {
    const same = centres.map(() => centres[0] as number[]);
    const map = projectRespondents({ ...planted(400, same, 0.05, 4), seed: 1 });
    expect(nearestCentreAccuracy(map.points)).toBeLessThan(0.6);
  });

  it("draws a seeded sample of at most 2,000 from large runs, the same every time", () => {
    const data = planted(5000, centres, 0.05, 5);
    const a = projectRespondents({ ...data, seed: 9 });
    const b = projectRespondents({ ...data, seed: 9 });
    const c = projectRespondents({ ...data, seed: 10 });
    expect(a.shown).toBe(2000);
    expect(a.total).toBe(5000);
    expect(a.sampled).toBe(true);
    expect(a).toEqual(b);
    expect(a.points.map((p) => p.id)).not.toEqual(c.points.map((p) => p.id));
    for (let g = 0; g < centres.length; g++) {
      const share = a.points.filter((p) => p.persona === g).length / a.shown;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
    expect(nearestCentreAccuracy(a.points)).toBe(1);
    expect(new Set(sampleRows(5000, 2000, 9)).size).toBe(2000);
  });

  it("names the columns that load most on each axis", () => {
    // Only column 2 varies (two groups), so the first axis is column 2 alone.
    const rows = Array.from({ length: 20 }, (_, i) => [0.5, 0.5, i % 2 === 0 ? 0 : 1]);
    const map = projectRespondents({
      rows,
      personas: rows.map((_, i) => i % 2),
      ids: rows.map((_, i) => `r${i}`),
      columnLabels: ["a", "b", "c"],
      seed: 1,
    });
    expect(map.axisLabels[0]).toEqual(["c"]);
    expect(map.explained[0]).toBeCloseTo(1, 10);
    // The sign is fixed: the larger value of the varying column is on the right.
    const right = map.points.filter((p) => p.x > 0).map((p) => p.persona);
    expect(new Set(right)).toEqual(new Set([1]));
  });

  it("returns a flat map for inputs without spread, one row or no columns", () => {
    expect(
      projectRespondents({ rows: [[0.5], [0.5]], personas: [0, 1], ids: ["a", "b"], seed: 1 })
        .points,
    ).toEqual([
      { id: "a", persona: 0, x: 0, y: 0 },
      { id: "b", persona: 1, x: 0, y: 0 },
    ]);
    expect(projectRespondents({ rows: [[1, 2]], personas: [0], ids: ["a"], seed: 1 }).shown).toBe(
      1,
    );
    expect(() => projectRespondents({ rows: [[1]], personas: [], ids: ["a"], seed: 1 })).toThrow(
      RangeError,
    );
  });
});
