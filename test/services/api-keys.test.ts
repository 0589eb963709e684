// API keys against real SQL: a created key is returned once and stored only as its SHA-256
// with a short prefix; listing shows no secrets; authentication maps a key to its workspace and
// refuses unknown, malformed and revoked keys; only owners create, list and revoke.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import {
  authenticateApiKey,
  createApiKey,
  LAST_USED_RESOLUTION_MS,
  listApiKeys,
  revokeApiKey,
} from "~/server/features/api-keys/api-keys";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof DomainError ? error.code : `unexpected: ${String(error)}`;
  }
}

describe("API keys", () => {
  it("returns the key once and stores only its hash and a short prefix", async () => {
    const { actor, owner } = await makeWorkspaceWithOwner(db);
    const created = await createApiKey(db, actor, { name: "  CRM sync  " });
    expect(created.key).toMatch(/^pa_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("CRM sync");
    expect(created.prefix).toBe(created.key.slice(0, 11));
    expect(created.createdBy).toBe(owner.name);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    // The key appears in no column of the stored row.
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.key);
    expect(stored).not.toContain(created.key.slice(11));

    const other = await createApiKey(db, actor, { name: "Second" });
    expect(other.key).not.toBe(created.key);
  });

  it("lists the workspace's keys without secrets, revoked ones marked", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const stranger = await makeWorkspaceWithOwner(db, "Other");
    const a = await createApiKey(db, actor, { name: "Alpha" });
    const b = await createApiKey(db, actor, { name: "Beta" });
    await createApiKey(db, stranger.actor, { name: "Not mine" });
    await revokeApiKey(db, actor, { keyId: a.id });

    const list = await listApiKeys(db, actor);
    expect(list.map((k) => k.name)).toEqual(["Beta", "Alpha"]);
    expect(list.find((k) => k.id === a.id)?.revokedAt).toBeInstanceOf(Date);
    expect(list.find((k) => k.id === b.id)?.revokedAt).toBeNull();
    const text = JSON.stringify(list);
    expect(text).not.toContain(a.key);
    expect(text).not.toContain(b.key);
    expect(text).not.toMatch(/"(key|hash)"/);
  });

  it("authenticates a key to its workspace as a read-only actor and notes its use", async () => {
    const { actor, workspace } = await makeWorkspaceWithOwner(db);
    const { id, key } = await createApiKey(db, actor, { name: "Reader" });
    const now = new Date("2026-11-23T10:00:00Z");
    const principal = await authenticateApiKey(db, key, now);
    expect(principal.keyId).toBe(id);
    expect(principal.workspaceId).toBe(workspace.id);
    expect(principal.actor).toMatchObject({ workspaceId: workspace.id, role: "STRATEGIST" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(now);

    // Within the resolution nothing is written; after it, the new time is.
    const soon = new Date(now.getTime() + LAST_USED_RESOLUTION_MS / 2);
    await authenticateApiKey(db, key, soon);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(now);
    const later = new Date(now.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await authenticateApiKey(db, key, later);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
  });

  it("refuses unknown, malformed and revoked keys alike", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, key } = await createApiKey(db, actor, { name: "Short-lived" });
    const unknown = `pa_${"A".repeat(43)}`;
    for (const presented of [unknown, "", "pa_short", key.slice(0, -1), `${key}x`, ` ${key}`]) {
      expect(await codeOf(authenticateApiKey(db, presented)), presented).toBe("UNAUTHENTICATED");
    }
    expect(await codeOf(authenticateApiKey(db, key))).toBe("OK");

    const revoked = await revokeApiKey(db, actor, { keyId: id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await codeOf(authenticateApiKey(db, key))).toBe("UNAUTHENTICATED");
    // Revoking again changes nothing, in particular not the time of revocation.
    const again = await revokeApiKey(db, actor, { keyId: id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
  });

  it("lets only owners create, list and revoke, and only their own workspace's keys", async () => {
    const { actor, workspace } = await makeWorkspaceWithOwner(db);
    const { id } = await createApiKey(db, actor, { name: "Owned" });
    for (const role of ["RESEARCHER", "STRATEGIST"] as const) {
      const member = await addMember(db, workspace.id, role);
      expect(await codeOf(createApiKey(db, member.actor, { name: "Mine" }))).toBe("FORBIDDEN");
      expect(await codeOf(listApiKeys(db, member.actor))).toBe("FORBIDDEN");
      expect(await codeOf(revokeApiKey(db, member.actor, { keyId: id }))).toBe("FORBIDDEN");
    }
    const other = await makeWorkspaceWithOwner(db, "Elsewhere");
    expect(await codeOf(revokeApiKey(db, other.actor, { keyId: id }))).toBe("NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect(await db.apiKey.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("refuses a name that is empty or too long", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    await expect(createApiKey(db, actor, { name: " " })).rejects.toThrow(/at least 2/);
    await expect(createApiKey(db, actor, { name: "x".repeat(81) })).rejects.toThrow(/at most 80/);
  });
});
