// Journey maps on a real database: every template creates its whole structure; a duplicate is a
// deep, independent copy; moving and deleting stages and touchpoints keeps positions 0..n-1 and
// the intended order (checked against a plain-array model over random move sequences); strategists
// read but cannot change anything; bad input is refused with readable messages; a stage (or map)
// with survey questions tied to it is not deleted; a linked survey's questions are matched to the
// map's stages; fills and moment-of-truth decisions are stored once per key; and the migration
// keeps each stage's former single goal.
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { describeFailure } from "~/server/infra/error-codes";
import { createCaller } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import { readMigrations } from "~/server/db/migrate";
import { DomainError } from "~/server/domain/errors";
import {
  journeyTemplateKeys,
  moveItem,
  touchpointLayers,
  ZAddTouchpointInput,
  ZSetStageKpisInput,
  ZUpdateStageInput,
  type TTouchpointLayer,
} from "~/server/domain/journey";
import { journeyTemplates } from "~/server/domain/journey-templates";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  decideMomentOfTruth,
  getJourneyFill,
  listMomentOfTruthDecisions,
  storeJourneyFill,
} from "~/server/features/journeys/journey-fills";
import {
  addStage,
  deleteStage,
  moveStage,
  setStageKpis,
  updateStage,
} from "~/server/features/journeys/journey-stages";
import { getJourneyMap, type JourneyMapDetail } from "~/server/features/journeys/journey-view";
import {
  createJourneyMapFromTemplate,
  deleteJourneyMap,
  duplicateJourneyMap,
  linkJourneySurvey,
  listJourneyMaps,
  updateJourneyMap,
} from "~/server/features/journeys/journeys";
import {
  createJourneySurvey,
  createSurvey,
  deleteSurvey,
  publishSurvey,
  saveDraft,
} from "~/server/features/surveys/surveys";
import {
  addTouchpoint,
  deleteTouchpoint,
  moveTouchpoint,
  updateTouchpoint,
} from "~/server/features/journeys/touchpoints";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("Expected the call to be refused.");
}

async function zodMessages(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((i) => i.message);
    throw error;
  }
  throw new Error("Expected the input to be refused.");
}

const newMap = (actor: MembershipView, template: (typeof journeyTemplateKeys)[number]) =>
  createJourneyMapFromTemplate(db, actor, { name: `A ${template} map`, template });

/** Per stage and layer, the touchpoint names in order, and every stored position. */
function cells(map: JourneyMapDetail) {
  return map.stages.map((s) =>
    Object.fromEntries(
      touchpointLayers.map((layer) => [
        layer,
        s.touchpoints.filter((t) => t.layer === layer).map((t) => t.name),
      ]),
    ),
  );
}

function expectContiguous(map: JourneyMapDetail) {
  expect(map.stages.map((s) => s.position)).toEqual(map.stages.map((_, i) => i));
  for (const stage of map.stages) {
    for (const layer of touchpointLayers) {
      const positions = stage.touchpoints.filter((t) => t.layer === layer).map((t) => t.position);
      expect(positions).toEqual(positions.map((_, i) => i));
    }
  }
}

/** The map without ids, dates and name: what a copy must reproduce. */
function structure(map: JourneyMapDetail) {
  return {
    description: map.description,
    objective: map.objective,
    stages: map.stages.map(({ id: _id, touchpoints, kpis, tiedQuestionCount: _q, ...stage }) => ({
      ...stage,
      touchpoints: touchpoints.map(({ id: _t, stageId: _s, ...t }) => t),
      kpis: kpis.map(({ id: _k, ...k }) => k),
    })),
  };
}

