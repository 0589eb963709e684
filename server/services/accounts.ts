// Use cases for accounts: sign up and credential checks. Rate limiting lives in server/auth.
import type { Db } from "~/server/db/client";
import { ZSignInInput, ZSignUpInput, type TSignUpInput } from "~/server/domain/account";
import { fail } from "~/server/domain/errors";
import { decoyHash, hashPassword, verifyPassword } from "~/server/auth/passwords";

export interface AccountView {
  id: string;
  email: string;
  name: string;
}

export async function signUp(db: Db, raw: TSignUpInput): Promise<AccountView> {
  const input = ZSignUpInput.parse(raw);
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) {
    fail("CONFLICT", "An account with this email already exists. Sign in instead.", {
      email: ["An account with this email already exists."],
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
    return user;
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser hears why.
    if ((error as { code?: string }).code === "P2002") {
      fail("CONFLICT", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}

/** Returns the account when email and password match, otherwise null (never says which failed). */
export async function verifyCredentials(
  db: Db,
  raw: { email?: unknown; password?: unknown },
): Promise<AccountView | null> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? decoyHash);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function getAccount(db: Db, userId: string): Promise<AccountView> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true },
  });
  return user ?? fail("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
}
