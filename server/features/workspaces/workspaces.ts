// Use cases for workspaces: create, list the caller's, read one, rename.
import type { Db } from "~/server/db/client";
import type { Role } from "~/server/db/generated/enums";
import { ZCreateWorkspaceInput, type TCreateWorkspaceInput } from "~/server/domain/workspace";
import { requireMembership, requireRole, type MembershipView } from "./access";

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
  memberCount: number;
}

export async function createWorkspace(
  db: Db,
  userId: string,
  raw: TCreateWorkspaceInput,
): Promise<WorkspaceSummary> {
  const input = ZCreateWorkspaceInput.parse(raw);
  // Nested create: the workspace and its first owner are written in one statement batch.
  const workspace = await db.workspace.create({
    data: { name: input.name, memberships: { create: { userId, role: "OWNER" } } },
  });
  return { id: workspace.id, name: workspace.name, role: "OWNER", memberCount: 1 };
}

export async function listWorkspaces(db: Db, userId: string): Promise<WorkspaceSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { workspace: { include: { _count: { select: { memberships: true } } } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({
    id: m.workspace.id,
    name: m.workspace.name,
    role: m.role,
    memberCount: m.workspace._count.memberships,
  }));
}

export async function getWorkspace(
  db: Db,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceSummary> {
  const membership = await requireMembership(db, userId, workspaceId, [
    "OWNER",
    "RESEARCHER",
    "STRATEGIST",
  ]);
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    include: { _count: { select: { memberships: true } } },
  });
  return {
    id: workspace.id,
    name: workspace.name,
    role: membership.role,
    memberCount: workspace._count.memberships,
  };
}

export async function renameWorkspace(
  db: Db,
  actor: MembershipView,
  name: string,
): Promise<{ id: string; name: string }> {
  requireRole(actor, ["OWNER"]);
  const input = ZCreateWorkspaceInput.parse({ name });
  return db.workspace.update({
    where: { id: actor.workspaceId },
    data: { name: input.name },
    select: { id: true, name: true },
  });
}
