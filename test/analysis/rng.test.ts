// The seeded RNG: reproducible, independent streams, and uniform/normal enough for resampling.
import { mean, sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "~/server/analysis/rng";

describe("createRng", () => {
  it("reproduces the same stream for the same seed and differs for another", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(sa);
  });

  it("draws floats in [0, 1) with mean ~1/2 and variance ~1/12", () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 20000 }, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // SE of the mean is √(1/12/20000) ≈ 0.002.
    expect(mean(xs)).toBeCloseTo(0.5, 1);
    expect(Math.abs(sampleStandardDeviation(xs) ** 2 - 1 / 12)).toBeLessThan(0.003);
  });

  it("draws every integer below n about equally often", () => {
    const rng = createRng(2);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[rng.int(7)]! += 1;
    // Expected 10000 each, SD ≈ 93.
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(500);
    expect(() => rng.int(0)).toThrow(RangeError);
  });

  it("draws standard normals", () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    expect(Math.abs(mean(xs))).toBeLessThan(0.03);
    expect(Math.abs(sampleStandardDeviation(xs) - 1)).toBeLessThan(0.03);
    const shifted = createRng(3);
    expect(shifted.normal(10, 2)).toBeCloseTo(10 + 2 * (xs[0] as number), 12);
  });

  it("shuffles into a permutation and samples distinct items", () => {
    const rng = createRng(4);
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    const picked = rng.sample(items, 30);
    expect(new Set(picked).size).toBe(30);
    expect(() => rng.sample(items, 101)).toThrow(RangeError);
  });

  it("rejects non-integer seeds", () => {
    expect(() => createRng(0.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});

describe("deriveSeed", () => {
  it("is deterministic and gives distinct 32-bit seeds per stream", () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => deriveSeed(7, i));
    expect(seeds).toEqual(Array.from({ length: 1000 }, (_, i) => deriveSeed(7, i)));
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(deriveSeed(8, 0)).not.toBe(deriveSeed(7, 0));
  });
});