describe("templates", () => {
  it.each(journeyTemplateKeys)("%s creates every stage, row and touchpoint", async (key) => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, key);
    const map = await getJourneyMap(db, actor, created.id);
    const template = journeyTemplates[key];

    expect(map.objective).toBe(template.objective);
    expect(map.stages).toHaveLength(template.stages.length);
    expectContiguous(map);
    template.stages.forEach((t, i) => {
      const stage = map.stages[i];
      expect(stage).toMatchObject({
        name: t.name,
        description: t.description,
        goals: t.goals,
        customerActions: t.customerActions,
        timeFrame: t.timeFrame,
        personnel: t.personnel,
        isFocus: t.isFocus ?? false,
        drivers: t.drivers ?? [],
        barriers: t.barriers ?? [],
        valueProposition: t.valueProposition ?? [],
      });
      // Touchpoints come back grouped by layer, in template order within each layer.
      const expected = touchpointLayers.flatMap((layer) =>
        t.touchpoints
          .filter((tp) => tp.layer === layer)
          .map((tp) => ({
            name: tp.name,
            layer: tp.layer,
            channel: tp.channel,
            team: tp.team ?? "",
            effort: tp.effort ?? null,
            momentOfTruth: tp.momentOfTruth ?? false,
          })),
      );
      expect(
        stage?.touchpoints.map(({ name, layer, channel, team, effort, momentOfTruth }) => ({
          name,
          layer,
          channel,
          team,
          effort,
          momentOfTruth,
        })),
      ).toEqual(expected);
      expect(stage?.kpis.map((k) => k.name)).toEqual((t.kpis ?? []).map((k) => k.name));
      expect(stage?.contactStrategy.rulesAndTriggers).toEqual(
        t.contactStrategy?.rulesAndTriggers ?? [],
      );
      expect(stage?.enablers.technology).toEqual(t.enablers?.technology ?? []);
    });
  });

  it("car buying: five stages with goals, actions, personnel and all three layers in each", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const map = await getJourneyMap(db, actor, (await newMap(actor, "carBuying")).id);
    expect(map.stages.map((s) => s.name)).toEqual([
      "Discovery",
      "Comparing",
      "Considering",
      "Purchase",
      "Post-purchase",
    ]);
    for (const stage of map.stages) {
      expect(stage.goals.length).toBeGreaterThan(0);
      expect(stage.customerActions.length).toBeGreaterThan(0);
      expect(stage.personnel.length).toBeGreaterThan(0);
      expect(new Set(stage.touchpoints.map((t) => t.layer)).size).toBe(3);
    }
    expect(map.stages.filter((s) => s.isFocus).map((s) => s.name)).toEqual([
      "Considering",
      "Purchase",
    ]);
  });

  it("theatre: website and survey tool in front, mailing tool and sales database behind", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const map = await getJourneyMap(db, actor, (await newMap(actor, "theatre")).id);
    expect(map.stages.map((s) => s.name)).toEqual([
      "Join the mailing list",
      "Open newsletter",
      "Click",
      "Buy tickets",
      "Post-show survey",
    ]);
    const names = (layer: TTouchpointLayer) =>
      map.stages.flatMap((s) => s.touchpoints.filter((t) => t.layer === layer).map((t) => t.name));
    expect(names("FRONT_OF_HOUSE").join(" | ")).toMatch(/Website/);
    expect(names("FRONT_OF_HOUSE")).toContain("Survey tool");
    expect(names("BACK_OF_HOUSE")).toContain("Mailing tool");
    expect(names("BACK_OF_HOUSE")).toContain("Sales database");
  });

  it("blank has no stages; generic has its six", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    expect((await newMap(actor, "blank")).stages).toEqual([]);
    expect((await newMap(actor, "generic")).stages.map((s) => s.name)).toEqual([
      "Discovery",
      "Research",
      "Explore",
      "Choose",
      "Purchase",
      "Advocate",
    ]);
  });
});

