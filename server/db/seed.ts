// The demo workspace: one user per role, created on the first start only (a marker row in
// SystemSetting records that the seed ran, so deleting demo users later does not resurrect them).
import { hashPassword } from "~/server/auth/passwords";
import type { Db } from "./client";

export const demoPassword = "persona-atlas-demo";

export const demoUsers = [
  { email: "owner@demo.personaatlas.test", name: "Olivia Owner", role: "OWNER" },
  { email: "researcher@demo.personaatlas.test", name: "Rafael Researcher", role: "RESEARCHER" },
  { email: "strategist@demo.personaatlas.test", name: "Sofia Strategist", role: "STRATEGIST" },
] as const;

export const demoWorkspaceName = "Demo: Northwind Cars";
const seedMarker = "demo-seed";

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const marker = await db.systemSetting.findUnique({ where: { key: seedMarker } });
  if (marker) return { created: false };
  const passwordHash = await hashPassword(demoPassword);
  await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: { name: demoWorkspaceName } });
    for (const demo of demoUsers) {
      const user = await tx.user.upsert({
        where: { email: demo.email },
        update: {},
        create: { email: demo.email, name: demo.name, passwordHash },
      });
      await tx.membership.create({
        data: { workspaceId: workspace.id, userId: user.id, role: demo.role },
      });
    }
    await tx.systemSetting.create({
      data: { key: seedMarker, value: new Date().toISOString() },
    });
  });
  return { created: true };
}
