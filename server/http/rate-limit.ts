// Request rate limiting for route handlers: a sliding window per key (e.g. IP and survey), counted
// in the database by the shared window limiter (server/infra/limits/window-limiter.ts), refused
// here with a 429 and Retry-After.
import type { LimitCounters } from "~/server/infra/limits/limit-counters";
import { WindowLimiter, type RequestLimitRule } from "~/server/infra/limits/window-limiter";
import { clientAddress } from "~/server/infra/client-address";
import { HttpError } from "./errors";

export type { RequestLimitRule };

/** The window limiter of the REST edges: a refusal is a 429 with Retry-After. */
export class RequestLimiter extends WindowLimiter {
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
