// Persona review on a real database with a real finished analysis run: editing template fields
// keeps history and never loses the generated draft; the review flow moves only as allowed and
// refuses researchers; share links show an approved set without sign-in until revoked; comment
// threads resolve and reopen, authors edit and authors or owners delete; perception means are the means of what reviewers answered; the
// gallery sorts and filters.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAnalysisResult } from "~/server/analysis/result";
import type { Db } from "~/server/db/client";
import { draftFieldText } from "~/server/features/personas/persona-field-rules";
import { perceptionItems, perceptionConstructs } from "~/server/domain/perception";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  createComment,
  deleteComment,
  editComment,
  listPersonaThreads,
  listThreads,
  reopenThread,
  replyToComment,
  resolveThread,
} from "~/server/features/review/comments";
import { getPerception, ratePersona } from "~/server/features/personas/perception";
import {
  editPersonaField,
  getPersonaReview,
  listFieldHistory,
  revertPersonaField,
} from "~/server/features/personas/persona-fields";
import { exportPersonaSet } from "~/server/features/personas/persona-export";
import { getGallery } from "~/server/features/personas/persona-gallery";
import { listReviewEvents, transitionReview } from "~/server/features/review/persona-review";
import {
  createShareLink,
  getSharedSet,
  invalidShareMessage,
  pausedShareMessage,
  revokedShareMessage,
  revokeShareLink,
} from "~/server/features/review/persona-share";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { finishedRun, plantedSurvey } from "../helpers/persona-fixtures";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let owner: MembershipView;
let strategist: MembershipView;
let researcher: MembershipView;
let runId: string;
let personaIds: string[];

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  const planted = await plantedSurvey(db);
  owner = planted.actor;
  strategist = (await addMember(db, planted.workspace.id, "STRATEGIST", "Stella Strategist")).actor;
  researcher = (await addMember(db, planted.workspace.id, "RESEARCHER", "Rob Researcher")).actor;
  runId = await finishedRun(db, owner, planted.survey.id);
  personaIds = (await db.persona.findMany({ where: { runId }, orderBy: { index: "asc" } })).map(
    (p) => p.id,
  );
}, 180_000);
afterAll(async () => close());

async function storedCard(personaId: string) {
  const row = await db.persona.findUniqueOrThrow({ where: { id: personaId } });
  return row.card;
}