describe("duplicate", () => {
  it("copies every stage field, touchpoint and KPI, and the copy is independent", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const original = await newMap(actor, "carBuying");
    const survey = await createJourneySurvey(db, actor, {
      title: "Tied",
      journeyMapId: original.id,
    });
    await linkJourneySurvey(db, actor, { journeyMapId: original.id, surveyId: survey.id });
    const before = await getJourneyMap(db, actor, original.id);

    const copy = await duplicateJourneyMap(db, actor, { journeyMapId: original.id });
    expect(copy.name).toBe(`Copy of ${original.name}`);
    const copied = await getJourneyMap(db, actor, copy.id);
    expect(structure(copied)).toEqual(structure(before));
    // Evidence stays with the original.
    expect(copied.survey).toBeNull();
    expect(copied.stages.every((s) => s.tiedQuestionCount === 0)).toBe(true);

    const ids = (m: JourneyMapDetail) => [
      ...m.stages.map((s) => s.id),
      ...m.stages.flatMap((s) => s.touchpoints.map((t) => t.id)),
      ...m.stages.flatMap((s) => s.kpis.map((k) => k.id)),
    ];
    const shared = ids(copied).filter((id) => ids(before).includes(id));
    expect(shared).toEqual([]);

    // Changing the copy leaves the original as it was, and the other way round.
    const [first, second] = copied.stages;
    if (!first || !second) throw new Error("The copy has too few stages.");
    await updateStage(db, actor, {
      stageId: first.id,
      name: "Renamed in the copy",
      goals: ["Only in the copy"],
      contactStrategy: { channels: ["PRINT"] },
    });
    await setStageKpis(db, actor, { stageId: first.id, kpis: [] });
    const tp = first.touchpoints[0];
    if (!tp) throw new Error("The copy's first stage has no touchpoints.");
    await updateTouchpoint(db, actor, { touchpointId: tp.id, name: "Changed" });
    await moveStage(db, actor, { stageId: second.id, index: 0 });
    expect(structure(await getJourneyMap(db, actor, original.id))).toEqual(structure(before));

    await deleteSurvey(db, actor, survey.id);
    await deleteJourneyMap(db, actor, { journeyMapId: original.id });
    const after = await getJourneyMap(db, actor, copy.id);
    expect(after.stages.map((s) => s.name)).toEqual([
      "Comparing",
      "Renamed in the copy",
      "Considering",
      "Purchase",
      "Post-purchase",
    ]);
    expect(after.stages[1]?.touchpoints[0]?.name).toBe("Changed");
  });

  it("takes a new name when given one", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const original = await newMap(actor, "generic");
    const copy = await duplicateJourneyMap(db, actor, {
      journeyMapId: original.id,
      name: "  Second try  ",
    });
    expect(copy.name).toBe("Second try");
    expect((await listJourneyMaps(db, actor)).map((m) => m.name)).toEqual([
      original.name,
      "Second try",
    ]);
  });
});

describe("reordering", () => {
  it("moves, adds and deletes stages with positions 0..n-1 in the intended order", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, "generic");
    const names = async () =>
      (await getJourneyMap(db, actor, created.id)).stages.map((s) => s.name);
    const id = async (name: string) => {
      const stage = (await getJourneyMap(db, actor, created.id)).stages.find(
        (s) => s.name === name,
      );
      if (!stage) throw new Error(`No stage ${name}`);
      return stage.id;
    };

    await moveStage(db, actor, { stageId: await id("Purchase"), index: 0 });
    expect(await names()).toEqual([
      "Purchase",
      "Discovery",
      "Research",
      "Explore",
      "Choose",
      "Advocate",
    ]);
    // An index past the end means "last".
    await moveStage(db, actor, { stageId: await id("Discovery"), index: 99 });
    await addStage(db, actor, { journeyMapId: created.id, name: "Onboarding", index: 2 });
    await addStage(db, actor, { journeyMapId: created.id, name: "Renewal" });
    await deleteStage(db, actor, { stageId: await id("Explore") });
    expect(await names()).toEqual([
      "Purchase",
      "Research",
      "Onboarding",
      "Choose",
      "Advocate",
      "Discovery",
      "Renewal",
    ]);
    expectContiguous(await getJourneyMap(db, actor, created.id));
  });

  it("keeps stage positions contiguous and in model order over random move sequences", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, "generic");
    let model = created.stages.map((s) => s.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(5), fc.nat(7)), { minLength: 1, maxLength: 6 }),
        async (moves) => {
          for (const [from, to] of moves) {
            const stageId = model[from] as string;
            await moveStage(db, actor, { stageId, index: to });
            model = moveItem(model, from, to);
          }
          const map = await getJourneyMap(db, actor, created.id);
          expect(map.stages.map((s) => s.id)).toEqual(model);
          expectContiguous(map);
        },
      ),
      { numRuns: 12, seed: 6 },
    );
  });

  it("moves touchpoints within a cell, to another layer and to another stage", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, "blank");
    const a = await addStage(db, actor, { journeyMapId: created.id, name: "A" });
    const b = await addStage(db, actor, { journeyMapId: created.id, name: "B" });
    const add = (stageId: string, name: string, layer: TTouchpointLayer = "FRONT_OF_HOUSE") =>
      addTouchpoint(db, actor, { stageId, layer, name, channel: "WEB" });
    const t1 = await add(a.id, "one");
    await add(a.id, "two");
    const t3 = await add(a.id, "three");
    await add(b.id, "four");
    const read = async () => cells(await getJourneyMap(db, actor, created.id));

    await moveTouchpoint(db, actor, {
      touchpointId: t3.id,
      stageId: a.id,
      layer: "FRONT_OF_HOUSE",
      index: 0,
    });
    expect((await read())[0]?.FRONT_OF_HOUSE).toEqual(["three", "one", "two"]);

    await moveTouchpoint(db, actor, {
      touchpointId: t1.id,
      stageId: b.id,
      layer: "FRONT_OF_HOUSE",
      index: 0,
    });
    await moveTouchpoint(db, actor, {
      touchpointId: t3.id,
      stageId: a.id,
      layer: "BACK_OF_HOUSE",
      index: 5,
    });
    expect(await read()).toEqual([
      { CUSTOMER_ACTION: [], FRONT_OF_HOUSE: ["two"], BACK_OF_HOUSE: ["three"] },
      { CUSTOMER_ACTION: [], FRONT_OF_HOUSE: ["one", "four"], BACK_OF_HOUSE: [] },
    ]);
    await deleteTouchpoint(db, actor, { touchpointId: t1.id });
    const map = await getJourneyMap(db, actor, created.id);
    expect(cells(map)[1]?.FRONT_OF_HOUSE).toEqual(["four"]);
    expectContiguous(map);
  });

  it("refuses to move a touchpoint onto another map", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const one = await newMap(actor, "generic");
    const two = await newMap(actor, "generic");
    const source = await getJourneyMap(db, actor, one.id);
    const tp = source.stages[0]?.touchpoints[0];
    const error = await domainError(
      moveTouchpoint(db, actor, {
        touchpointId: tp?.id ?? "",
        stageId: two.stages[0]?.id ?? "",
        layer: "CUSTOMER_ACTION",
        index: 0,
      }),
    );
    expect(error.code).toBe("INVALID_INPUT");
  });
});

