// Sliding-window limiter for failed sign-ins, per account and per IP. In memory: the embedded
// database means one server process; a multi-process deployment would move this to a table.

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const now = this.clock();
    const recent = this.recent(key, now);
    if (recent.length < this.rule.limit) return 0;
    const oldest = recent[recent.length - this.rule.limit] ?? now;
    return Math.max(0, oldest + this.rule.windowMs - now);
  }

  recordFailure(key: string): void {
    const now = this.clock();
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}

const fifteenMinutes = 15 * 60_000;

/** The limits the app uses: 5 failures per account, 20 per IP, in any 15 minutes. */
export function createSignInLimiters(clock?: () => number) {
  return {
    perAccount: new FailureLimiter({ limit: 5, windowMs: fifteenMinutes }, clock),
    perIp: new FailureLimiter({ limit: 20, windowMs: fifteenMinutes }, clock),
  };
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
