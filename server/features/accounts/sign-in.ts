// One sign-in attempt: the client's limits first, then the account's growing delay, then the
// credential check. Failures count per (account, client), per client and per account; a success
// clears that client's count for the account. See rate-limit.ts for why no account is locked.
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import { verifyCredentials, type SignedInAccount } from "~/server/features/accounts/accounts";
import { limitCounters } from "~/server/infra/limits/limit-counters";
import { type createSignInLimiters, describeWait, slowdownDelay } from "./rate-limit";

export type SignInLimiters = ReturnType<typeof createSignInLimiters>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function attemptSignIn(
  db: Db,
  limiters: SignInLimiters,
  attempt: { email?: unknown; password?: unknown; ip: string },
  pause: (ms: number) => Promise<void> = sleep,
): Promise<SignedInAccount | null> {
  const accountKey = typeof attempt.email === "string" ? attempt.email.trim().toLowerCase() : "";
  const pairKey = `${attempt.ip} ${accountKey}`;
  const counters = limitCounters(db);
  const wait = Math.max(
    await limiters.perClientAccount.retryAfter(counters, pairKey),
    await limiters.perClient.retryAfter(counters, attempt.ip),
  );
  if (wait > 0) {
    throw new DomainError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${describeWait(wait)}.`,
    );
  }
  const accountFailures = await limiters.perAccount.count(counters, accountKey);
  await pause(slowdownDelay(accountFailures, limiters.accountSlowdown));
  const account = await verifyCredentials(db, attempt);
  if (!account) {
    await limiters.perClientAccount.recordFailure(counters, pairKey);
    await limiters.perClient.recordFailure(counters, attempt.ip);
    await limiters.perAccount.recordFailure(counters, accountKey);
    return null;
  }
  await limiters.perClientAccount.reset(counters, pairKey);
  return account;
}
