// Use cases for accounts: sign up and credential checks. Sign-in limits live in rate-limit.ts and sign-in.ts beside it.
import type { Db } from "~/server/db/client";
import { ZSignInInput, ZSignUpInput, type TSignUpInput } from "~/server/domain/account";
import { fail } from "~/server/domain/errors";
import { decoyHash, hashPassword, verifyPassword } from "~/server/features/accounts/passwords";

export interface AccountView {
  id: string;
  email: string;
  name: string;
}

/**
 * Creates the account, or returns null when the email already has one (and changes nothing).
 * Callers must answer both cases alike: sign-in does not reveal which emails have accounts, so
 * sign-up must not either. The password is hashed in both cases so the time taken matches.
 */
export async function signUp(db: Db, raw: TSignUpInput): Promise<AccountView | null> {
  const input = ZSignUpInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (existing) return null;
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides; the loser is told nothing.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

export interface SignedInAccount extends AccountView {
  /** Goes into the session, which counts only while it matches (server/features/accounts/session-user.ts). */
  sessionVersion: number;
}

/** Returns the account when email and password match, otherwise null (never says which failed). */
export async function verifyCredentials(
  db: Db,
  raw: { email?: unknown; password?: unknown },
): Promise<SignedInAccount | null> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? decoyHash);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** Ends every session of this user (sign-out; later also a password change). */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function getAccount(db: Db, userId: string): Promise<AccountView> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true },
  });
  return user ?? fail("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
}