describe("who may change maps", () => {
  it("lets strategists read but refuses every change, and changes nothing", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db);
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST");
    const { actor: researcher } = await addMember(db, workspace.id, "RESEARCHER");
    const created = await newMap(researcher, "carBuying");
    const before = await getJourneyMap(db, actor, created.id);
    const stage = before.stages[0];
    const tp = stage?.touchpoints[0];
    if (!stage || !tp) throw new Error("The template map is empty.");
    expect((await getJourneyMap(db, strategist, created.id)).name).toBe(created.name);
    expect(await listJourneyMaps(db, strategist)).toHaveLength(1);

    const attempts: Promise<unknown>[] = [
      newMap(strategist, "generic"),
      updateJourneyMap(db, strategist, { journeyMapId: created.id, name: "Mine now" }),
      duplicateJourneyMap(db, strategist, { journeyMapId: created.id }),
      deleteJourneyMap(db, strategist, { journeyMapId: created.id }),
      linkJourneySurvey(db, strategist, { journeyMapId: created.id, surveyId: null }),
      addStage(db, strategist, { journeyMapId: created.id, name: "New" }),
      updateStage(db, strategist, { stageId: stage.id, name: "Renamed" }),
      moveStage(db, strategist, { stageId: stage.id, index: 3 }),
      setStageKpis(db, strategist, { stageId: stage.id, kpis: [] }),
      deleteStage(db, strategist, { stageId: stage.id }),
      addTouchpoint(db, strategist, { stageId: stage.id, layer: "BACK_OF_HOUSE", name: "CRM" }),
      updateTouchpoint(db, strategist, { touchpointId: tp.id, name: "Renamed" }),
      moveTouchpoint(db, strategist, {
        touchpointId: tp.id,
        stageId: stage.id,
        layer: "BACK_OF_HOUSE",
        index: 0,
      }),
      deleteTouchpoint(db, strategist, { touchpointId: tp.id }),
      decideMomentOfTruth(db, strategist, {
        journeyMapId: created.id,
        stageId: stage.id,
        personaKey: "p1",
        decision: "ACCEPTED",
      }),
    ];
    for (const attempt of attempts) {
      const error = await domainError(attempt);
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/owner or researcher role; you are a strategist/);
    }
    expect(structure(await getJourneyMap(db, actor, created.id))).toEqual(structure(before));
    expect(await db.journeyMap.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("does not reach maps, stages or touchpoints of another workspace", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { actor: stranger } = await makeWorkspaceWithOwner(db, "Elsewhere");
    const map = await getJourneyMap(db, actor, (await newMap(actor, "generic")).id);
    const stage = map.stages[0];
    const tp = stage?.touchpoints[0];
    // Thunks, so that each call starts only when awaited: a rejection created early and awaited
    // later counts as unhandled.
    for (const attempt of [
      () => getJourneyMap(db, stranger, map.id),
      () => updateStage(db, stranger, { stageId: stage?.id ?? "", name: "x" }),
      () => deleteTouchpoint(db, stranger, { touchpointId: tp?.id ?? "" }),
      () => duplicateJourneyMap(db, stranger, { journeyMapId: map.id }),
    ]) {
      expect((await domainError(attempt())).code).toBe("NOT_FOUND");
    }
  });
});

