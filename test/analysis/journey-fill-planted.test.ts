// Planted ground truth (test/analysis/journey-planted.ts): persona 0 suffers severely at Purchase
// and its emotion drops there; the others do not. The fill must find exactly that: a high pain
// index whose interval clears the other personas', significant after BH, first in the gap list,
// and a suggested moment of truth; with nothing planted, no gap. Also: thin personas are
// insufficient, quotes are real answers, themes share their term, and the output is
// deterministic.
import { describe, expect, it } from "vitest";
import { fillJourney } from "~/server/analysis/journey/fill";
import { ZJourneyFill, type TFillCell, type TJourneyFill } from "~/server/analysis/journey/result";
import {
  PURCHASE_COMPLAINTS,
  PURCHASE_PRAISE,
  OTHER_THOUGHTS,
  plantedJourney,
} from "./journey-planted";

function purchase(fill: TJourneyFill, persona: number | null): TFillCell {
  const cell = fill.cells.find((c) => c.personaIndex === persona && c.stageId === "st-purchase");
  if (!cell) throw new Error(`no Purchase cell for ${persona}`);
  return cell;
}

describe("planted severe pain at Purchase", () => {
  const input = plantedJourney({ seed: 11 });
  const fill = fillJourney(input);

  it("validates against the stored schema", () => {
    expect(ZJourneyFill.parse(JSON.parse(JSON.stringify(fill)))).toEqual(fill);
  });

  it("shows a high index whose interval excludes the other personas'", () => {
    const mine = purchase(fill, 0).pain;
    if (mine.status !== "ok") throw new Error("persona 0 pain should be ok");
    // Planted: E[severity] = 0.05 + 0.2 + 0.75 + 2.4 = 3.4 → index 85; others 1.02 → 25.5.
    expect(mine.index).toBeGreaterThan(75);
    for (const other of [1, 2]) {
      const theirs = purchase(fill, other).pain;
      if (theirs.status !== "ok") throw new Error("other pain should be ok");
      expect(mine.interval.lower).toBeGreaterThan(theirs.interval.upper);
      expect(theirs.test?.significant).toBe(false);
    }
    expect(mine.severe.interval.lower).toBeGreaterThan(0.4);
  });

  it("is significant after BH over the whole map, and only there", () => {
    expect(fill.painTests).toBe(3 * 4);
    const significant = fill.cells.filter(
      (c) => c.pain.status === "ok" && c.pain.test?.significant,
    );
    expect(significant.map((c) => [c.personaIndex, c.stageId])).toEqual([[0, "st-purchase"]]);
  });

  it("puts it first in the gap list with the stage's team and effort", () => {
    expect(fill.gaps[0]).toMatchObject({
      personaIndex: 0,
      stageId: "st-purchase",
      teams: ["Sales", "Finance"],
      effort: "MEDIUM",
      effortWeight: 2,
    });
    const gap = fill.gaps[0];
    if (!gap) throw new Error("no gap");
    expect(gap.priority).toBeCloseTo((gap.severity * gap.share) / gap.effortWeight, 10);
  });

  it("suggests Purchase as persona 0's moment of truth, for pain and for the emotion drop", () => {
    const moment = fill.moments.find((m) => m.personaIndex === 0);
    expect(moment?.stageId).toBe("st-purchase");
    expect(moment?.reasons.map((r) => r.kind)).toEqual(["pain-peak", "emotion-drop"]);
    const drop = moment?.reasons[1];
    expect(drop?.kind === "emotion-drop" && drop.excludesZero && drop.drop < -1).toBe(true);
    expect(moment?.text).toMatch(/Fee-wary Fiona's pain peaks at Purchase/);
    // Unplanted personas have no drop beyond noise and no significant pain: nothing to suggest.
    expect(fill.moments.filter((m) => m.personaIndex !== 0)).toEqual([]);
  });

  it("quotes real answers of the cell's own members, grouped by a shared term", () => {
    const t = purchase(fill, 0).thoughts;
    if (t.status !== "ok") throw new Error("thoughts should be ok");
    const members = new Set(input.personas[0]?.memberResponseIds);
    const answers = new Map(input.responses.map((r) => [r.id, r.answers]));
    const quotes = [...t.quotes, ...t.themes.flatMap((th) => th.quotes)];
    for (const q of quotes) {
      expect(members.has(q.responseId)).toBe(true);
      expect(answers.get(q.responseId)?.[q.questionId]).toBe(q.text);
      expect(PURCHASE_COMPLAINTS).toContain(q.text);
    }
    // Every complaint mentions fees; the others' Purchase answers never do.
    expect(t.themes[0]?.term).toBe("fee");
    expect(t.themes[0]?.count).toBe(t.n);
    for (const theme of t.themes) {
      for (const q of theme.quotes) expect(q.terms).toContain(theme.term);
    }
    expect(t.sentiment.status === "ok" && t.sentiment.tone).toBe("negative");
    const other = purchase(fill, 1).thoughts;
    if (other.status !== "ok") throw new Error("other thoughts should be ok");
    for (const q of other.quotes) expect(PURCHASE_PRAISE).toContain(q.text);
    expect(other.themes.map((th) => th.term)).not.toContain("fee");
    const discovery = fill.cells.find(
      (c) => c.personaIndex === null && c.stageId === "st-discovery",
    );
    if (discovery?.thoughts.status !== "ok") throw new Error("discovery thoughts should be ok");
    for (const q of discovery.thoughts.quotes) expect(OTHER_THOUGHTS).toContain(q.text);
  });

  it("fills the all-respondents row and goal shares", () => {
    const all = purchase(fill, null);
    expect(all.pain.status === "ok" && all.pain.n).toBe(300);
    expect(fill.personas.map((p) => [p.key, p.n])).toEqual([
      ["p0", 120],
      ["p1", 100],
      ["p2", 80],
    ]);
    const goal = fill.cells.find((c) => c.personaIndex === 0 && c.stageId === "st-discovery")
      ?.goals[0];
    if (!goal || goal.status !== "ok" || goal.kind !== "choice") throw new Error("goal shares");
    const price = goal.options.find((o) => o.option === "price");
    // Planted 70 % price for persona 0.
    expect(price?.interval.lower).toBeLessThan(0.7);
    expect(price?.interval.upper).toBeGreaterThan(0.7);
  });

  it("is deterministic", () => {
    const again = fillJourney(plantedJourney({ seed: 11 }));
    expect(JSON.stringify(again)).toBe(JSON.stringify(fill));
  });
});

describe("nothing planted", () => {
  it("finds no gap and no significant pain", () => {
    const fill = fillJourney(plantedJourney({ seed: 11, planted: false }));
    expect(fill.gaps).toEqual([]);
    const mine = purchase(fill, 0).pain;
    expect(mine.status === "ok" && mine.test?.significant).toBe(false);
  });
});

describe("thin personas", () => {
  it("come out as insufficient evidence, with their n, while the rest is filled", () => {
    const fill = fillJourney(plantedJourney({ seed: 5, sizes: [120, 100, 12] }));
    const thin = fill.cells.filter((c) => c.personaIndex === 2);
    expect(thin).toHaveLength(4);
    for (const cell of thin) {
      expect(cell.emotion).toMatchObject({ status: "insufficient", n: 12 });
      expect(cell.pain).toMatchObject({ status: "insufficient", n: 12 });
      expect(cell.thoughts.status).toBe("insufficient");
      expect(cell.pain).not.toHaveProperty("index");
    }
    // Its members still count among "the others" for persona 0's test and in the total row.
    const mine = purchase(fill, 0).pain;
    expect(mine.status === "ok" && mine.test?.othersN).toBe(112);
    expect(fill.gaps.some((g) => g.personaIndex === 2)).toBe(false);
  });
});
