// Sliding-window limits for failed sign-ins. The counts live in the database
// (server/infra/limits/limit-counters.ts), so every app instance on it sees the same failures.
//
// Nothing here refuses an account as a whole, because then anyone who knows an e-mail address
// could lock its owner out. Refusals are per client (per account from that client, and across
// accounts from that client); failures against an account from everywhere only add a growing
// delay before the next check, which slows credential stuffing from many addresses while the
// owner, with the right password, still gets in after a few seconds at most.
import { type LimitRule, total, waitUntilBelow, windowAt } from "~/server/domain/limit-window";
import type { LimitCounters } from "~/server/infra/limits/limit-counters";

export type RateLimitRule = LimitRule;

export class FailureLimiter {
  constructor(
    private readonly scope: string,
    private readonly rule: RateLimitRule,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  async retryAfter(counters: LimitCounters, key: string): Promise<number> {
    const now = this.clock();
    const counts = await counters.read(this.key(key), windowAt(this.rule, now));
    return waitUntilBelow(counts, this.rule, now);
  }

  async recordFailure(counters: LimitCounters, key: string): Promise<void> {
    await counters.add(this.key(key), windowAt(this.rule, this.clock()));
  }

  /** Failures of this key inside the window. */
  async count(counters: LimitCounters, key: string): Promise<number> {
    return total(await counters.read(this.key(key), windowAt(this.rule, this.clock())));
  }

  async reset(counters: LimitCounters, key: string): Promise<void> {
    await counters.clear(this.key(key));
  }

  private key(key: string): string {
    return `${this.scope}:${key}`;
  }
}

const fifteenMinutes = 15 * 60_000;

/** Delay before checking a password, doubling with each failure past the free ones, capped. */
export interface SlowdownRule {
  free: number;
  baseMs: number;
  maxMs: number;
}

export function slowdownDelay(failures: number, rule: SlowdownRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** (failures - rule.free));
}

/**
 * The limits the app uses, in any 15 minutes: 5 failures for one account from one client, 20
 * from one client across accounts; past 3 failures on an account from anywhere, each attempt
 * waits 0.25 s, 0.5 s, 1 s, ... up to 8 s.
 */
export function createSignInLimiters(clock?: () => number) {
  return {
    perClientAccount: new FailureLimiter(
      "sign-in-client-account",
      { limit: 5, windowMs: fifteenMinutes },
      clock,
    ),
    perClient: new FailureLimiter("sign-in-client", { limit: 20, windowMs: fifteenMinutes }, clock),
    perAccount: new FailureLimiter(
      "sign-in-account",
      { limit: Number.MAX_SAFE_INTEGER, windowMs: fifteenMinutes },
      clock,
    ),
    accountSlowdown: { free: 3, baseMs: 250, maxMs: 8_000 } satisfies SlowdownRule,
  };
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
