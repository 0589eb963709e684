// The evidence rules in one place: the minimum n is the journey's own default, the sample-size
// advice matches floor(N / minGroupN), and runs stored before trait families still parse, their
// family derived from whether the question was a segment input.
import { describe, expect, it } from "vitest";
import {
  maxPersonasWithClaims,
  MIN_GROUP_N,
  sampleSizeAdvice,
  traitFamily,
} from "~/server/analysis/evidence-rules";
import { resolveFillOptions } from "~/server/analysis/journey/input";
import { ZTrait } from "~/server/analysis/result";

describe("evidence rules", () => {
  it("uses the journey's minimum cell size as the minimum n per group", () => {
    expect(MIN_GROUP_N).toBe(resolveFillOptions().minN);
    expect(MIN_GROUP_N).toBe(30);
  });

  it("says how many personas a sample can support", () => {
    expect(maxPersonasWithClaims(394)).toBe(13);
    expect(maxPersonasWithClaims(89)).toBe(2);
    expect(maxPersonasWithClaims(100, 50)).toBe(2);
    expect(sampleSizeAdvice(394, 4)).toBeNull();
    expect(sampleSizeAdvice(100, 4)).toBe(
      "With 100 respondents, at most 3 personas can each reach 30 members, the minimum for a persona's differences to count as evidence; 4 personas will include some whose traits show as insufficient evidence.",
    );
    expect(sampleSizeAdvice(45, "auto")).toMatch(/^With 45 respondents, at most 1 persona can/);
    expect(sampleSizeAdvice(60, "auto")).toBeNull();
  });

  it("reads traits stored before families and the minimum n existed", () => {
    const stored = {
      id: "p0:wifi",
      persona: 0,
      questionId: "wifi",
      questionLabel: "Wifi",
      label: "Wifi",
      role: "SEGMENT",
      kind: "ordinal",
      measure: "mean",
      segmentInput: true,
      personaValue: 4.1,
      restValue: 3.2,
      personaInterval: { lower: 3.9, upper: 4.3 },
      restInterval: { lower: 3.1, upper: 3.3 },
      personaN: 120,
      restN: 300,
      effect: { name: "cliffs-delta", value: 0.4, magnitude: "medium" },
      strength: 0.74,
      test: "mann-whitney",
      p: 0.0001,
      q: 0.0003,
      direction: "higher",
      distinguishing: true,
    };
    const trait = ZTrait.parse(stored);
    expect(trait.family).toBeUndefined();
    expect(trait.insufficient).toBeUndefined();
    expect(traitFamily(trait)).toBe("segment");
    expect(traitFamily({ ...trait, segmentInput: false })).toBe("descriptive");
  });
});
