// Small builders for service and API tests: real rows through the real services.
import type { Db } from "~/server/db/client";
import type { MembershipView } from "~/server/services/access";
import { signUp } from "~/server/services/accounts";
import { createWorkspace } from "~/server/services/workspaces";

let counter = 0;

export async function makeUser(db: Db, name = "Test User") {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}.${counter}@example.test`;
  const password = `password-${counter}-long-enough`;
  const user = await signUp(db, { name, email, password });
  if (!user) throw new Error(`makeUser: ${email} already has an account`);
  return { ...user, password };
}

export async function makeWorkspaceWithOwner(db: Db, name = "Acme Research") {
  const owner = await makeUser(db, "Owner");
  const workspace = await createWorkspace(db, owner.id, { name });
  const actor: MembershipView = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" };
  return { owner, workspace, actor };
}

export async function addMember(
  db: Db,
  workspaceId: string,
  role: "OWNER" | "RESEARCHER" | "STRATEGIST",
  name = role.toLowerCase(),
) {
  const user = await makeUser(db, name);
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  const actor: MembershipView = { workspaceId, userId: user.id, role };
  return { user, actor };
}