describe("input checks", () => {
  it("refuse bad input with messages a researcher can act on", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const map = await getJourneyMap(db, actor, (await newMap(actor, "generic")).id);
    const stageId = map.stages[0]?.id ?? "";

    expect(await zodMessages(updateStage(db, actor, { stageId, name: "   " }))).toEqual([
      "Give the stage a name.",
    ]);
    expect(
      await zodMessages(
        addTouchpoint(db, actor, {
          stageId,
          name: "",
          layer: "BASEMENT" as TTouchpointLayer,
        }),
      ),
    ).toEqual([
      "Give the touchpoint a name.",
      "Choose a layer: customer actions, front of house or back of house.",
    ]);
    expect(
      await zodMessages(
        setStageKpis(db, actor, {
          stageId,
          kpis: [{ name: "Conversion", target: "lots" as unknown as number }],
        }),
      ),
    ).toEqual(["The KPI target must be a number."]);
    expect(
      await zodMessages(
        updateStage(db, actor, { stageId, goals: Array.from({ length: 31 }, (_, i) => `g${i}`) }),
      ),
    ).toEqual(["Goals can have at most 30 items."]);
    expect(
      await zodMessages(
        createJourneyMapFromTemplate(db, actor, { name: "X", template: "generic" }),
      ),
    ).toEqual(["Journey names need at least 2 characters."]);

    // Blank list items (an empty last line in a textarea) are dropped, not refused.
    const parsed = ZUpdateStageInput.parse({ stageId, goals: ["  First ", "", "   "] });
    expect(parsed.goals).toEqual(["First"]);
    expect(
      ZAddTouchpointInput.safeParse({ stageId, layer: "FRONT_OF_HOUSE", name: "Web" }).success,
    ).toBe(true);
    expect(
      ZSetStageKpisInput.safeParse({ stageId, kpis: [{ name: "x", target: Number.NaN }] }).success,
    ).toBe(false);
  });

  it("reach a person through the API as one readable message", async () => {
    const { owner, workspace } = await makeWorkspaceWithOwner(db);
    const caller = createCaller({
      db,
      user: { id: owner.id, email: owner.email, name: owner.name },
    });
    const created = await caller.journey.createFromTemplate({
      workspaceId: workspace.id,
      name: "Via the API",
      template: "theatre",
    });
    const stageId = created.stages[0]?.id ?? "";
    try {
      await caller.journey.touchpoint.add({
        workspaceId: workspace.id,
        stageId,
        layer: "BACK_OF_HOUSE",
        name: "",
        channel: "FAX" as "WEB",
      });
      throw new Error("Expected a refusal.");
    } catch (error) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      // What the browser receives (the error formatter's message).
      expect(describeFailure(error as TRPCError).message).toBe(
        "Give the touchpoint a name. " +
          "Choose a channel: web, email, phone, in person, social, app, print or other.",
      );
    }
    await caller.journey.stage.update({ workspaceId: workspace.id, stageId, name: "Sign up" });
    const map = await caller.journey.get({ workspaceId: workspace.id, journeyMapId: created.id });
    expect(map.stages[0]?.name).toBe("Sign up");
  });
});

