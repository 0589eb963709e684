// Use cases for workspace API keys: owners create (the key is shown once), list and revoke keys;
// the REST API authenticates a presented key to its workspace. Only the SHA-256 of a key and a
// short prefix (to tell keys apart) are stored, so a database leak does not leak usable keys.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import {
  API_KEY_PREFIX,
  API_KEY_SHOWN_CHARS,
  apiKeyPattern,
  ZApiKeyIdInput,
  ZCreateApiKeyInput,
  type TApiKeyIdInput,
  type TCreateApiKeyInput,
} from "~/server/domain/api-key";
import { fail } from "~/server/domain/errors";
import { requireRole, type MembershipView } from "../workspaces/access";

export const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");

export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, e.g. "pa_Ab3dE9xQ", to recognise it; never the key. */
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** Shown once: only its hash is stored, so it cannot be recovered later. */
  key: string;
}

/** What a valid key grants: the workspace, and an actor for the services' checks. */
export interface ApiKeyPrincipal {
  keyId: string;
  workspaceId: string;
  actor: MembershipView;
}

const ownerOnly = ["OWNER"] as const;

/** lastUsedAt is written at most this often per key, so busy keys do not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const invalidKeyMessage =
  "This API key is not valid or has been revoked. Send a current key as “Authorization: Bearer pa_…”.";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string } | null;
};

const toView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  createdBy: row.createdBy?.name ?? null,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

const withCreator = { createdBy: { select: { name: true } } } as const;

export async function createApiKey(
  db: Db,
  actor: MembershipView,
  raw: TCreateApiKeyInput,
): Promise<CreatedApiKey> {
  requireRole(actor, ownerOnly);
  const input = ZCreateApiKeyInput.parse(raw);
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiKey.create({
    data: {
      workspaceId: actor.workspaceId,
      name: input.name,
      prefix: key.slice(0, API_KEY_SHOWN_CHARS),
      hash: hashApiKey(key),
      createdById: actor.userId,
    },
    include: withCreator,
  });
  return { ...toView(row), key };
}

/** Every key of the workspace, newest first, revoked ones included (marked), without secrets. */
export async function listApiKeys(db: Db, actor: MembershipView): Promise<ApiKeyView[]> {
  requireRole(actor, ownerOnly);
  const rows = await db.apiKey.findMany({
    where: { workspaceId: actor.workspaceId },
    include: withCreator,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map(toView);
}

/** Revokes at once and for good; revoking a revoked key changes nothing. */
export async function revokeApiKey(
  db: Db,
  actor: MembershipView,
  raw: TApiKeyIdInput,
  now = new Date(),
): Promise<ApiKeyView> {
  requireRole(actor, ownerOnly);
  const { keyId } = ZApiKeyIdInput.parse(raw);
  const existing = await db.apiKey.findFirst({
    where: { id: keyId, workspaceId: actor.workspaceId },
  });
  if (!existing) return fail("NOT_FOUND", "That API key does not exist in this workspace.");
  await db.apiKey.updateMany({
    where: { id: keyId, revokedAt: null },
    data: { revokedAt: now },
  });
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyId }, include: withCreator });
  return toView(row);
}

/**
 * Resolves a presented key to its workspace, or refuses it (UNAUTHENTICATED) when it is
 * malformed, unknown or revoked; all three get the same answer. Keys act with the read-only
 * STRATEGIST role in the services' checks: they list and export, and submit responses (which
 * needs no role), but can never do what a researcher or an owner does.
 */
export async function authenticateApiKey(
  db: Db,
  presented: string,
  now = new Date(),
): Promise<ApiKeyPrincipal> {
  if (!apiKeyPattern.test(presented)) return fail("UNAUTHENTICATED", invalidKeyMessage);
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(presented) },
    select: { id: true, workspaceId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return fail("UNAUTHENTICATED", invalidKeyMessage);
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    // The condition is repeated in the update, so concurrent calls write it once.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    keyId: row.id,
    workspaceId: row.workspaceId,
    actor: { workspaceId: row.workspaceId, userId: `api-key:${row.id}`, role: "STRATEGIST" },
  };
}
