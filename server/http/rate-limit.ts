// Request rate limiting for route handlers: a sliding window per key (e.g. IP and survey). The
// counts live in the database (services/limit-counters.ts), so every app instance on it enforces
// one shared limit; the limiter itself only holds its rule and clock.
import type { LimitCounters } from "~/server/services/limit-counters";
import {
  type LimitRule,
  type SlotCount,
  type WindowSpec,
  waitUntilBelow,
  windowAt,
} from "~/server/domain/limit-window";
import { clientAddress } from "./client-address";
import { HttpError } from "./errors";

export interface RequestLimitRule extends LimitRule {
  /** Keeps this limiter's keys apart from other limiters' in the shared table. */
  scope?: string;
}

export class RequestLimiter {
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

  /** Throws a 429 HttpError (with Retry-After in seconds) when the key is over its limit. */
  async enforce(counters: LimitCounters, key: string): Promise<void> {
    const wait = await this.hit(counters, key);
    if (wait > 0) throw tooManyRequests(wait);
  }
}

/** The 429 for a request that must wait `waitMs` milliseconds. */
export function tooManyRequests(waitMs: number): HttpError {
  const seconds = Math.ceil(waitMs / 1000);
  return new HttpError(
    429,
    "RATE_LIMITED",
    `Too many requests. Please wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
    { "retry-after": String(seconds) },
  );
}

/** The caller's address for per-client limits; see client-address.ts for whom we believe. */
export function clientIp(headers: Headers): string {
  return clientAddress(headers);
}
