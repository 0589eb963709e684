// The shared pain colour bands (no overlapping edges, banded by the number shown) and the plural
// and date helpers every page uses.
import { describe, expect, it } from "vitest";
import { dateLocale, formatDate, formatDateTime, plural } from "~/app/_lib/format";
import {
  painBand,
  painBandEdgesNote,
  painBandLabel,
  painBands,
  shownPainIndex,
} from "~/server/domain/pain-bands";

describe("pain bands", () => {
  it("puts every whole index from 0 to 100 in exactly one band", () => {
    for (let shown = 0; shown <= 100; shown++) {
      const holding = painBands.filter((b) => shown >= b.from && shown <= b.through);
      expect(holding).toHaveLength(1);
    }
  });

  it("bands a value by the whole number the cell shows, so a shown 60 is never in 40-59", () => {
    expect(shownPainIndex(59.6)).toBe(60);
    expect(painBand(59.6)).toBe(painBand(60));
    expect(painBandLabel(painBand(59.6))).toBe("60–79 strong");
    expect(painBandLabel(painBand(59.4))).toBe("40–59 moderate");
    expect(painBandLabel(painBand(19.5))).toBe("20–39 mild");
    expect(painBandLabel(painBand(0))).toBe("0–19 little");
    expect(painBandLabel(painBand(100))).toBe("80–100 severe");
  });

  it("keeps values outside 0-100 in the end bands", () => {
    expect(painBand(-3)).toBe(painBands[0]);
    expect(painBand(104)).toBe(painBands[painBands.length - 1]);
  });
});

describe("plural", () => {
  it("says 1 reviewer and 0 or 2 reviewers", () => {
    expect(plural(1, "reviewer")).toBe("1 reviewer");
    expect(plural(0, "reviewer")).toBe("0 reviewers");
    expect(plural(2, "reviewer")).toBe("2 reviewers");
    expect(plural(1200, "reply", "replies")).toBe("1,200 replies");
    expect(plural(1, "reply", "replies")).toBe("1 reply");
  });
});

describe("dates", () => {
  const when = new Date("2026-03-04T09:05:00Z");

  it("writes day, month name and year, so 3/4 and 4/3 cannot be confused", () => {
    expect(formatDate(when)).toBe("4 Mar 2026");
    expect(formatDate(when, { locale: "en-US" })).toBe("Mar 4, 2026");
  });

  it("adds the time with its zone, in the zone asked for", () => {
    expect(formatDateTime(when)).toBe("4 Mar 2026, 09:05 UTC");
    expect(formatDateTime(when, { locale: "en-GB", timeZone: "Asia/Tokyo" })).toMatch(
      /^4 Mar 2026, 18:05 (GMT\+9|JST)$/,
    );
    expect(formatDate("2026-12-31T23:30:00Z")).toBe("31 Dec 2026");
    expect(formatDate("not a date")).toBe("–");
  });
});

describe("dates in the viewer's locale", () => {
  const when = new Date("2026-12-03T14:05:00Z");

  it("names the month in every locale, so day and month cannot be swapped", () => {
    expect(formatDateTime(when, { locale: "en-GB" })).toBe("3 Dec 2026, 14:05 UTC");
    expect(formatDateTime(when, { locale: "en-US" })).toBe("Dec 3, 2026, 02:05 PM UTC");
    expect(formatDateTime(when, { locale: "de-DE" })).toBe("3. Dez. 2026, 14:05 UTC");
    expect(formatDate(when, { locale: "de-DE" })).toBe("3. Dez. 2026");
  });

  it("takes the viewer's first locale Intl knows from Accept-Language", () => {
    expect(dateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(dateLocale("en-US,en;q=0.9")).toBe("en-US");
    expect(dateLocale("fr;q=0.5, en-GB;q=0.9")).toBe("en-GB");
    expect(dateLocale("x-nonsense-tag, de-DE;q=0.5")).toBe("de-DE");
  });

  it("falls back to British English when the browser names no usable locale", () => {
    expect(dateLocale(null)).toBe("en-GB");
    expect(dateLocale("")).toBe("en-GB");
    expect(dateLocale("*")).toBe("en-GB");
  });
});

describe("pain band edges in the legend", () => {
  it("states closed edges on the shown number and the rounding cut, matching the banding", () => {
    const note = painBandEdgesNote();
    expect(note).toBe(
      "Each band includes both of its ends: 19 is little, 20 is mild. The index is rounded to a whole number first, so 19.5 counts as 20 (mild) and 19.4 as 19 (little).",
    );
    expect(painBand(19.5).word).toBe("mild");
    expect(painBand(19.4).word).toBe("little");
  });
});
