// Person-written persona fields survive a re-run: the real second run (another seed, so persona
// numbers and placeholder names may change) receives each edit on the persona with the same
// members, unflagged while its evidence holds. A run in which that evidence disappeared (planted
// by taking the real result and removing the trait's distinguishing status) receives the text
// flagged for review, with a note naming the trait.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jaccard, traitKey } from "~/server/analysis/persona-match";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import type { MembershipView } from "~/server/features/workspaces/access";
import { carryForwardFields } from "~/server/features/personas/persona-carry-forward";
import {
  editPersonaField,
  getPersonaReview,
  listFieldHistory,
} from "~/server/features/personas/persona-fields";
import { addMember } from "../helpers/factories";
import { finishedRun, plantedSurvey } from "../helpers/persona-fixtures";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

async function resultOf(runId: string): Promise<AnalysisResult> {
  const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
  return ZAnalysisResult.parse(run.result);
}

/** A finished run stored directly from a given result (what persistResult writes). */
async function storeRun(actor: MembershipView, surveyId: string, result: AnalysisResult) {
  const run = await db.analysisRun.create({
    data: {
      workspaceId: actor.workspaceId,
      surveyId,
      createdById: actor.userId,
      status: "SUCCEEDED",
      parameters: { versionIds: [], versionNumbers: [1], includePartial: false, seed: 1, k: 3 },
      result: result as unknown as Prisma.InputJsonValue,
      finishedAt: new Date(),
    },
  });
  await db.persona.createMany({
    data: result.personas.map((p) => ({
      runId: run.id,
      index: p.index,
      name: p.name,
      size: p.size,
      share: p.share.estimate,
      stabilityJaccard: p.stability.meanJaccard,
      stabilityLabel: p.stability.label,
      card: p.card as unknown as Prisma.InputJsonValue,
      memberResponseIds: p.memberIds,
    })),
  });
  return run.id;
}

describe("carrying person-written fields to a new run", () => {
  it("copies edits to the persona with the same members and flags them when evidence disappears", async () => {
    const { workspace, actor, survey } = await plantedSurvey(db, 150, 21);
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST", "Sia");
    const first = await finishedRun(db, actor, survey.id, 3);
    const firstResult = await resultOf(first);

    // Edit the persona whose marketing message rests on distinguishing traits.
    const edited = firstResult.personas.find((p) => p.card.marketingMessage.sentences.length > 0);
    expect(edited).toBeDefined();
    const editedIndex = edited!.index;
    const editedRow = await db.persona.findFirstOrThrow({
      where: { runId: first, index: editedIndex },
    });
    await editPersonaField(db, strategist, {
      personaId: editedRow.id,
      field: "marketingMessage",
      value: "Talk about running costs first.",
    });
    await editPersonaField(db, strategist, {
      personaId: editedRow.id,
      field: "name",
      value: "Cost-conscious Carla",
    });
    const evidence = (
      await db.personaField.findFirstOrThrow({
        where: { personaId: editedRow.id, field: "marketingMessage" },
      })
    ).evidenceTraitIds;
    expect(evidence.length).toBeGreaterThan(0);

    // The real re-run, with another seed: the service's hook carries the edits.
    const second = await finishedRun(db, actor, survey.id, 11);
    const secondResult = await resultOf(second);
    const match = secondResult.personas
      .map((p) => ({ p, j: jaccard(p.memberIds, edited!.memberIds) }))
      .sort((a, b) => b.j - a.j)[0];
    expect(match && match.j).toBeGreaterThanOrEqual(0.5);
    const target = match!.p;

    const view = await getPersonaReview(db, strategist, second, target.index);
    expect(view.persona.name).toBe("Cost-conscious Carla");
    const message = view.persona.fields.find((f) => f.key === "marketingMessage");
    expect(message).toMatchObject({
      value: "Talk about running costs first.",
      personWritten: true,
      origin: "CARRIED_FORWARD",
      needsReview: false,
    });
    // The new run's own draft is there too, untouched.
    expect(message?.draft).toBe(
      target.card.marketingMessage.sentences.map((s) => s.text).join("\n"),
    );
    // Evidence now points at the new persona's traits, the same questions as before.
    expect(message?.evidenceTraitIds.map(traitKey).sort()).toEqual(evidence.map(traitKey).sort());
    expect(message?.evidenceTraitIds.every((id) => id.startsWith(`p${target.index}:`))).toBe(true);
    const history = await listFieldHistory(db, strategist, {
      personaId: view.persona.id,
      field: "marketingMessage",
    });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kind: "CARRY_FORWARD",
      after: "Talk about running costs first.",
    });
    expect(history[0]?.note).toMatch(/Jaccard/);
    // Personas without a match keep their drafts.
    const others = await db.personaField.count({
      where: { persona: { runId: second, index: { not: target.index } } },
    });
    expect(others).toBe(0);

    // Carrying again changes nothing.
    expect((await carryForwardFields(db, second)).carried).toBe(0);

    // A third run in which the first evidence trait no longer sets the persona apart.
    const lostKey = traitKey(evidence[0] as string);
    const planted = structuredClone(secondResult);
    const p = planted.personas.find((x) => x.index === target.index)!;
    p.distinguishingTraitIds = p.distinguishingTraitIds.filter((id) => traitKey(id) !== lostKey);
    p.traits = p.traits.map((t) =>
      traitKey(t.id) === lostKey ? { ...t, distinguishing: false, q: 0.9 } : t,
    );
    const third = await storeRun(actor, survey.id, planted);
    const summary = await carryForwardFields(db, third);
    expect(summary.previousRunId).toBe(second);
    expect(summary.carried).toBe(2);
    expect(summary.flagged).toBe(1);

    const flagged = await getPersonaReview(db, strategist, third, target.index);
    const lost = flagged.persona.fields.find((f) => f.key === "marketingMessage");
    const lostLabel = p.traits.find((t) => traitKey(t.id) === lostKey)?.label ?? "";
    expect(lost).toMatchObject({ value: "Talk about running costs first.", needsReview: true });
    expect(lost?.reviewNote).toContain(lostLabel);
    expect(lost?.reviewNote).toMatch(/no longer sets this persona apart/);
    // The name rests on no evidence, so it is never flagged.
    expect(flagged.persona.fields.find((f) => f.key === "name")?.needsReview).toBe(false);
    expect(flagged.persona.flaggedCount).toBe(1);

    // Saving the text after checking it clears the flag.
    await editPersonaField(db, strategist, {
      personaId: flagged.persona.id,
      field: "marketingMessage",
      value: "Talk about running costs first.",
    });
    const checked = await getPersonaReview(db, strategist, third, target.index);
    expect(checked.persona.flaggedCount).toBe(0);
  }, 240_000);

  it("copies nothing when no persona overlaps enough", async () => {
    const { actor, survey } = await plantedSurvey(db, 90, 5);
    const first = await finishedRun(db, actor, survey.id, 3);
    const firstRow = await db.persona.findFirstOrThrow({ where: { runId: first } });
    await editPersonaField(db, actor, { personaId: firstRow.id, field: "name", value: "Solo" });
    // A planted run whose personas share no members with the first one.
    const result = structuredClone(await resultOf(first));
    result.personas.forEach((p) => (p.memberIds = p.memberIds.map((id) => `${id}-other`)));
    const second = await storeRun(actor, survey.id, result);
    const summary = await carryForwardFields(db, second);
    expect(summary).toMatchObject({ previousRunId: first, matches: [], carried: 0 });
  }, 120_000);
});
