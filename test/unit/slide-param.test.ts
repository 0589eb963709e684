// The slide a presentation opens at from ?i=…: whole numbers inside the deck; anything else
// (missing, repeated, negative, not a number) opens the first slide.
import { describe, expect, it } from "vitest";
import { startSlide } from "~/app/_lib/slide-param";

describe("startSlide", () => {
  it("opens the asked slide when it exists", () => {
    expect(startSlide("2", 5)).toBe(2);
    expect(startSlide("0", 5)).toBe(0);
  });

  it("keeps a slide past the end on the last one", () => {
    expect(startSlide("9", 5)).toBe(4);
  });

  it("opens the first slide for a missing or malformed parameter", () => {
    for (const param of [undefined, "", "-1", "1.5", "two", ["1", "2"]]) {
      expect(startSlide(param, 5)).toBe(0);
    }
  });

  it("opens slide 0 of an empty deck", () => {
    expect(startSlide("3", 0)).toBe(0);
  });
});
