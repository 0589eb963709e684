// What callers see when something is wrong: readable field messages for bad input, mapped
// codes for domain errors, and no internals for unexpected failures. Uses tRPC's own HTTP
// handler so that status codes and the formatted error body are the real ones.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appRouter } from "~/server/api/root";
import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { ZCreateWorkspaceInput } from "~/server/domain/workspace";
import type { Db } from "~/server/db/client";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

async function post(path: string, input: unknown, user: { id: string } | null = null) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://test/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
    router: appRouter,
    createContext: () => ({
      db,
      user: user ? { id: user.id, email: "x@example.test", name: "X" } : null,
    }),
  });
  const body = (await response.json()) as {
    error?: { json: { message: string; data: Record<string, unknown> } };
  };
  return { status: response.status, error: body.error?.json };
}

describe("error responses", () => {
  it("bad input is a 400 with a message per field", async () => {
    const { status, error } = await post("account.signUp", {
      name: "",
      email: "nope",
      password: "short",
    });
    expect(status).toBe(400);
    expect(error?.data.fieldErrors).toMatchObject({
      name: ["Enter your name."],
      email: [expect.stringContaining("valid email")],
      password: [expect.stringContaining("at least 10 characters")],
    });
    expect(error?.message).toContain("Enter your name.");
    expect(JSON.stringify(error)).not.toMatch(/stack|at Object\.|node_modules/);
  });

  it("a domain error keeps its message and maps to its HTTP status", async () => {
    const { owner, workspace } = await makeWorkspaceWithOwner(db);
    const { status, error } = await post(
      "member.remove",
      { workspaceId: workspace.id, userId: owner.id },
      owner,
    );
    expect(status).toBe(412);
    expect(error?.message).toContain("last owner");
    expect(error?.data.domainCode).toBe("LAST_OWNER");
  });

  it("signed-out calls to protected procedures are 401 with a plain sentence", async () => {
    const { status, error } = await post("workspace.create", { name: "Anything" });
    expect(status).toBe(401);
    expect(error?.message).toBe("Sign in to continue.");
  });

  it("an unexpected failure says nothing about internals", async () => {
    const { owner } = await makeWorkspaceWithOwner(db);
    const broken = {
      ...db,
      workspace: {
        create: () => Promise.reject(new Error('relation "Workspace" does not exist at pg.js:42')),
      },
    } as unknown as Db;
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://test/api/trpc/workspace.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { name: "Boom Inc" } }),
      }),
      router: appRouter,
      createContext: () => ({ db: broken, user: { id: owner.id, email: owner.email, name: "O" } }),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).toContain("Something went wrong on our side");
    expect(text).not.toContain("does not exist");
    expect(text).not.toContain("pg.js");
  });
});

describe("input re-checked inside a service", () => {
  it("is a 400 with the field message, not a 500", async () => {
    // A procedure on our real base procedure whose use case re-validates with zod and fails.
    const router = createTRPCRouter({
      strict: publicProcedure.mutation(() => ZCreateWorkspaceInput.parse({ name: "x" })),
    });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://test/api/trpc/strict", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
      router,
      createContext: () => ({ db, user: null }),
    });
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(response.status).toBe(400);
    expect(body.error.json.message).toContain("at least 2 characters");
  });
});

describe("a NUL byte in any text", () => {
  const nul = "\u0000";
  it.each([
    [
      "account.signUp",
      () => ({ name: `Ada${nul}`, email: "nul@example.test", password: "long enough pw" }),
    ],
    ["workspace.create", () => ({ name: `Acme${nul}Corp` })],
    ["survey.create", (w: string) => ({ workspaceId: w, title: `Survey${nul}` })],
    [
      "journey.createFromTemplate",
      (w: string) => ({ workspaceId: w, name: `Map${nul}`, template: "blank" }),
    ],
    [
      "comment.create",
      (w: string) => ({
        workspaceId: w,
        targetType: "JOURNEY_CELL",
        targetKey: "m:s:p",
        body: `Hi${nul}`,
      }),
    ],
  ])("%s answers 400 with a clear message and logs nothing", async (path, input) => {
    const { owner, workspace } = await makeWorkspaceWithOwner(db);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { status, error } = await post(path, input(workspace.id), owner);
      expect(status).toBe(400);
      expect(error?.message).toMatch(/NUL character/);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
