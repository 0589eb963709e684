// The forest plot's layout: labels wrap whole (never cut), rows grow to hold their lines, and the
// x ticks are spaced by the width available so their numbers never overlap.
import { describe, expect, it } from "vitest";
import {
  chooseTicks,
  FOREST_MARGIN,
  forestLayout,
  tickText,
  wrapLabel,
} from "~/app/_components/charts/forest-layout";

const long = "Where did you do most of your research before buying: Online reviews";

describe("forest plot layout", () => {
  it("wraps a label onto lines that together keep every word", () => {
    const lines = wrapLabel(long, 24);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
  });

  it("keeps labels that differ only in their option apart", () => {
    const labels = [`${long.split(":")[0]}: Online reviews`, `${long.split(":")[0]}: Dealers`];
    const { lines, rowHeight } = forestLayout(labels, 1.2, 440);
    expect(lines.map((l) => l.join(" "))).toEqual(labels);
    expect(rowHeight).toBeGreaterThanOrEqual(Math.max(...lines.map((l) => l.length)) * 14);
  });

  it("spaces ticks by the width: at least 46 px apart, 0 among them, covering the intervals", () => {
    for (const [bound, width] of [
      [5, 440],
      [5, 900],
      [1.5, 300],
      [3, 240],
      [0.5, 600],
    ] as const) {
      const layout = forestLayout(["a trait"], bound, width);
      const plot = width - layout.labelWidth - FOREST_MARGIN.left - FOREST_MARGIN.right;
      const { ticks } = layout;
      expect(ticks).toContain(0);
      expect(layout.bound).toBeGreaterThanOrEqual(bound);
      const gapPx = (plot * ((ticks[1] ?? 0) - (ticks[0] ?? 0))) / (2 * layout.bound);
      expect(gapPx).toBeGreaterThanOrEqual(46);
      const texts = ticks.map((t) => tickText(t, layout.step));
      expect(new Set(texts).size).toBe(ticks.length);
    }
  });

  it("uses a finer step where there is room", () => {
    expect(chooseTicks(5, 900).step).toBeLessThan(chooseTicks(5, 200).step);
    expect(tickText(-1.5, 0.5)).toBe("−1.5");
    expect(tickText(2, 1)).toBe("2");
    expect(tickText(0, 0.5)).toBe("0");
  });
});
