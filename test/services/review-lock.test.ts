// An approved persona set is locked for comments and ratings (the server refuses with a clear
// CONFLICT, and says so in what it lists) until its review is reopened; the responses behind a
// persona load as its members' answers in words, only within the caller's workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { perceptionItems } from "~/server/domain/perception";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  getPersonaClaimAnswers,
  loadResponseAnswers,
} from "~/server/features/analysis-runs/claim-answers";
import {
  createComment,
  deleteComment,
  editComment,
  listPersonaThreads,
  lockedDiscussionMessage,
  replyToComment,
  resolveThread,
} from "~/server/features/review/comments";
import {
  getPerception,
  lockedRatingMessage,
  ratePersona,
} from "~/server/features/personas/perception";
import { transitionReview } from "~/server/features/review/persona-review";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { finishedRun, plantedSurvey } from "../helpers/persona-fixtures";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let owner: MembershipView;
let strategist: MembershipView;
let researcher: MembershipView;
let runId: string;
let personaId: string;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  const planted = await plantedSurvey(db, 90);
  owner = planted.actor;
  strategist = (await addMember(db, planted.workspace.id, "STRATEGIST", "Stella Strategist")).actor;
  researcher = (await addMember(db, planted.workspace.id, "RESEARCHER", "Rob Researcher")).actor;
  runId = await finishedRun(db, owner, planted.survey.id);
  personaId = (await db.persona.findFirstOrThrow({ where: { runId, index: 0 } })).id;
}, 180_000);
afterAll(async () => close());

const fours = () => Object.fromEntries(perceptionItems.map((i) => [i.id, 4]));

describe("an approved set is locked for comments and ratings", () => {
  it("refuses comments, replies, edits, resolving and ratings once approved, and takes them again after reopening", async () => {
    const thread = await createComment(db, researcher, {
      runId,
      targetType: "PERSONA",
      targetKey: personaId,
      body: "Is this persona too broad?",
    });
    expect(thread.locked).toBe(false);
    await ratePersona(db, strategist, { personaId, answers: fours() });

    await transitionReview(db, strategist, { runId, from: "DRAFT", to: "IN_REVIEW" });
    await transitionReview(db, strategist, { runId, from: "IN_REVIEW", to: "APPROVED" });

    const locked = { code: "CONFLICT", message: lockedDiscussionMessage };
    await expect(
      createComment(db, researcher, {
        runId,
        targetType: "PERSONA",
        targetKey: personaId,
        body: "One more thing",
      }),
    ).rejects.toMatchObject(locked);
    await expect(
      replyToComment(db, owner, { parentId: thread.id, body: "Agreed" }),
    ).rejects.toMatchObject(locked);
    await expect(
      editComment(db, researcher, { commentId: thread.id, body: "Changed" }),
    ).rejects.toMatchObject(locked);
    await expect(resolveThread(db, owner, { commentId: thread.id })).rejects.toMatchObject(locked);
    await expect(deleteComment(db, researcher, { commentId: thread.id })).rejects.toMatchObject(
      locked,
    );
    await expect(ratePersona(db, owner, { personaId, answers: fours() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: lockedRatingMessage,
    });

    // What the page lists says so, so the UI can disable the forms.
    const listed = await listPersonaThreads(db, researcher, personaId);
    expect(listed.map((t) => [t.body, t.locked, t.canEdit, t.canDelete])).toEqual([
      ["Is this persona too broad?", true, false, false],
    ]);
    const perception = await getPerception(db, owner, personaId);
    expect([perception.locked, perception.canRate, perception.reviewers]).toEqual([true, false, 1]);

    await transitionReview(db, owner, { runId, from: "APPROVED", to: "IN_REVIEW" });
    const replied = await replyToComment(db, owner, { parentId: thread.id, body: "Agreed" });
    expect(replied.replies.map((r) => r.body)).toEqual(["Agreed"]);
    expect(replied.locked).toBe(false);
    await ratePersona(db, owner, { personaId, answers: fours() });
    const reopened = await getPerception(db, owner, personaId);
    expect([reopened.locked, reopened.canRate, reopened.reviewers]).toEqual([false, true, 2]);
  });
});

describe("the responses behind a persona", () => {
  it("lists members with their answers in words to the questions of its traits", async () => {
    const behind = await getPersonaClaimAnswers(db, researcher, { runId, index: 0, limit: 10 });
    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    const persona = (
      run.result as {
        personas: {
          index: number;
          memberIds: string[];
          representativeIds: string[];
          distinguishingTraitIds: string[];
          traits: { id: string; questionId: string }[];
        }[];
      }
    ).personas.find((p) => p.index === 0);
    if (!persona) throw new Error("no persona 0");
    expect(behind.total).toBe(persona.memberIds.length);
    expect(behind.respondents).toHaveLength(Math.min(10, persona.memberIds.length));
    // Typical members first, every one a member.
    expect(behind.respondents[0]?.responseId).toBe(persona.representativeIds[0]);
    expect(behind.respondents.every((r) => persona.memberIds.includes(r.responseId))).toBe(true);
    // The questions are those of its distinguishing traits.
    const traitQuestions = new Set(
      persona.traits
        .filter((t) => persona.distinguishingTraitIds.includes(t.id))
        .map((t) => t.questionId),
    );
    expect(behind.questions.length).toBeGreaterThan(0);
    for (const q of behind.questions) expect(traitQuestions.has(q.key)).toBe(true);

    // Each cell is the stored answer in words ("4 of 5" for the planted 5-point statements).
    const first = behind.respondents[0];
    const stored = await db.answer.findMany({
      where: { responseId: first?.responseId, question: { key: { in: [...traitQuestions] } } },
      include: { question: { select: { key: true, type: true } } },
    });
    expect(stored.length).toBeGreaterThan(0);
    for (const a of stored) {
      if (!behind.questions.some((q) => q.key === a.question.key)) continue;
      const expected =
        a.question.type === "LIKERT" ? `${a.numberValue} of 5` : String(a.numberValue);
      expect(first?.answers[a.question.key]).toBe(expected);
    }
  });

  it("reads nothing from another workspace", async () => {
    const other = await makeWorkspaceWithOwner(db, "Elsewhere Ltd");
    await expect(
      getPersonaClaimAnswers(db, other.actor, { runId, index: 0 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const members = (await db.persona.findFirstOrThrow({ where: { runId, index: 0 } }))
      .memberResponseIds;
    const elsewhere = await loadResponseAnswers(db, other.workspace.id, members, ["price"]);
    expect(elsewhere.size).toBe(0);
    const here = await loadResponseAnswers(db, owner.workspaceId, members, ["price"]);
    expect(here.size).toBe(members.length);
  });
});
