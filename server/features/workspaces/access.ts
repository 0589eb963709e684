// Authorisation for workspace-scoped use cases: one check, used by every workspace procedure.
import type { Db } from "~/server/db/client";
import type { Role } from "~/server/db/generated/enums";
import { fail } from "~/server/domain/errors";

export interface MembershipView {
  workspaceId: string;
  userId: string;
  role: Role;
}

/**
 * Resolves the caller's membership and checks the role. A workspace the caller does not belong
 * to is refused the same way whether or not it exists, so ids cannot be probed.
 */
export async function requireMembership(
  db: Db,
  userId: string,
  workspaceId: string,
  allowed: readonly Role[],
): Promise<MembershipView> {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { workspaceId: true, userId: true, role: true },
  });
  if (!membership) {
    return fail("FORBIDDEN", "You are not a member of this workspace.");
  }
  requireRole(membership, allowed);
  return membership;
}

/** Services re-check the actor's role so that no caller (router, REST, CLI) can skip it. */
export function requireRole(actor: MembershipView, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) {
    fail(
      "FORBIDDEN",
      `This needs the ${allowed.map((r) => r.toLowerCase()).join(" or ")} role; you are a ${actor.role.toLowerCase()} here.`,
    );
  }
}
