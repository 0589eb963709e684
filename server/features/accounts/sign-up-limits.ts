// How many accounts may be created: per client address (client-address.ts) and across everyone,
// counted before any password is hashed, so that unauthenticated sign-ups cannot be used to
// keep the server's CPU busy or to fill the user table. Counted in the database, so the limits
// hold across app instances.
import { DomainError } from "~/server/domain/errors";
import { WindowLimiter, type RequestLimitRule } from "~/server/infra/limits/window-limiter";
import type { LimitCounters } from "~/server/infra/limits/limit-counters";

export interface SignUpRules {
  perClient: RequestLimitRule;
  overall: RequestLimitRule;
}

const hour = 60 * 60_000;

/** 10 sign-ups an hour from one address, 100 an hour in all. */
export const defaultSignUpRules: SignUpRules = {
  perClient: { limit: 10, windowMs: hour },
  overall: { limit: 100, windowMs: hour },
};

export function createSignUpLimits(rules: SignUpRules = defaultSignUpRules, clock?: () => number) {
  const perClient = new WindowLimiter({ ...rules.perClient, scope: "sign-up-client" }, clock);
  const overall = new WindowLimiter({ ...rules.overall, scope: "sign-up-all" }, clock);
  return {
    /** Counts one sign-up attempt; throws RATE_LIMITED when over a limit. */
    async check(counters: LimitCounters, client: string): Promise<void> {
      const wait = (await perClient.hit(counters, client)) || (await overall.hit(counters, "all"));
      if (wait > 0) {
        const minutes = Math.max(1, Math.ceil(wait / 60_000));
        throw new DomainError(
          "RATE_LIMITED",
          `Too many new accounts were created just now. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        );
      }
    },
  };
}
