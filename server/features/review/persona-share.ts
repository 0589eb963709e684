// Read-only share links for an approved persona set: strategists and owners create and revoke
// them; anyone holding the link (no sign-in) sees the gallery and persona pages of the set. The
// token is 32 random bytes shown once; only its SHA-256 is stored. A link works only while it is
// not revoked and the set is approved (reopening the review pauses every link of the set).
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { ZShareToken } from "~/server/domain/review";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { loadPersonaSet, toReadOnlySet, type SharedSet } from "../personas/persona-view";

export interface ShareLinkView {
  id: string;
  createdAt: Date;
  createdByName: string | null;
  revokedAt: Date | null;
}

export const hashShareToken = (token: string): string =>
  createHash("sha256").update(token).digest("hex");

export const invalidShareMessage =
  "This share link is not valid. Check that you copied all of it, or ask the person who sent it.";
export const revokedShareMessage =
  "This share link has been switched off by the team that shared it. Ask them for a new one.";
export const pausedShareMessage =
  "This persona set is being revised and is not shared at the moment. Please try again later.";

async function requireRun(db: Db, actor: MembershipView, runId: string) {
  const run = await db.analysisRun.findFirst({
    where: { id: runId, workspaceId: actor.workspaceId },
    select: { id: true, status: true, reviewStatus: true },
  });
  return run ?? fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
}

export async function createShareLink(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<{ link: ShareLinkView; token: string }> {
  requireRole(actor, access.review);
  const run = await requireRun(db, actor, runId);
  if (run.reviewStatus !== "APPROVED") {
    fail("CONFLICT", "Only an approved persona set can be shared. Approve it first.");
  }
  const token = randomBytes(32).toString("base64url");
  const link = await db.personaShareLink.create({
    data: { runId: run.id, tokenHash: hashShareToken(token), createdById: actor.userId },
    include: { createdBy: { select: { name: true } } },
  });
  return {
    token,
    link: {
      id: link.id,
      createdAt: link.createdAt,
      createdByName: link.createdBy?.name ?? null,
      revokedAt: null,
    },
  };
}

export async function revokeShareLink(
  db: Db,
  actor: MembershipView,
  linkId: string,
  now = new Date(),
): Promise<void> {
  requireRole(actor, access.review);
  const link = await db.personaShareLink.findFirst({
    where: { id: linkId, run: { workspaceId: actor.workspaceId } },
  });
  if (!link) return fail("NOT_FOUND", "That share link does not exist in this workspace.");
  if (link.revokedAt) return;
  await db.personaShareLink.update({ where: { id: link.id }, data: { revokedAt: now } });
}

export async function listShareLinks(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<ShareLinkView[]> {
  requireRole(actor, access.anyMember);
  const run = await requireRun(db, actor, runId);
  const links = await db.personaShareLink.findMany({
    where: { runId: run.id },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { name: true } } },
  });
  return links.map((l) => ({
    id: l.id,
    createdAt: l.createdAt,
    createdByName: l.createdBy?.name ?? null,
    revokedAt: l.revokedAt,
  }));
}

/** The run a share token opens, or the sentence saying why it opens nothing. */
async function resolveShareToken(
  db: Db,
  rawToken: string,
): Promise<{ runId: string } | { refusal: string }> {
  const parsed = ZShareToken.safeParse(rawToken);
  if (!parsed.success) return { refusal: invalidShareMessage };
  const link = await db.personaShareLink.findUnique({
    where: { tokenHash: hashShareToken(parsed.data) },
    include: { run: { select: { id: true, reviewStatus: true } } },
  });
  if (!link) return { refusal: invalidShareMessage };
  if (link.revokedAt) return { refusal: revokedShareMessage };
  if (link.run.reviewStatus !== "APPROVED") return { refusal: pausedShareMessage };
  return { runId: link.run.id };
}

/**
 * Why a share token opens nothing (unknown, revoked, paused), or null when it works. The share
 * pages' gate (proxy.ts) asks this before Next renders anything, so a dead link is a 404 every
 * time rather than a page that may already have gone out as 200 when notFound() is reached.
 */
export async function shareLinkRefusal(db: Db, rawToken: string): Promise<string | null> {
  const resolved = await resolveShareToken(db, rawToken);
  return "refusal" in resolved ? resolved.refusal : null;
}

/** The set behind a share token, for the public read-only pages; refuses politely otherwise. */
export async function getSharedSet(db: Db, rawToken: string): Promise<SharedSet> {
  const resolved = await resolveShareToken(db, rawToken);
  if ("refusal" in resolved) return fail("NOT_FOUND", resolved.refusal);
  return toReadOnlySet(await loadPersonaSet(db, { runId: resolved.runId }));
}
