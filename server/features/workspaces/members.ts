// Use cases for workspace members: list, change role, remove. Owners only for changes; a
// workspace always keeps at least one owner.
import type { Db } from "~/server/db/client";
import type { Role } from "~/server/db/generated/enums";
import { fail } from "~/server/domain/errors";
import { requireRole, type MembershipView } from "./access";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(db: Db, actor: MembershipView): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    include: { user: { select: { name: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}

// Serializable: two owners demoting or removing each other at the same moment must not leave
// the workspace without an owner; one of the two transactions fails and is retried by the user.
const lastOwnerSafe = { isolationLevel: "Serializable" } as const;

async function ownerCount(db: Pick<Db, "membership">, workspaceId: string): Promise<number> {
  return db.membership.count({ where: { workspaceId, role: "OWNER" } });
}

export async function changeRole(
  db: Db,
  actor: MembershipView,
  userId: string,
  role: Role,
): Promise<MemberView> {
  requireRole(actor, ["OWNER"]);
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } },
    });
    if (!target) return fail("NOT_FOUND", "That person is not a member of this workspace.");
    if (target.role === "OWNER" && role !== "OWNER") {
      if ((await ownerCount(tx, actor.workspaceId)) <= 1) {
        fail(
          "LAST_OWNER",
          "A workspace needs at least one owner. Make someone else an owner first.",
        );
      }
    }
    const updated = await tx.membership.update({
      where: { id: target.id },
      data: { role },
      include: { user: { select: { name: true, email: true } } },
    });
    return {
      userId: updated.userId,
      name: updated.user.name,
      email: updated.user.email,
      role: updated.role,
      joinedAt: updated.createdAt,
    };
  }, lastOwnerSafe);
}

export async function removeMember(db: Db, actor: MembershipView, userId: string): Promise<void> {
  requireRole(actor, ["OWNER"]);
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } },
    });
    if (!target) return fail("NOT_FOUND", "That person is not a member of this workspace.");
    if (target.role === "OWNER" && (await ownerCount(tx, actor.workspaceId)) <= 1) {
      fail(
        "LAST_OWNER",
        userId === actor.userId
          ? "You are the last owner: make someone else an owner before you leave."
          : "A workspace needs at least one owner.",
      );
    }
    await tx.membership.delete({ where: { id: target.id } });
    // End the removed person's sessions, so an open tab stops working at once.
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  }, lastOwnerSafe);
}
