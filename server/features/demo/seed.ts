// The demo workspace: one user per role and a car-buying journey with a published journey survey
// and a few hundred generated responses (car-buyers.ts), created on the first start only. A
// marker row in SystemSetting records that the seed ran, so deleting demo users or data later
// does not resurrect them. Everything is written in one transaction: a failed seed leaves nothing
// behind and runs again on the next start.
import { hashPassword } from "~/server/features/accounts/passwords";
import type { Db } from "~/server/db/client";
import { seedCarBuyingSurvey } from "./car-buying-survey";

export const demoPassword = "persona-atlas-demo";

export const demoUsers = [
  { email: "owner@demo.personaatlas.test", name: "Olivia Owner", role: "OWNER" },
  { email: "researcher@demo.personaatlas.test", name: "Rafael Researcher", role: "RESEARCHER" },
  { email: "strategist@demo.personaatlas.test", name: "Sofia Strategist", role: "STRATEGIST" },
] as const;

export const demoWorkspaceName = "Demo: Northwind Cars";
const seedMarker = "demo-seed";

export interface SeedOptions {
  /** The generated responses fall in the weeks before this date (default: now). */
  now?: Date;
}

export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<{ created: boolean }> {
  const marker = await db.systemSetting.findUnique({ where: { key: seedMarker } });
  if (marker) return { created: false };
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(demoPassword);
  await db.$transaction(
    async (tx) => {
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
      await seedCarBuyingSurvey(tx, workspace.id, { now });
      await tx.systemSetting.create({ data: { key: seedMarker, value: now.toISOString() } });
    },
    // A few thousand rows: well under a second on PGlite, but leave room for a slow machine.
    { maxWait: 10_000, timeout: 60_000 },
  );
  return { created: true };
}
