// The evidence grid's reading of a stored fill (app/.../journeys/[mapId]/evidence/fill-data.ts):
// columns follow the map's current stage order and name what the fill lacks or the map dropped;
// the pain colour classes cover 0..100 without gaps and keep their text readable; views choose
// the rows the grid shows. The fill is a real one, made by the filler from planted data.
import { describe, expect, it } from "vitest";
import {
  columnsFor,
  painClass,
  parseView,
  seriesFor,
  viewValue,
} from "~/app/(studio)/w/[workspaceId]/journeys/[mapId]/evidence/fill-data";
import { fillJourney } from "~/server/analysis/journey/fill";
import { painBands } from "~/server/domain/pain-bands";
import { plantedJourney, STAGES } from "../analysis/journey-planted";

const fill = fillJourney(plantedJourney({ seed: 4 }));

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe("evidence grid view", () => {
  it("lays the fill out in the map's current stage order", () => {
    const [a, b, c, d] = STAGES;
    if (!a || !b || !c || !d) throw new Error("planted stages missing");
    const map = {
      stages: [
        { id: c.id, name: "Purchase (renamed)" },
        { id: "new-stage", name: "Onboarding" },
        { id: a.id, name: a.name },
        { id: b.id, name: b.name },
      ],
    };
    const { columns, dropped } = columnsFor(map as Parameters<typeof columnsFor>[0], fill);
    expect(columns.map((col) => [col.name, col.inFill])).toEqual([
      ["Purchase (renamed)", true],
      ["Onboarding", false],
      [a.name, true],
      [b.name, true],
    ]);
    expect(dropped).toEqual([d.name]);
  });

  it("colours every pain index from 0 to 100 with readable text", () => {
    for (let index = 0; index <= 100; index += 0.5) {
      const c = painClass(index);
      const shown = Math.round(index);
      expect(shown >= c.from && shown <= c.through).toBe(true);
    }
    expect(painClass(100)).toBe(painBands[painBands.length - 1]);
    for (const c of painBands) expect(contrast(c.background, c.text)).toBeGreaterThanOrEqual(4.5);
  });

  it("shows every persona and all respondents overlaid, or one row", () => {
    expect(seriesFor(fill, { kind: "overlay" }).map((s) => s.personaIndex)).toEqual([
      ...fill.personas.map((p) => p.index),
      null,
    ]);
    expect(seriesFor(fill, { kind: "persona", index: 1 }).map((s) => s.n)).toEqual([
      fill.personas.find((p) => p.index === 1)?.n,
    ]);
    expect(seriesFor(fill, { kind: "everyone" }).map((s) => s.n)).toEqual([fill.respondents]);
    for (const view of [
      { kind: "overlay" },
      { kind: "everyone" },
      { kind: "persona", index: 2 },
    ] as const)
      expect(parseView(viewValue(view))).toEqual(view);
    expect(parseView("nonsense")).toEqual({ kind: "overlay" });
  });
});