describe("deleting stages and maps that surveys use", () => {
  it("refuses while questions are tied to the stage, and deletes once they are not", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, "generic");
    const [first, second] = created.stages;
    if (!first || !second) throw new Error("The template has too few stages.");
    const meta = { title: "Stage survey", journeyMapId: created.id };
    const question = (stageId: string | null) => ({
      key: "feel",
      type: "EMOTION" as const,
      role: "EMOTION" as const,
      stageId,
      text: { en: "How did you feel?" },
    });
    const survey = await createSurvey(db, actor, meta, [question(first.id)]);

    const draft = await domainError(deleteStage(db, actor, { stageId: first.id }));
    expect(draft.code).toBe("CONFLICT");
    expect(draft.message).toBe(
      '"Discovery" cannot be deleted yet: questions in the draft of "Stage survey" are tied to ' +
        "it. Tie them to another stage in the survey builder first.",
    );
    const mapDelete = await domainError(deleteJourneyMap(db, actor, { journeyMapId: created.id }));
    expect(mapDelete.code).toBe("CONFLICT");
    expect(mapDelete.message).toMatch(/questions in "Stage survey" are tied to its stages/);

    // Re-tied in the draft: the stage can go, and nothing else changed.
    await saveDraft(db, actor, survey.id, {
      meta: { ...meta, description: "", languages: ["en"] },
      questions: [question(second.id)],
    });
    await deleteStage(db, actor, { stageId: first.id });
    const map = await getJourneyMap(db, actor, created.id);
    expect(map.stages.map((s) => s.name)).toEqual([
      "Research",
      "Explore",
      "Choose",
      "Purchase",
      "Advocate",
    ]);
    expect(map.stages[0]?.tiedQuestionCount).toBe(1);

    // Published, the answers belong to the stage for good.
    await publishSurvey(db, actor, survey.id);
    const published = await domainError(deleteStage(db, actor, { stageId: second.id }));
    expect(published.code).toBe("CONFLICT");
    expect(published.message).toMatch(
      /^"Research" cannot be deleted: the published survey "Stage survey" asks about it/,
    );
    expect((await getJourneyMap(db, actor, created.id)).stages).toHaveLength(5);
    expect(await db.question.count({ where: { stageId: second.id } })).toBe(1);
  });

  it("deletes a map nobody's questions use, with everything on it", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, "carBuying");
    await deleteJourneyMap(db, actor, { journeyMapId: created.id });
    expect(await db.journeyMap.count({ where: { id: created.id } })).toBe(0);
    expect(await db.stage.count({ where: { journeyMapId: created.id } })).toBe(0);
    expect(
      await db.touchpoint.count({ where: { stageId: { in: created.stages.map((s) => s.id) } } }),
    ).toBe(0);
  });
});