describe("persona template fields", () => {
  it("keeps every edit in history and never loses the generated draft", async () => {
    const personaId = personaIds[0] as string;
    const cardBefore = await storedCard(personaId);
    const view = await getPersonaReview(db, strategist, runId, 0);
    const draft = view.persona.fields.find((f) => f.key === "marketingMessage");
    expect(draft?.personWritten).toBe(false);
    expect(draft?.draft.length).toBeGreaterThan(0);
    expect(draft?.evidenceTraitIds.length).toBeGreaterThan(0);

    await editPersonaField(db, strategist, {
      personaId,
      field: "marketingMessage",
      value: "Show them the total cost of ownership.",
    });
    await editPersonaField(db, owner, {
      personaId,
      field: "marketingMessage",
      value: "Show them the total cost, in euros per month.",
    });
    // Saving the same text again is not a change.
    expect(
      (
        await editPersonaField(db, owner, {
          personaId,
          field: "marketingMessage",
          value: "Show them the total cost, in euros per month.",
        })
      ).changed,
    ).toBe(false);

    const after = await getPersonaReview(db, researcher, runId, 0);
    const field = after.persona.fields.find((f) => f.key === "marketingMessage");
    expect(field).toMatchObject({
      value: "Show them the total cost, in euros per month.",
      personWritten: true,
      origin: "EDITED",
      draft: draft?.draft,
    });
    // The edit keeps the draft's evidence, so a later run can check it.
    expect(field?.evidenceTraitIds).toEqual(expect.arrayContaining(draft?.evidenceTraitIds ?? []));

    const history = await listFieldHistory(db, researcher, {
      personaId,
      field: "marketingMessage",
    });
    expect(history.map((h) => [h.kind, h.before, h.after, h.actorName])).toEqual([
      [
        "EDIT",
        "Show them the total cost of ownership.",
        "Show them the total cost, in euros per month.",
        "Owner",
      ],
      ["EDIT", draft?.draft, "Show them the total cost of ownership.", "Stella Strategist"],
    ]);

    await revertPersonaField(db, strategist, { personaId, field: "marketingMessage" });
    const reverted = await getPersonaReview(db, strategist, runId, 0);
    expect(reverted.persona.fields.find((f) => f.key === "marketingMessage")).toMatchObject({
      value: draft?.draft,
      personWritten: false,
    });
    const full = await listFieldHistory(db, strategist, { personaId });
    expect(full[0]).toMatchObject({
      kind: "REVERT",
      before: "Show them the total cost, in euros per month.",
      after: draft?.draft,
    });
    expect(full).toHaveLength(3);
    // The generated card itself was never written to.
    expect(await storedCard(personaId)).toEqual(cardBefore);
    const result = ZAnalysisResult.parse(
      (await db.analysisRun.findUniqueOrThrow({ where: { id: runId } })).result,
    );
    expect(draftFieldText(result.personas[0]!.card, "marketingMessage")).toBe(draft?.draft);
  });

  it("renames a persona everywhere its name is shown, and refuses researchers and empty text", async () => {
    const personaId = personaIds[1] as string;
    // Until someone renames it, the drafted name is marked a placeholder.
    const before = await getGallery(db, researcher, { runId });
    expect(before.selected?.cards.find((c) => c.id === personaId)?.placeholderName).toBe(true);
    await editPersonaField(db, strategist, { personaId, field: "name", value: "Green Greta" });
    const gallery = await getGallery(db, researcher, { runId });
    const card = gallery.selected?.cards.find((c) => c.id === personaId);
    expect(card).toMatchObject({
      name: "Green Greta",
      nameWrittenByPerson: true,
      placeholderName: false,
      editedCount: 1,
    });

    await expect(
      editPersonaField(db, researcher, { personaId, field: "name", value: "Nope" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/strategist/) });
    await expect(
      editPersonaField(db, strategist, { personaId, field: "goals", value: "   " }),
    ).rejects.toThrow(/cannot be empty/);
    await expect(
      editPersonaField(db, strategist, { personaId, field: "name", value: "x".repeat(81) }),
    ).rejects.toThrow(/at most 80/);
  });

  it("refuses a persona of another workspace", async () => {
    const other = await makeWorkspaceWithOwner(db, "Elsewhere");
    await expect(
      editPersonaField(db, other.actor, {
        personaId: personaIds[0] as string,
        field: "name",
        value: "Mine now",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("comments", () => {
  it("threads on a persona and on a trait, with replies, resolve and reopen", async () => {
    const personaId = personaIds[0] as string;
    const view = await getPersonaReview(db, researcher, runId, 0);
    const traitId = view.persona.persona.distinguishingTraitIds[0] as string;
    expect(traitId).toMatch(/^p0:/);

    const onPersona = await createComment(db, researcher, {
      targetType: "PERSONA",
      targetKey: personaId,
      runId,
      body: "Is the age range right?",
    });
    const onTrait = await createComment(db, strategist, {
      targetType: "TRAIT",
      targetKey: traitId,
      runId,
      body: "This is the strongest difference; lead with it.",
    });
    const reply = await replyToComment(db, owner, { parentId: onTrait.id, body: "Agreed." });
    expect(reply.replies.map((r) => [r.body, r.authorName])).toEqual([["Agreed.", "Owner"]]);
    // Answering a reply joins the same thread.
    const replyId = reply.replies[0]?.id as string;
    const deeper = await replyToComment(db, researcher, { parentId: replyId, body: "Me too." });
    expect(deeper.id).toBe(onTrait.id);
    expect(deeper.replies).toHaveLength(2);

    const threads = await listPersonaThreads(db, strategist, personaId);
    expect(threads.map((t) => [t.targetType, t.body])).toEqual([
      ["PERSONA", "Is the age range right?"],
      ["TRAIT", "This is the strongest difference; lead with it."],
    ]);
    expect(await listPersonaThreads(db, strategist, personaIds[1] as string)).toEqual([]);

    const resolved = await resolveThread(db, researcher, { commentId: replyId });
    expect(resolved.id).toBe(onTrait.id);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolvedByName).toBe("Rob Researcher");
    const gallery = await getGallery(db, strategist, { runId, show: "attention" });
    expect(gallery.selected?.cards.find((c) => c.id === personaId)?.openThreads).toBe(1);

    const reopened = await reopenThread(db, strategist, { commentId: onTrait.id });
    expect(reopened.resolvedAt).toBeNull();
    const onTraitOnly = await listThreads(db, owner, {
      targetType: "TRAIT",
      targetKey: traitId,
      runId,
    });
    expect(onTraitOnly.map((t) => t.id)).toEqual([onTrait.id]);
    expect(onPersona.replies).toEqual([]);
  });

  it("refuses unknown targets and comments from other workspaces", async () => {
    await expect(
      createComment(db, strategist, {
        targetType: "TRAIT",
        targetKey: "p0:no-such-question",
        runId,
        body: "?",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createComment(db, strategist, { targetType: "PERSONA", targetKey: "nope", runId, body: "?" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createComment(db, strategist, {
        targetType: "PERSONA",
        targetKey: personaIds[0] as string,
        runId,
        body: "   ",
      }),
    ).rejects.toThrow(/Write a comment/);
    const other = await makeWorkspaceWithOwner(db, "Nosy Co");
    await expect(
      createComment(db, other.actor, {
        targetType: "PERSONA",
        targetKey: personaIds[0] as string,
        runId,
        body: "Hello",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editing and deleting comments", () => {
  it("lets authors edit their own words and authors or owners delete, a thread with its replies", async () => {
    const personaId = personaIds[1] as string;
    const target = { targetType: "PERSONA" as const, targetKey: personaId, runId };
    const thread = await createComment(db, strategist, { ...target, body: "Teh name feels off." });
    expect(thread).toMatchObject({ editedAt: null, canEdit: true, canDelete: true });
    const withReply = await replyToComment(db, researcher, { parentId: thread.id, body: "Why?" });
    const replyId = withReply.replies[0]?.id as string;

    // Only the author edits; the text is trimmed and the comment marked as edited.
    const editedAt = new Date("2026-11-20T10:00:00Z");
    const edited = await editComment(
      db,
      strategist,
      { commentId: thread.id, body: "  The name feels off.  " },
      editedAt,
    );
    expect(edited.body).toBe("The name feels off.");
    expect(edited.editedAt).toEqual(editedAt);
    for (const someoneElse of [owner, researcher]) {
      await expect(
        editComment(db, someoneElse, { commentId: thread.id, body: "Hijacked" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(editComment(db, strategist, { commentId: thread.id, body: " " })).rejects.toThrow(
      /Write a comment/,
    );
    // What each member may do is part of what they see.
    const seenByOwner = (await listPersonaThreads(db, owner, personaId))[0];
    expect(seenByOwner).toMatchObject({ canEdit: false, canDelete: true });
    expect(seenByOwner?.replies[0]).toMatchObject({ canEdit: false, canDelete: true });
    const seenByResearcher = (await listPersonaThreads(db, researcher, personaId))[0];
    expect(seenByResearcher).toMatchObject({ canEdit: false, canDelete: false });
    expect(seenByResearcher?.replies[0]).toMatchObject({ canEdit: true, canDelete: true });

    // Other members cannot delete; another workspace cannot even find it.
    await expect(deleteComment(db, researcher, { commentId: thread.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await makeWorkspaceWithOwner(db, "Eraser Co");
    await expect(deleteComment(db, other.actor, { commentId: replyId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A reply goes alone; the thread's first comment takes the thread with it.
    expect(await deleteComment(db, researcher, { commentId: replyId })).toEqual({ deleted: 1 });
    expect((await listPersonaThreads(db, owner, personaId))[0]?.replies).toEqual([]);
    await replyToComment(db, researcher, { parentId: thread.id, body: "Still think so?" });
    expect(await deleteComment(db, owner, { commentId: thread.id })).toEqual({ deleted: 2 });
    expect(await listPersonaThreads(db, owner, personaId)).toEqual([]);
    expect(await db.comment.count({ where: { targetKey: personaId } })).toBe(0);
  });
});

describe("perception check", () => {
  it("shows the mean per construct over reviewers, one rating per reviewer", async () => {
    const personaId = personaIds[2] as string;
    const allSevens = Object.fromEntries(perceptionItems.map((i) => [i.id, 7]));
    // The second reviewer answers 1, 2, 3, … 7, 1, 2, … down the list of statements.
    const cycling = Object.fromEntries(perceptionItems.map((i, n) => [i.id, (n % 7) + 1]));
    await ratePersona(db, strategist, { personaId, answers: allSevens });
    await ratePersona(db, owner, {
      personaId,
      answers: Object.fromEntries(perceptionItems.map((i) => [i.id, 4])),
    });
    const updated = await ratePersona(db, owner, { personaId, answers: cycling }); // replaces
    expect(updated.reviewers).toBe(2);

    const view = await getPerception(db, researcher, personaId);
    expect(view.canRate).toBe(false);
    expect(view.mine).toBeNull();
    for (const construct of perceptionConstructs) {
      const items = perceptionItems.filter((i) => i.construct === construct);
      const ownerScore = items.reduce((s, i) => s + (cycling[i.id] as number), 0) / items.length;
      const summary = view.constructs.find((c) => c.construct === construct);
      expect(summary?.n).toBe(2);
      expect(summary?.mean).toBeCloseTo((7 + ownerScore) / 2, 10);
      expect(summary?.max).toBe(7);
    }
    expect((await getPerception(db, owner, personaId)).mine).toEqual(cycling);
  });

  it("refuses researchers and incomplete or out-of-range answers", async () => {
    const personaId = personaIds[2] as string;
    const answers = Object.fromEntries(perceptionItems.map((i) => [i.id, 5]));
    await expect(ratePersona(db, researcher, { personaId, answers })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const missing = { ...answers };
    delete missing[perceptionItems[0]!.id];
    await expect(ratePersona(db, strategist, { personaId, answers: missing })).rejects.toThrow(
      /Answer every statement/,
    );
    await expect(
      ratePersona(db, strategist, { personaId, answers: { ...answers, "clar-follow": 8 } }),
    ).rejects.toThrow(/from 1 to 7/);
  });
});

describe("exports", () => {
  it("exports personas as people see them and traits with their numbers, neutralising formulas", async () => {
    const personaId = personaIds[2] as string;
    const formula = '=HYPERLINK("http://evil.example","click")';
    await editPersonaField(db, strategist, { personaId, field: "summary", value: formula });
    const csv = await exportPersonaSet(db, researcher, runId, "personas", "csv");
    expect(csv.contentType).toBe("text/csv; charset=utf-8");
    expect(csv.fileName).toMatch(/^planted-review-survey-.+-personas\.csv$/);
    const rows = Papa.parse<Record<string, string>>(csv.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r.persona_id === personaId);
    expect(row?.summary).toBe(`'${formula}`);
    expect(row?.summary_source).toBe("person");
    expect(rows.find((r) => r.persona_index === "1")?.name).toBe("Green Greta");
    const json = JSON.parse(
      (await exportPersonaSet(db, researcher, runId, "personas", "json")).body,
    );
    expect(json.find((r: { persona_id: string }) => r.persona_id === personaId).summary).toBe(
      formula,
    );

    const set = await getGallery(db, researcher, { runId });
    const traits = JSON.parse(
      (await exportPersonaSet(db, researcher, runId, "traits", "json")).body,
    ) as {
      effect_value: number;
      effect_lower_approx: number;
      effect_upper_approx: number;
      persona_n: number;
      rest_n: number;
      segment_input: number;
      family: string;
      insufficient: number;
    }[];
    const result = ZAnalysisResult.parse(
      (await db.analysisRun.findUniqueOrThrow({ where: { id: runId } })).result,
    );
    expect(traits).toHaveLength(result.personas.reduce((n, p) => n + p.traits.length, 0));
    for (const t of traits) {
      expect(t.effect_lower_approx).toBeLessThanOrEqual(t.effect_value + 1e-9);
      expect(t.effect_upper_approx).toBeGreaterThanOrEqual(t.effect_value - 1e-9);
      // The false-discovery family follows the segment questions; the minimum n is 30.
      expect(t.family).toBe(t.segment_input === 1 ? "segment" : "descriptive");
      expect(t.insufficient).toBe(t.persona_n < 30 || t.rest_n < 30 ? 1 : 0);
    }
    expect(set.selected?.cards).toHaveLength(3);
    const full = await exportPersonaSet(db, researcher, runId, "result", "json");
    expect(JSON.parse(full.body)).toEqual(JSON.parse(JSON.stringify(result)));

    const other = await makeWorkspaceWithOwner(db, "Exporter Co");
    await expect(exportPersonaSet(db, other.actor, runId, "traits", "csv")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("review flow and share links", () => {
  it("moves only along allowed transitions, logs each move and refuses researchers", async () => {
    expect((await listReviewEvents(db, researcher, runId)).status).toBe("DRAFT");
    await expect(
      transitionReview(db, strategist, { runId, from: "DRAFT", to: "APPROVED" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      transitionReview(db, researcher, { runId, from: "DRAFT", to: "IN_REVIEW" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the owner or strategist role; you are a researcher here.",
    });

    await transitionReview(db, strategist, { runId, from: "DRAFT", to: "IN_REVIEW" });
    // A reviewer acting on what they saw before someone else moved it is told so.
    await expect(
      transitionReview(db, owner, { runId, from: "DRAFT", to: "IN_REVIEW" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/in review/) });
    await expect(
      transitionReview(db, owner, { runId, from: "IN_REVIEW", to: "CHANGES_REQUESTED" }),
    ).rejects.toThrow(/which changes/);
    await transitionReview(db, owner, {
      runId,
      from: "IN_REVIEW",
      to: "CHANGES_REQUESTED",
      note: "Rename persona 1.",
    });
    await transitionReview(db, strategist, { runId, from: "CHANGES_REQUESTED", to: "IN_REVIEW" });

    // Nothing can be shared before approval.
    await expect(createShareLink(db, strategist, runId)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await transitionReview(db, strategist, {
      runId,
      from: "IN_REVIEW",
      to: "APPROVED",
      note: "Looks good.",
    });
    const log = await listReviewEvents(db, researcher, runId);
    expect(log.status).toBe("APPROVED");
    expect(log.events.map((e) => [e.from, e.to, e.actorName, e.note])).toEqual([
      ["IN_REVIEW", "APPROVED", "Stella Strategist", "Looks good."],
      ["CHANGES_REQUESTED", "IN_REVIEW", "Stella Strategist", ""],
      ["IN_REVIEW", "CHANGES_REQUESTED", "Owner", "Rename persona 1."],
      ["DRAFT", "IN_REVIEW", "Stella Strategist", ""],
    ]);

    // An approved set is locked against edits.
    await expect(
      editPersonaField(db, strategist, {
        personaId: personaIds[0] as string,
        field: "summary",
        value: "Changed after approval",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getPersonaReview(db, strategist, runId, 0)).canEdit).toBe(false);
  });

  it("shares the approved set read-only until the link is revoked or the review reopened", async () => {
    const { token, link } = await createShareLink(db, strategist, runId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const stored = await db.personaShareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const shared = await getSharedSet(db, token);
    expect(shared.personas).toHaveLength(3);
    expect(shared.personas.find((p) => p.index === 1)?.name).toBe("Green Greta");
    // No response ids leave through a share link.
    const members = (await db.persona.findFirstOrThrow({ where: { runId } })).memberResponseIds;
    const body = JSON.stringify(shared);
    expect(members.some((id) => body.includes(id))).toBe(false);

    await expect(revokeShareLink(db, researcher, link.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getSharedSet(db, "x".repeat(43))).rejects.toThrow(invalidShareMessage);
    await transitionReview(db, owner, { runId, from: "APPROVED", to: "IN_REVIEW" });
    await expect(getSharedSet(db, token)).rejects.toThrow(pausedShareMessage);
    await transitionReview(db, owner, { runId, from: "IN_REVIEW", to: "APPROVED" });
    expect((await getSharedSet(db, token)).personas).toHaveLength(3);

    await revokeShareLink(db, strategist, link.id);
    await expect(getSharedSet(db, token)).rejects.toThrow(revokedShareMessage);
  });
});

describe("gallery", () => {
  it("offers finished runs by review status and sorts cards by share, name or stability", async () => {
    const byShare = await getGallery(db, researcher, {});
    expect(byShare.selected?.run.id).toBe(runId);
    const shares = byShare.selected?.cards.map((c) => c.share.estimate) ?? [];
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(byShare.selected?.cards.every((c) => c.avatarSeed.length > 0)).toBe(true);

    const byName = await getGallery(db, researcher, { sort: "name" });
    const names = byName.selected?.cards.map((c) => c.name) ?? [];
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(names).toContain("Green Greta");

    const byStability = await getGallery(db, researcher, { sort: "stability" });
    const scores = byStability.selected?.cards.map((c) => c.stability.meanJaccard ?? -1) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    expect((await getGallery(db, researcher, { reviewStatus: "APPROVED" })).runs).toHaveLength(1);
    const drafts = await getGallery(db, researcher, { reviewStatus: "DRAFT" });
    expect(drafts.runs).toEqual([]);
    expect(drafts.selected).toBeNull();
    const edited = await getGallery(db, researcher, { show: "edited" });
    // Persona 1 was renamed, persona 2's summary rewritten in the export test; persona 0 reverted.
    expect(edited.selected?.cards.map((c) => c.index).sort()).toEqual([1, 2]);
  });
});
