// A sliding-window limiter over the shared limit counters: one rule (how many per window), one
// clock, and the key space it counts in. The counts live in the database (limit-counters.ts), so
// every app instance on it enforces one shared limit. What a refusal looks like is the caller's
// business: a 429 on the REST edges (server/http/rate-limit.ts), a RATE_LIMITED error elsewhere.
import type { LimitCounters } from "./limit-counters";
import {
  type LimitRule,
  type SlotCount,
  type WindowSpec,
  waitUntilBelow,
  windowAt,
} from "~/server/domain/limit-window";

export interface RequestLimitRule extends LimitRule {
  /** Keeps this limiter's keys apart from other limiters' in the shared table. */
  scope?: string;
}

export class WindowLimiter {
  constructor(
    readonly rule: RequestLimitRule,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Counts one request; returns 0 when it may proceed, else milliseconds until it may. */
  async hit(counters: LimitCounters, key: string): Promise<number> {
    const hit = this.pendingHit(key);
    const { counted, counts } = await counters.take(
      hit.folded.key,
      hit.folded.window,
      hit.folded.limit,
    );
    return counted ? 0 : hit.waitMs(counts);
  }

  /**
   * One request's hit as data, for a caller that counts it inside a statement of its own (the
   * public submit folds it into its write), and the wait to report when the window was full.
   */
  pendingHit(key: string): {
    folded: { key: string; window: WindowSpec; limit: number };
    waitMs(counts: SlotCount[]): number;
  } {
    const now = this.clock();
    return {
      folded: {
        key: `${this.rule.scope ?? "request"}:${key}`,
        window: windowAt(this.rule, now),
        limit: this.rule.limit,
      },
      waitMs: (counts) => Math.max(1, waitUntilBelow(counts, this.rule, now)),
    };
  }
}
