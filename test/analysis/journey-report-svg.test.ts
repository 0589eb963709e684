// The journey section of report.html, on a fill of planted data (test/analysis/journey-planted.ts):
// one emotion line with its interval band per row that has values, a pain grid cell per persona
// and stage that says "too few" where the filler refused a value, themes with real quotes, and
// every text from the data escaped (a stage or persona name must never become markup).
import { describe, expect, it } from "vitest";
import { fillJourney } from "~/server/analysis/journey/fill";
import { journeySectionHtml } from "~/server/analysis/journey-report-svg";
import { PURCHASE_COMPLAINTS, plantedJourney } from "./journey-planted";

const EVIL = `<img src=x onerror="alert(1)">`;

describe("journey section of report.html", () => {
  const input = plantedJourney({ seed: 5, sizes: [120, 100, 12] });
  input.stages = input.stages.map((s) => (s.id === "st-post" ? { ...s, name: EVIL } : s));
  const p0 = input.personas[0];
  if (p0) p0.name = `Fiona ${EVIL}`;
  const fill = fillJourney(input);
  const html = journeySectionHtml(fill);

  it("escapes names from the data", () => {
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("draws a band and a line for each row with values, and none for the thin persona", () => {
    // Personas 0 and 1 and all respondents have values at all four stages; persona 2 has none.
    expect(html.match(/<polygon /g)).toHaveLength(3);
    expect(html.match(/<polyline /g)).toHaveLength(3);
    // One point per shown cell: 3 rows x 4 stages.
    expect(html.match(/<circle /g)).toHaveLength(12);
  });

  it("marks thin cells in the pain grid and the planted pain as significant", () => {
    expect(html.match(/>too few</g)).toHaveLength(4);
    const purchase = fill.cells.find((c) => c.personaIndex === 0 && c.stageId === "st-purchase");
    if (purchase?.pain.status !== "ok") throw new Error("planted pain should be ok");
    expect(html).toContain(`>${purchase.pain.index.toFixed(0)} *<`);
  });

  it("quotes real answers under the themes", () => {
    const quoted = [...html.matchAll(/<blockquote>([^<]*)<\/blockquote>/g)].map((m) => m[1]);
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.some((q) => PURCHASE_COMPLAINTS.includes(q ?? ""))).toBe(true);
  });
});
