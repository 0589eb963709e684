// Request rate limiting for route handlers: a sliding window per key (e.g. IP and survey).
// In memory, like the sign-in limiter: the embedded database means one server process; a
// multi-process deployment would move this to a shared store. Keys are swept when the map
// grows, so many one-off clients cannot grow it without bound.
import { clientAddress } from "./client-address";
import { HttpError } from "./errors";

export interface RequestLimitRule {
  limit: number;
  windowMs: number;
}

export class RequestLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly rule: RequestLimitRule,
    private readonly clock: () => number = () => Date.now(),
    private readonly sweepAbove = 10_000,
  ) {}

  /** Counts one request; returns 0 when it may proceed, else milliseconds until it may. */
  hit(key: string): number {
    const now = this.clock();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (recent.length >= this.rule.limit) {
      this.hits.set(key, recent);
      const oldest = recent[recent.length - this.rule.limit] ?? now;
      return Math.max(1, oldest + this.rule.windowMs - now);
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > this.sweepAbove) this.sweep(now);
    return 0;
  }

  /** Throws a 429 HttpError (with Retry-After in seconds) when the key is over its limit. */
  enforce(key: string): void {
    const wait = this.hit(key);
    if (wait === 0) return;
    const seconds = Math.ceil(wait / 1000);
    throw new HttpError(
      429,
      "RATE_LIMITED",
      `Too many requests. Please wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
      { "retry-after": String(seconds) },
    );
  }

  get size(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (!times.some((t) => t > now - this.rule.windowMs)) this.hits.delete(key);
    }
  }
}

/** The caller's address for per-client limits; see client-address.ts for whom we believe. */
export function clientIp(headers: Headers): string {
  return clientAddress(headers);
}
