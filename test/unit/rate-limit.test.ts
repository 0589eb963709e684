// The failure limiter's window arithmetic, with an injected clock (counts in a map; the SQL
// counters are tested in test/services/limit-counters.test.ts).
import { describe, expect, it } from "vitest";
import { describeWait, FailureLimiter, slowdownDelay } from "~/server/features/accounts/rate-limit";
import { memoryLimitCounters } from "../helpers/memory-limit-counters";

describe("FailureLimiter", () => {
  it("allows up to the limit, then blocks until the oldest failure leaves the window", async () => {
    let now = 0;
    const counters = memoryLimitCounters();
    const limiter = new FailureLimiter("t", { limit: 3, windowMs: 1000 }, () => now);
    for (const t of [0, 100, 200]) {
      now = t;
      expect(await limiter.retryAfter(counters, "a")).toBe(0);
      await limiter.recordFailure(counters, "a");
    }
    now = 300;
    expect(await limiter.retryAfter(counters, "a")).toBe(700);
    expect(await limiter.retryAfter(counters, "b")).toBe(0);
    now = 1001;
    expect(await limiter.retryAfter(counters, "a")).toBe(0);
  });

  it("reset clears a key", async () => {
    const counters = memoryLimitCounters();
    const limiter = new FailureLimiter("t", { limit: 1, windowMs: 1000 }, () => 5);
    await limiter.recordFailure(counters, "k");
    expect(await limiter.retryAfter(counters, "k")).toBeGreaterThan(0);
    await limiter.reset(counters, "k");
    expect(await limiter.retryAfter(counters, "k")).toBe(0);
  });

  it("describes waits in whole minutes", () => {
    expect(describeWait(30_000)).toBe("a minute");
    expect(describeWait(14 * 60_000 + 1)).toBe("15 minutes");
  });
});

describe("slowdownDelay", () => {
  it("is free for the first failures, then doubles up to its cap", () => {
    const rule = { free: 3, baseMs: 250, maxMs: 8_000 };
    expect([0, 2, 3, 4, 5, 8, 50].map((n) => slowdownDelay(n, rule))).toEqual([
      0, 0, 250, 500, 1000, 8000, 8000,
    ]);
  });
});
