// Use cases for invitations: an owner creates a copyable link carrying a random token (only its
// SHA-256 is stored); the invited person previews it and accepts it after signing in or up.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import type { Role } from "~/server/db/generated/enums";
import { fail } from "~/server/domain/errors";
import { ZCreateInvitationInput, type TCreateInvitationInput } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "./access";

const invitationLifetimeDays = 14;

export const hashToken = (token: string): string =>
  createHash("sha256").update(token).digest("hex");

export interface InvitationView {
  id: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string;
}

export interface CreatedInvitation extends InvitationView {
  /** Shown once: the link cannot be recovered from the database later. */
  token: string;
}

export async function createInvitation(
  db: Db,
  actor: MembershipView,
  raw: TCreateInvitationInput,
  now = new Date(),
): Promise<CreatedInvitation> {
  requireRole(actor, ["OWNER"]);
  const input = ZCreateInvitationInput.parse(raw);
  const token = randomBytes(24).toString("base64url");
  const row = await db.invitation.create({
    data: {
      workspaceId: actor.workspaceId,
      role: input.role,
      tokenHash: hashToken(token),
      invitedById: actor.userId,
      expiresAt: new Date(now.getTime() + invitationLifetimeDays * 86_400_000),
    },
    include: { invitedBy: { select: { name: true } } },
  });
  return {
    id: row.id,
    role: row.role,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    invitedBy: row.invitedBy.name,
    token,
  };
}

export async function listPendingInvitations(
  db: Db,
  actor: MembershipView,
  now = new Date(),
): Promise<InvitationView[]> {
  requireRole(actor, ["OWNER"]);
  const rows = await db.invitation.findMany({
    where: {
      workspaceId: actor.workspaceId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    invitedBy: r.invitedBy.name,
  }));
}

export async function revokeInvitation(
  db: Db,
  actor: MembershipView,
  invitationId: string,
  now = new Date(),
): Promise<void> {
  requireRole(actor, ["OWNER"]);
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) fail("NOT_FOUND", "That invitation is already used, revoked or gone.");
}

export interface InvitationPreview {
  workspaceName: string;
  role: Role;
  invitedBy: string;
  expiresAt: Date;
}

async function findUsable(db: Pick<Db, "invitation">, token: string, now: Date) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!row) return fail("INVITATION_UNUSABLE", "This invitation link is not valid.");
  if (row.revokedAt) return fail("INVITATION_UNUSABLE", "This invitation has been revoked.");
  if (row.acceptedAt) return fail("INVITATION_UNUSABLE", "This invitation has already been used.");
  if (row.expiresAt <= now) {
    return fail("INVITATION_UNUSABLE", "This invitation has expired. Ask for a new link.");
  }
  return row;
}

/** Public: what the link offers, so the invited person knows what they are joining. */
export async function previewInvitation(
  db: Db,
  token: string,
  now = new Date(),
): Promise<InvitationPreview> {
  const row = await findUsable(db, token, now);
  return {
    workspaceName: row.workspace.name,
    role: row.role,
    invitedBy: row.invitedBy.name,
    expiresAt: row.expiresAt,
  };
}

export async function acceptInvitation(
  db: Db,
  userId: string,
  token: string,
  now = new Date(),
): Promise<{ workspaceId: string; role: Role }> {
  return db.$transaction(async (tx) => {
    const row = await findUsable(tx, token, now);
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: row.workspaceId, userId } },
    });
    if (existing) {
      fail("CONFLICT", "You are already a member of this workspace.");
    }
    // Claim the invitation first; the guard on acceptedAt makes a double accept lose cleanly.
    const claimed = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (claimed.count !== 1) fail("INVITATION_UNUSABLE", "This invitation has already been used.");
    await tx.membership.create({ data: { workspaceId: row.workspaceId, userId, role: row.role } });
    return { workspaceId: row.workspaceId, role: row.role };
  });
}
