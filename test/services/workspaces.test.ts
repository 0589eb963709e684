// Workspaces, members and invitations on a real database: ownership rules, the last-owner
// guard, and invitation links that work once, expire and can be revoked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { requireMembership } from "~/server/features/workspaces/access";
import {
  acceptInvitation,
  createInvitation,
  hashToken,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from "~/server/features/workspaces/invitations";
import { changeRole, listMembers, removeMember } from "~/server/features/workspaces/members";
import {
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
} from "~/server/features/workspaces/workspaces";
import { addMember, makeUser, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

describe("workspaces", () => {
  it("makes the creator its owner and lists only the caller's workspaces", async () => {
    const { owner, workspace } = await makeWorkspaceWithOwner(db, "Cars Research");
    const outsider = await makeUser(db, "Outsider");
    expect(workspace).toMatchObject({ name: "Cars Research", role: "OWNER", memberCount: 1 });
    expect((await listWorkspaces(db, owner.id)).map((w) => w.id)).toContain(workspace.id);
    expect((await listWorkspaces(db, outsider.id)).map((w) => w.id)).not.toContain(workspace.id);
    await expect(getWorkspace(db, outsider.id, workspace.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets only owners rename", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db);
    const { actor: researcher } = await addMember(db, workspace.id, "RESEARCHER");
    await expect(renameWorkspace(db, researcher, "Hijacked")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await renameWorkspace(db, actor, "  Renamed  ")).toMatchObject({ name: "Renamed" });
  });

  it("checks roles in requireMembership", async () => {
    const { workspace } = await makeWorkspaceWithOwner(db);
    const { user } = await addMember(db, workspace.id, "STRATEGIST");
    await expect(
      requireMembership(db, user.id, workspace.id, ["OWNER", "RESEARCHER"]),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("strategist") });
    expect(await requireMembership(db, user.id, workspace.id, ["STRATEGIST"])).toMatchObject({
      role: "STRATEGIST",
    });
  });
});

describe("members", () => {
  it("owners change roles; non-owners cannot", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db);
    const { user, actor: researcher } = await addMember(db, workspace.id, "RESEARCHER");
    await expect(changeRole(db, researcher, user.id, "OWNER")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await changeRole(db, actor, user.id, "STRATEGIST")).toMatchObject({
      role: "STRATEGIST",
    });
  });

  it("never leaves a workspace without an owner", async () => {
    const { owner, workspace, actor } = await makeWorkspaceWithOwner(db);
    await expect(removeMember(db, actor, owner.id)).rejects.toMatchObject({
      code: "LAST_OWNER",
      message: expect.stringContaining("last owner"),
    });
    await expect(changeRole(db, actor, owner.id, "RESEARCHER")).rejects.toMatchObject({
      code: "LAST_OWNER",
    });

    const { user: second } = await addMember(db, workspace.id, "OWNER", "Second Owner");
    await removeMember(db, actor, owner.id);
    const members = await listMembers(db, { ...actor, userId: second.id });
    expect(members.map((m) => [m.userId, m.role])).toEqual([[second.id, "OWNER"]]);
  });

  it("refuses members of another workspace", async () => {
    const a = await makeWorkspaceWithOwner(db, "Alpha");
    const b = await makeWorkspaceWithOwner(db, "Beta");
    await expect(removeMember(db, a.actor, b.owner.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.membership.count({ where: { workspaceId: b.workspace.id } })).toBe(1);
  });
});

describe("invitations", () => {
  it("stores only the token's hash and lets the invited person join with the invited role", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db, "Invite Co");
    const invitation = await createInvitation(db, actor, { role: "STRATEGIST" });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashToken(invitation.token));
    expect(row.tokenHash).not.toContain(invitation.token);

    expect(await previewInvitation(db, invitation.token)).toMatchObject({
      workspaceName: "Invite Co",
      role: "STRATEGIST",
    });
    const invitee = await makeUser(db, "Invitee");
    expect(await acceptInvitation(db, invitee.id, invitation.token)).toEqual({
      workspaceId: workspace.id,
      role: "STRATEGIST",
    });
    expect(await requireMembership(db, invitee.id, workspace.id, ["STRATEGIST"])).toBeTruthy();
    expect(await listPendingInvitations(db, actor)).toEqual([]);
  });

  it("works once only", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { token } = await createInvitation(db, actor, { role: "RESEARCHER" });
    await acceptInvitation(db, (await makeUser(db)).id, token);
    const late = await makeUser(db, "Late");
    await expect(acceptInvitation(db, late.id, token)).rejects.toMatchObject({
      code: "INVITATION_UNUSABLE",
      message: expect.stringContaining("already been used"),
    });
  });

  it("expires and can be revoked; neither leaves a membership behind", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db);
    const created = new Date("2026-01-01T00:00:00Z");
    const { token: oldToken } = await createInvitation(db, actor, { role: "RESEARCHER" }, created);
    const later = new Date("2026-01-16T00:00:00Z");
    const someone = await makeUser(db);
    await expect(acceptInvitation(db, someone.id, oldToken, later)).rejects.toMatchObject({
      message: expect.stringContaining("expired"),
    });

    const fresh = await createInvitation(db, actor, { role: "RESEARCHER" });
    await revokeInvitation(db, actor, fresh.id);
    await expect(acceptInvitation(db, someone.id, fresh.token)).rejects.toMatchObject({
      message: expect.stringContaining("revoked"),
    });
    await expect(revokeInvitation(db, actor, fresh.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await db.membership.count({ where: { workspaceId: workspace.id, userId: someone.id } }),
    ).toBe(0);
  });

  it("only owners create or list invitations", async () => {
    const { workspace } = await makeWorkspaceWithOwner(db);
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST");
    await expect(createInvitation(db, strategist, { role: "OWNER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listPendingInvitations(db, strategist)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("tells an existing member that they are already in, and keeps the invitation usable", async () => {
    const { owner, actor } = await makeWorkspaceWithOwner(db);
    const { token } = await createInvitation(db, actor, { role: "RESEARCHER" });
    await expect(acceptInvitation(db, owner.id, token)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await previewInvitation(db, token)).toMatchObject({ role: "RESEARCHER" });
  });
});