describe("the map's own fields and its survey", () => {
  it("saves name, objective and focus stages, and the structured stage fields", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await newMap(actor, "generic");
    const [a, , c] = created.stages;
    await updateJourneyMap(db, actor, {
      journeyMapId: created.id,
      name: "Renamed map",
      objective: "RETAIN",
      focusStageIds: [a?.id ?? "", c?.id ?? ""],
    });
    await updateStage(db, actor, {
      stageId: a?.id ?? "",
      timeFrame: "2 weeks",
      drivers: ["Price"],
      contactStrategy: {
        rulesAndTriggers: ["Abandoned cart"],
        channels: ["SOCIAL", "EMAIL", "EMAIL"],
        businessCase: "Pays for itself",
      },
      enablers: { data: ["Cart events"] },
    });
    await setStageKpis(db, actor, {
      stageId: a?.id ?? "",
      kpis: [
        { name: "Conversion", target: 4.5, currentValue: 3.1, unit: "%" },
        { name: "Visits", unit: "" },
      ],
    });
    const map = await getJourneyMap(db, actor, created.id);
    expect(map).toMatchObject({ name: "Renamed map", objective: "RETAIN" });
    expect(map.stages.filter((s) => s.isFocus).map((s) => s.id)).toEqual([a?.id, c?.id]);
    expect(map.stages[0]).toMatchObject({
      timeFrame: "2 weeks",
      drivers: ["Price"],
      contactStrategy: {
        rulesAndTriggers: ["Abandoned cart"],
        channels: ["EMAIL", "SOCIAL"],
        offersAndContent: [],
        businessCase: "Pays for itself",
      },
      enablers: { data: ["Cart events"], people: [], process: [], technology: [] },
    });
    expect(map.stages[0]?.kpis.map(({ id: _id, ...k }) => k)).toEqual([
      { name: "Conversion", target: 4.5, currentValue: 3.1, unit: "%" },
      { name: "Visits", target: null, currentValue: null, unit: "" },
    ]);
    // Untouched fields keep their values.
    expect(map.stages[0]?.goals).toEqual(journeyTemplates.generic.stages[0]?.goals);

    await updateJourneyMap(db, actor, { journeyMapId: created.id, focusStageIds: [] });
    expect((await getJourneyMap(db, actor, created.id)).stages.some((s) => s.isFocus)).toBe(false);
    const other = await newMap(actor, "generic");
    const wrong = await domainError(
      updateJourneyMap(db, actor, {
        journeyMapId: created.id,
        focusStageIds: [other.stages[0]?.id ?? ""],
      }),
    );
    expect(wrong.code).toBe("INVALID_INPUT");
  });

  it("a journey survey links itself to a map that has no survey yet, and never takes over a linked one", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const map = await newMap(actor, "theatre");
    const blank = await createSurvey(db, actor, { title: "Unrelated" });
    expect((await getJourneyMap(db, actor, map.id)).survey).toBeNull();

    const first = await createJourneySurvey(db, actor, { title: "Audience", journeyMapId: map.id });
    expect((await getJourneyMap(db, actor, map.id)).survey?.id).toBe(first.id);
    const stored = await db.survey.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.journeyMapId).toBe(map.id);

    // A second survey over the same stages leaves the map's evidence with the first one.
    await createJourneySurvey(db, actor, { title: "Audience again", journeyMapId: map.id });
    expect((await getJourneyMap(db, actor, map.id)).survey?.id).toBe(first.id);
    // Once unlinked by hand, the next journey survey takes the map again.
    await linkJourneySurvey(db, actor, { journeyMapId: map.id, surveyId: null });
    const third = await createJourneySurvey(db, actor, { title: "Third", journeyMapId: map.id });
    expect((await getJourneyMap(db, actor, map.id)).survey?.id).toBe(third.id);
    expect((await getJourneyMap(db, actor, map.id)).survey?.id).not.toBe(blank.id);
  });

  it("links a survey and matches its questions to stages by id, or by name on another map", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { actor: stranger } = await makeWorkspaceWithOwner(db, "Elsewhere");
    const original = await newMap(actor, "carBuying");
    const survey = await createJourneySurvey(db, actor, {
      title: "Car survey",
      journeyMapId: original.id,
    });
    await publishSurvey(db, actor, survey.id);
    const copy = await duplicateJourneyMap(db, actor, { journeyMapId: original.id });
    const renamed = copy.stages[1];
    await updateStage(db, actor, { stageId: renamed?.id ?? "", name: "Shopping around" });

    await linkJourneySurvey(db, actor, { journeyMapId: original.id, surveyId: survey.id });
    await linkJourneySurvey(db, actor, { journeyMapId: copy.id, surveyId: survey.id });
    const linked = await getJourneyMap(db, actor, original.id);
    expect(linked.survey).toMatchObject({ id: survey.id, title: "Car survey", versionNumber: 1 });
    expect(linked.stages.map((s) => linked.survey?.questionsByStage[s.id] ?? 0)).toEqual([
      3, 3, 3, 3, 3,
    ]);
    const byName = await getJourneyMap(db, actor, copy.id);
    expect(byName.stages.map((s) => byName.survey?.questionsByStage[s.id] ?? 0)).toEqual([
      3, 0, 3, 3, 3,
    ]);
    expect((await listJourneyMaps(db, actor)).map((m) => m.survey?.title ?? null)).toEqual([
      "Car survey",
      "Car survey",
    ]);

    const foreign = await createSurvey(db, stranger, { title: "Not yours" });
    expect(
      (
        await domainError(
          linkJourneySurvey(db, actor, { journeyMapId: original.id, surveyId: foreign.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    await linkJourneySurvey(db, actor, { journeyMapId: original.id, surveyId: null });
    expect((await getJourneyMap(db, actor, original.id)).survey).toBeNull();
  });
});

describe("fills and moment-of-truth decisions", () => {
  it("stores one fill per map and run, returns the newest run's, and keeps one decision per key", async () => {
    const { actor, owner } = await makeWorkspaceWithOwner(db);
    const { actor: stranger, owner: strangerOwner } = await makeWorkspaceWithOwner(db, "Other");
    const created = await newMap(actor, "carBuying");
    const survey = await createSurvey(db, actor, { title: "Runs" });
    const run = (createdAt: string, workspaceId = actor.workspaceId, by = owner.id) =>
      db.analysisRun.create({
        data: {
          workspaceId,
          surveyId: survey.id,
          createdById: by,
          parameters: {},
          createdAt: new Date(createdAt),
        },
      });
    const older = await run("2026-01-01T00:00:00Z");
    const newer = await run("2026-02-01T00:00:00Z");

    expect(await getJourneyFill(db, actor, { journeyMapId: created.id })).toBeNull();
    await storeJourneyFill(db, { journeyMapId: created.id, runId: newer.id, result: { v: 1 } });
    await storeJourneyFill(db, { journeyMapId: created.id, runId: older.id, result: { v: 0 } });
    await storeJourneyFill(db, { journeyMapId: created.id, runId: newer.id, result: { v: 2 } });
    expect(await db.journeyFill.count({ where: { journeyMapId: created.id } })).toBe(2);
    expect(await getJourneyFill(db, actor, { journeyMapId: created.id })).toMatchObject({
      runId: newer.id,
      result: { v: 2 },
    });
    expect(
      await getJourneyFill(db, actor, { journeyMapId: created.id, runId: older.id }),
    ).toMatchObject({ result: { v: 0 } });

    // A run of another workspace cannot fill this map.
    const strangerSurvey = await createSurvey(db, stranger, { title: "Theirs" });
    const foreignRun = await db.analysisRun.create({
      data: {
        workspaceId: stranger.workspaceId,
        surveyId: strangerSurvey.id,
        createdById: strangerOwner.id,
        parameters: {},
      },
    });
    expect(
      (
        await domainError(
          storeJourneyFill(db, { journeyMapId: created.id, runId: foreignRun.id, result: {} }),
        )
      ).code,
    ).toBe("NOT_FOUND");

    const stageId = created.stages[3]?.id ?? "";
    const decide = (decision: "ACCEPTED" | "DISMISSED") =>
      decideMomentOfTruth(db, actor, {
        journeyMapId: created.id,
        stageId,
        personaKey: "price-hunters",
        decision,
      });
    await decide("ACCEPTED");
    await decide("DISMISSED");
    expect(await listMomentOfTruthDecisions(db, actor, created.id)).toMatchObject([
      { stageId, personaKey: "price-hunters", decision: "DISMISSED", decidedBy: owner.name },
    ]);
    const other = await newMap(actor, "generic");
    expect(
      (
        await domainError(
          decideMomentOfTruth(db, actor, {
            journeyMapId: other.id,
            stageId,
            personaKey: "x",
            decision: "ACCEPTED",
          }),
        )
      ).code,
    ).toBe("INVALID_INPUT");
  });
});

describe("the journey mapping migration", () => {
  it("keeps each stage's former single goal as its first goal", async () => {
    const { migrations } = await readMigrations();
    const mine = migrations.findIndex((m) => m.name.endsWith("_journey_mapping"));
    expect(mine).toBeGreaterThan(0);
    const pg = new PGlite();
    try {
      for (const m of migrations.slice(0, mine)) await pg.exec(m.sql);
      await pg.exec(`
        INSERT INTO "Workspace" (id, name) VALUES ('w', 'W');
        INSERT INTO "JourneyMap" (id, "workspaceId", name, "updatedAt") VALUES ('m', 'w', 'M', now());
        INSERT INTO "Stage" (id, "journeyMapId", position, name, goal)
          VALUES ('s1', 'm', 0, 'One', 'Find a car'), ('s2', 'm', 1, 'Two', '');
      `);
      await pg.exec(migrations[mine]?.sql ?? "");
      const { rows } = await pg.query<{ id: string; goals: string[] }>(
        `SELECT id, goals FROM "Stage" ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: "s1", goals: ["Find a car"] },
        { id: "s2", goals: [] },
      ]);
    } finally {
      await pg.close();
    }
  }, 60_000);
});
