// Whether a session still counts. Sessions are signed JWT cookies, which cannot be taken back
// by themselves; each carries the user's sessionVersion from when it was issued, and a session
// counts only while that still matches the User row. Sign-out and member removal bump it
// (services/accounts.endAllSessions), ending every session of that user at once.
import type { Session } from "next-auth";
import type { Db } from "~/server/db/client";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** What the session callback puts into session.user. */
export interface SessionUserClaims {
  id?: string;
  email?: string | null;
  name?: string | null;
  sessionVersion?: number;
}

export async function resolveSessionUser(
  db: Db,
  session: Session | null,
): Promise<SessionUser | null> {
  const claims = session?.user as SessionUserClaims | undefined;
  // Tokens from before sessions were revocable carry no version: they are signed in again.
  if (!claims?.id || typeof claims.sessionVersion !== "number") return null;
  const row = await db.user.findUnique({
    where: { id: claims.id },
    select: { sessionVersion: true },
  });
  if (!row || row.sessionVersion !== claims.sessionVersion) return null;
  return { id: claims.id, email: claims.email ?? "", name: claims.name ?? "" };
}
