// Unauthenticated CPU use is bounded: password hashing runs a few at a time with a short queue,
// and sign-up is limited per client and overall.
import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "~/server/features/accounts/concurrency-gate";
import { createSignUpLimits } from "~/server/features/accounts/sign-up-limits";
import { DomainError } from "~/server/domain/errors";
import { memoryLimitCounters } from "../helpers/memory-limit-counters";

describe("ConcurrencyGate", () => {
  it("runs at most `slots` tasks at once and refuses beyond the queue", async () => {
    const gate = new ConcurrencyGate(2, 3);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
      });
    const accepted = Array.from({ length: 5 }, task);
    await expect(task()).rejects.toMatchObject({ code: "RATE_LIMITED" });
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(accepted);
    expect(peak).toBe(2);
  });
});

describe("sign-up limits", () => {
  it("limits each client, then everyone together, and frees up with time", async () => {
    let now = 0;
    const counters = memoryLimitCounters();
    const limits = createSignUpLimits(
      { perClient: { limit: 2, windowMs: 1000 }, overall: { limit: 3, windowMs: 1000 } },
      () => now,
    );
    await limits.check(counters, "a");
    await limits.check(counters, "a");
    await expect(limits.check(counters, "a")).rejects.toThrow(DomainError);
    await limits.check(counters, "b");
    // Three sign-ups in the window: a fourth client is refused too.
    await expect(limits.check(counters, "c")).rejects.toThrow(/Too many new accounts/);
    now = 1001;
    await expect(limits.check(counters, "a")).resolves.toBeUndefined();
  });
});
