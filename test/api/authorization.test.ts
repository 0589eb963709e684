// Every workspace procedure, found by walking the router, refuses a signed-out caller and a
// member of another workspace; role-restricted ones also refuse members without the role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "~/server/api/root";
import type { Context, ProcedureMeta } from "~/server/api/trpc";
import type { Db } from "~/server/db/client";
import { roles } from "~/server/domain/workspace";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";
import { codeOf } from "../helpers/trpc-code";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

interface ProcedureDef {
  _def: { meta?: ProcedureMeta; type: "query" | "mutation" | "subscription" };
}

const workspaceProcedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
)
  .filter(([, procedure]) => procedure._def.meta?.workspaceRoles)
  .map(([path, procedure]) => ({ path, allowed: procedure._def.meta?.workspaceRoles ?? [] }));

async function call(ctx: Context, path: string, input: unknown): Promise<unknown> {
  let target: unknown = createCaller(ctx);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe("workspace procedures", () => {
  it("are found by the walk (the test would pass vacuously otherwise)", () => {
    expect(workspaceProcedures.length).toBeGreaterThanOrEqual(8);
    expect(workspaceProcedures.map((p) => p.path)).toContain("member.remove");
  });

  it.each(workspaceProcedures)(
    "$path refuses signed-out callers and strangers",
    async ({ path }) => {
      const { workspace } = await makeWorkspaceWithOwner(db);
      const other = await makeWorkspaceWithOwner(db, "Other");
      const input = { workspaceId: workspace.id };

      expect(await codeOf(call({ db, user: null }, path, input))).toBe("UNAUTHORIZED");
      const stranger = { id: other.owner.id, email: other.owner.email, name: other.owner.name };
      expect(await codeOf(call({ db, user: stranger }, path, input))).toBe("FORBIDDEN");
    },
  );

  it.each(workspaceProcedures.filter((p) => p.allowed.length < roles.length))(
    "$path refuses members without an allowed role",
    async ({ path, allowed }) => {
      const { workspace } = await makeWorkspaceWithOwner(db);
      for (const role of roles.filter((r) => !allowed.includes(r))) {
        const { user } = await addMember(db, workspace.id, role);
        const code = await codeOf(
          call({ db, user: { id: user.id, email: user.email, name: user.name } }, path, {
            workspaceId: workspace.id,
          }),
        );
        expect(code, `${role} calling ${path}`).toBe("FORBIDDEN");
      }
    },
  );
});
