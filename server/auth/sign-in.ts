// One sign-in attempt: rate limits first, then the credential check; failures are counted per
// account and per IP, a success clears the account's count.
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import { verifyCredentials, type AccountView } from "~/server/services/accounts";
import { type createSignInLimiters, describeWait } from "./rate-limit";

export type SignInLimiters = ReturnType<typeof createSignInLimiters>;

export async function attemptSignIn(
  db: Db,
  limiters: SignInLimiters,
  attempt: { email?: unknown; password?: unknown; ip: string },
): Promise<AccountView | null> {
  const accountKey = typeof attempt.email === "string" ? attempt.email.trim().toLowerCase() : "";
  const wait = Math.max(
    limiters.perAccount.retryAfter(accountKey),
    limiters.perIp.retryAfter(attempt.ip),
  );
  if (wait > 0) {
    throw new DomainError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${describeWait(wait)}.`,
    );
  }
  const account = await verifyCredentials(db, attempt);
  if (!account) {
    limiters.perAccount.recordFailure(accountKey);
    limiters.perIp.recordFailure(attempt.ip);
    return null;
  }
  limiters.perAccount.reset(accountKey);
  return account;
}
