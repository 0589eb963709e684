// Sliding-window limits for failed sign-ins. In memory: the embedded database means one server
// process; a multi-process deployment would move this to a table.
//
// Nothing here refuses an account as a whole, because then anyone who knows an e-mail address
// could lock its owner out. Refusals are per client (per account from that client, and across
// accounts from that client); failures against an account from everywhere only add a growing
// delay before the next check, which slows credential stuffing from many addresses while the
// owner, with the right password, still gets in after a few seconds at most.

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

  /** Failures of this key inside the window. */
  count(key: string): number {
    return this.recent(key, this.clock()).length;
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
    perClientAccount: new FailureLimiter({ limit: 5, windowMs: fifteenMinutes }, clock),
    perClient: new FailureLimiter({ limit: 20, windowMs: fifteenMinutes }, clock),
    perAccount: new FailureLimiter(
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
