// Surveys on a real database: blank and journey surveys, the draft/publish version model (a
// published version never changes), validation that writes nothing half-way, open/closed, the
// public view of the latest published version, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import type { MembershipView } from "~/server/features/workspaces/access";
import { surveyWording } from "~/server/domain/survey/survey-wording";
import { updateStage } from "~/server/features/journeys/journey-stages";
import { getJourneyMap } from "~/server/features/journeys/journey-view";
import { createJourneyMapFromTemplate } from "~/server/features/journeys/journeys";
import {
  createJourneySurvey,
  createSurvey,
  deleteSurvey,
  getPublicSurvey,
  getSurveyForEditing,
  listSurveys,
  publishSurvey,
  saveDraft,
  setSurveyStatus,
  type SurveyForEditing,
} from "~/server/features/surveys/surveys";
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import {
  addMember,
  makeCarJourneySurvey,
  makeWorkspaceWithOwner,
  segmentLikert,
} from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const likert = segmentLikert;

/** The survey's question rows of one version, as stored, in order. */
const versionRows = async (surveyId: string, number: number) => {
  const version = await db.surveyVersion.findUniqueOrThrow({
    where: { surveyId_number: { surveyId, number } },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  return version;
};

/** Saves the editable state back unchanged except for the given questions. */
const saveQuestions = (
  actor: MembershipView,
  survey: SurveyForEditing,
  questions: TQuestionDefinitionInput[],
) => saveDraft(db, actor, survey.id, { meta: survey.meta, questions });

const carBuyingStages = ["Discovery", "Comparing", "Considering", "Purchase", "Post-purchase"];

async function journeySurvey(actor: MembershipView) {
  const { map, survey: created } = await makeCarJourneySurvey(db, actor, {
    map: "Car buying",
    survey: "Buying your car",
  });
  return { map, survey: await getSurveyForEditing(db, actor, created.id) };
}

describe("creating surveys", () => {
  it("creates a blank survey with an empty draft as version 1", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, actor, { title: "  Blank survey " });
    expect(slug).toMatch(/^[a-z0-9]{12}$/);
    const survey = await getSurveyForEditing(db, actor, id);
    expect(survey).toMatchObject({
      status: "OPEN",
      meta: { title: "Blank survey", description: "", languages: ["en"], journeyMapId: null },
      version: { number: 1, publishedAt: null },
      questions: [],
      stages: [],
      coverage: [],
    });
    expect(survey.versions).toEqual([
      { id: survey.version.id, number: 1, publishedAt: null, responseCount: 0 },
    ]);
    expect(await listSurveys(db, actor)).toEqual([
      expect.objectContaining({
        id,
        latestPublished: null,
        hasDraft: true,
        questionCount: 0,
        responseCount: 0,
      }),
    ]);
    expect(await getPublicSurvey(db, slug)).toBeNull();
  });

  it("creates a journey survey on a car-buying map: emotion, pain and thought per stage", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { map, survey } = await journeySurvey(actor);
    expect(map.stages.map((s) => s.name)).toEqual(carBuyingStages);
    expect(survey.meta).toMatchObject({ journeyMapId: map.id, languages: ["en", "de"] });
    expect(survey.stages).toEqual(map.stages.map((s) => ({ id: s.id, name: s.name })));

    for (const [index, stage] of map.stages.entries()) {
      const here = survey.questions.filter((q) => q.stageId === stage.id);
      expect(here.map((q) => [q.type, q.role, q.page, q.required])).toEqual([
        ["EMOTION", "EMOTION", index + 1, true],
        ["PAIN", "PAIN", index + 1, true],
        ["LONG_TEXT", "THOUGHT", index + 1, false],
      ]);
      expect(here.every((q) => q.text.en.includes(stage.name))).toBe(true);
    }
    const unlinked = survey.questions.filter((q) => q.stageId === null);
    expect(unlinked.map((q) => q.key)).toEqual([
      "price_focus",
      "research_depth",
      "advice_seeking",
      "main_channel",
      "age",
      "occupation",
      "hassle_free",
      "overpaying",
      "recommend",
    ]);
    expect(survey.questions).toHaveLength(9 + 3 * carBuyingStages.length);
    // The closing block asks what matters to people and what worries them, for persona cards.
    expect(survey.questions.filter((q) => q.role === "VALUE" || q.role === "FEAR")).toHaveLength(2);
    expect(survey.coverage.map((c) => [c.stageName, c.missing])).toEqual(
      carBuyingStages.map((name) => [name, []]),
    );
  });

  it("reports a stage without questions as missing emotion, pain and thoughts", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { map, survey } = await journeySurvey(actor);
    const purchase = map.stages.find((s) => s.name === "Purchase");
    const comparing = map.stages.find((s) => s.name === "Comparing");
    await saveQuestions(
      actor,
      survey,
      survey.questions.filter(
        (q) => q.stageId !== purchase?.id && !(q.stageId === comparing?.id && q.role === "PAIN"),
      ),
    );
    const after = await getSurveyForEditing(db, actor, survey.id);
    const missing = Object.fromEntries(after.coverage.map((c) => [c.stageName, c.missing]));
    expect(missing).toEqual({
      Discovery: [],
      Comparing: ["pain"],
      Considering: [],
      Purchase: ["emotion", "pain", "thoughts"],
      "Post-purchase": [],
    });
  });

  it("refuses a journey survey on a map without stages", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const blank = await createJourneyMapFromTemplate(db, actor, {
      name: "Empty",
      template: "blank",
    });
    await expect(
      createJourneySurvey(db, actor, { title: "Nothing to ask", journeyMapId: blank.id }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.survey.count({ where: { workspaceId: actor.workspaceId } })).toBe(0);
  });
});

describe("saving the draft", () => {
  it("refuses duplicate keys and writes nothing", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id } = await createSurvey(db, actor, { title: "Keys" }, [likert("a"), likert("b")]);
    const before = await getSurveyForEditing(db, actor, id);
    const attempt = saveDraft(db, actor, id, {
      meta: { ...before.meta, title: "Renamed" },
      questions: [likert("a"), likert("c"), likert("a")],
    });
    // Schema violations surface as a ZodError, which the API layer turns into BAD_REQUEST.
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues).toEqual([
      expect.objectContaining({ message: 'The key "a" is used twice.', path: [2, "key"] }),
    ]);
    const after = await getSurveyForEditing(db, actor, id);
    expect(after.meta.title).toBe("Keys");
    expect(after.questions.map((q) => q.key)).toEqual(["a", "b"]);
  });

  it("refuses a question tied to a stage outside the survey's map, and writes nothing", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { survey } = await journeySurvey(actor);
    const otherMap = await createJourneyMapFromTemplate(db, actor, {
      name: "Generic",
      template: "generic",
    });
    const strayStage = otherMap.stages[0]?.id;
    await expect(
      saveQuestions(actor, survey, [
        ...survey.questions,
        { key: "stray", type: "EMOTION", role: "EMOTION", stageId: strayStage, text: { en: "?" } },
      ]),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("stray") });

    // Tying questions to stages needs a map at all.
    await expect(
      saveDraft(db, actor, survey.id, {
        meta: { ...survey.meta, journeyMapId: null },
        questions: survey.questions,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const after = await getSurveyForEditing(db, actor, survey.id);
    expect(after.meta.journeyMapId).toBe(survey.meta.journeyMapId);
    expect(after.questions).toEqual(survey.questions);
    expect(after.versions).toHaveLength(1);
  });

  it("refuses a journey map of another workspace", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const other = await makeWorkspaceWithOwner(db, "Other");
    const foreignMap = await createJourneyMapFromTemplate(db, other.actor, {
      name: "Theirs",
      template: "carBuying",
    });
    const { id } = await createSurvey(db, actor, { title: "Mine" }, [likert("a")]);
    await expect(
      createSurvey(db, actor, { title: "Mine too", journeyMapId: foreignMap.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = await getSurveyForEditing(db, actor, id);
    await expect(
      saveDraft(db, actor, id, {
        meta: { ...before.meta, journeyMapId: foreignMap.id },
        questions: [likert("a")],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveDraft(db, actor, id, {
        meta: { ...before.meta, journeyMapId: "no-such-map" },
        questions: [likert("a")],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Still openable, still unlinked.
    expect((await getSurveyForEditing(db, actor, id)).meta.journeyMapId).toBeNull();
  });
});

describe("publishing", () => {
  it("keeps persona wording and the value and fear meanings, and gives the analysis option labels", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const channel = {
      key: "channel",
      type: "SINGLE_CHOICE",
      role: "SEGMENT",
      text: { en: "Where did you research?" },
      options: [
        { value: "in_person", label: { en: "In person" } },
        { value: "online", label: { en: "Online" } },
      ],
      persona: {
        options: { in_person: { phrase: "visits the showroom", title: "Showroom Visitor" } },
      },
    } satisfies TQuestionDefinitionInput;
    const questions = [
      channel,
      likert("price", {
        role: "VALUE",
        persona: { high: { phrase: "hunts for the best price", title: "Price Hunter" } },
      }),
      likert("worry", { role: "FEAR" }),
    ] satisfies TQuestionDefinitionInput[];
    const { id } = await createSurvey(db, actor, { title: "Wording" }, questions);
    const editing = await getSurveyForEditing(db, actor, id);
    expect(editing.questions.map((q) => [q.key, q.role, q.persona])).toEqual([
      ["channel", "SEGMENT", channel.persona],
      ["price", "VALUE", { high: { phrase: "hunts for the best price", title: "Price Hunter" } }],
      ["worry", "FEAR", null],
    ]);
    const input = await loadAnalysisInput(db, {
      surveyId: id,
      versionIds: [editing.version.id],
      includePartial: true,
    });
    expect(input.questions[0]).toMatchObject({
      id: "channel",
      options: ["in_person", "online"],
      optionLabels: { in_person: "In person", online: "Online" },
      persona: channel.persona,
    });
    expect(input.questions.map((q) => q.role)).toEqual(["SEGMENT", "VALUE", "FEAR"]);
  });

  it("freezes the published version: later edits go to a draft of version 2", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, actor, { title: "Versions" }, [
      likert("a"),
      likert("b"),
    ]);
    const publishedAt = new Date("2026-03-01T10:00:00Z");
    expect(await publishSurvey(db, actor, id, publishedAt)).toEqual({ versionNumber: 1, slug });
    const v1 = await versionRows(id, 1);
    expect(v1.publishedAt).toEqual(publishedAt);

    const editing = await getSurveyForEditing(db, actor, id);
    expect(editing.version).toMatchObject({ number: 1, publishedAt });
    const edited = [
      likert("a", { text: { en: "Reworded a" } }),
      likert("c"),
      { key: "note", type: "SHORT_TEXT", text: { en: "Anything else?" } },
    ] satisfies TQuestionDefinitionInput[];
    expect(await saveQuestions(actor, editing, edited)).toEqual({ versionNumber: 2 });
    // Saving again edits the same draft rather than opening version 3.
    expect(await saveQuestions(actor, editing, edited)).toEqual({ versionNumber: 2 });

    expect(await versionRows(id, 1)).toEqual(v1);
    const v2 = await versionRows(id, 2);
    expect(v2.publishedAt).toBeNull();
    expect(v2.questions.map((q) => [q.key, (q.text as { en: string }).en])).toEqual([
      ["a", "Reworded a"],
      ["c", "Statement c"],
      ["note", "Anything else?"],
    ]);
    // Question ids differ between versions; keys carry the identity.
    expect(v2.questions.map((q) => q.id)).not.toContain(v1.questions[0]?.id);

    const after = await getSurveyForEditing(db, actor, id);
    expect(after.version).toMatchObject({ number: 2, publishedAt: null });
    expect(after.versions.map((v) => [v.number, v.publishedAt])).toEqual([
      [2, null],
      [1, publishedAt],
    ]);
    expect(await listSurveys(db, actor)).toEqual([
      expect.objectContaining({ id, latestPublished: 1, hasDraft: true, questionCount: 3 }),
    ]);

    expect(await publishSurvey(db, actor, id)).toEqual({ versionNumber: 2, slug });
    expect(await versionRows(id, 1)).toEqual(v1);
  });

  it("refuses to publish without changes or without questions", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const empty = await createSurvey(db, actor, { title: "Empty" });
    await expect(publishSurvey(db, actor, empty.id)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect((await versionRows(empty.id, 1)).publishedAt).toBeNull();

    const { id } = await createSurvey(db, actor, { title: "Once" }, [likert("a")]);
    await publishSurvey(db, actor, id);
    await expect(publishSurvey(db, actor, id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.surveyVersion.count({ where: { surveyId: id } })).toBe(1);
  });

  it("shows respondents the latest published version, never the draft", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, actor, { title: "Public" }, [likert("a")]);
    expect(await getPublicSurvey(db, slug)).toBeNull();
    await publishSurvey(db, actor, id);
    const editing = await getSurveyForEditing(db, actor, id);
    await saveQuestions(actor, editing, [likert("a"), likert("draft_only")]);

    const v1 = await getPublicSurvey(db, slug);
    expect(v1).toMatchObject({ title: "Public", status: "OPEN", versionNumber: 1 });
    expect(v1?.questions.map((q) => q.key)).toEqual(["a"]);
    expect(v1?.versionId).toBe((await versionRows(id, 1)).id);

    await publishSurvey(db, actor, id);
    const v2 = await getPublicSurvey(db, slug);
    expect(v2?.versionNumber).toBe(2);
    expect(v2?.questions.map((q) => q.key)).toEqual(["a", "draft_only"]);
    expect(await getPublicSurvey(db, "no-such-slug")).toBeNull();
  });

  it("closes and reopens", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, actor, { title: "Status" }, [likert("a")]);
    await publishSurvey(db, actor, id);
    await setSurveyStatus(db, actor, id, "CLOSED");
    expect((await getPublicSurvey(db, slug))?.status).toBe("CLOSED");
    expect((await getSurveyForEditing(db, actor, id)).status).toBe("CLOSED");
    await setSurveyStatus(db, actor, id, "OPEN");
    expect((await getPublicSurvey(db, slug))?.status).toBe("OPEN");
    expect((await listSurveys(db, actor))[0]).toMatchObject({ id, status: "OPEN" });
  });
});

describe("access", () => {
  it("lets strategists read but not create, save, publish, close or delete", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db);
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST");
    const { actor: researcher } = await addMember(db, workspace.id, "RESEARCHER");
    const map = await createJourneyMapFromTemplate(db, researcher, {
      name: "Car buying",
      template: "carBuying",
    });
    const { id } = await createSurvey(db, researcher, { title: "Team survey" }, [likert("a")]);
    const editing = await getSurveyForEditing(db, strategist, id);
    const forbidden = { code: "FORBIDDEN" };

    await expect(createSurvey(db, strategist, { title: "Mine" })).rejects.toMatchObject(forbidden);
    await expect(
      createJourneySurvey(db, strategist, { title: "Mine", journeyMapId: map.id }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      createJourneyMapFromTemplate(db, strategist, { name: "Mine", template: "generic" }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      saveDraft(db, strategist, id, { meta: editing.meta, questions: [likert("b")] }),
    ).rejects.toMatchObject(forbidden);
    await expect(publishSurvey(db, strategist, id)).rejects.toMatchObject(forbidden);
    await expect(setSurveyStatus(db, strategist, id, "CLOSED")).rejects.toMatchObject(forbidden);
    await expect(deleteSurvey(db, strategist, id)).rejects.toMatchObject(forbidden);

    const after = await getSurveyForEditing(db, actor, id);
    expect(after.questions.map((q) => q.key)).toEqual(["a"]);
    expect(after.version.publishedAt).toBeNull();
    expect(await db.survey.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("treats another workspace's survey as not found", async () => {
    const mine = await makeWorkspaceWithOwner(db, "Mine");
    const theirs = await makeWorkspaceWithOwner(db, "Theirs");
    const { id } = await createSurvey(db, theirs.actor, { title: "Theirs" }, [likert("a")]);
    const notFound = { code: "NOT_FOUND" };
    const meta = { title: "Taken over", description: "", languages: ["en" as const] };

    await expect(getSurveyForEditing(db, mine.actor, id)).rejects.toMatchObject(notFound);
    await expect(
      saveDraft(db, mine.actor, id, { meta: { ...meta, journeyMapId: null }, questions: [] }),
    ).rejects.toMatchObject(notFound);
    await expect(publishSurvey(db, mine.actor, id)).rejects.toMatchObject(notFound);
    await expect(setSurveyStatus(db, mine.actor, id, "CLOSED")).rejects.toMatchObject(notFound);
    await expect(deleteSurvey(db, mine.actor, id)).rejects.toMatchObject(notFound);
    expect(await listSurveys(db, mine.actor)).toEqual([]);

    const untouched = await getSurveyForEditing(db, theirs.actor, id);
    expect(untouched).toMatchObject({ status: "OPEN", meta: { title: "Theirs" } });
    expect(untouched.version.publishedAt).toBeNull();
    expect(untouched.questions.map((q) => q.key)).toEqual(["a"]);
  });
});

describe("German wording of the survey and its stages", () => {
  it("keeps a German title and description, and shows them on the German page only", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const created = await createSurvey(db, actor, { title: "Sign-up", languages: ["en", "de"] }, [
      likert("ease"),
    ]);
    // A survey saved before the German fields existed reads back with them empty.
    const before = await getSurveyForEditing(db, actor, created.id);
    expect(before.meta).toMatchObject({ titleDe: "", descriptionDe: "" });

    await saveDraft(db, actor, created.id, {
      meta: { ...before.meta, titleDe: "  Anmeldung ", descriptionDe: "Zwei Minuten." },
      questions: [likert("ease")],
    });
    const saved = await getSurveyForEditing(db, actor, created.id);
    expect(saved.meta).toMatchObject({ titleDe: "Anmeldung", descriptionDe: "Zwei Minuten." });
    await publishSurvey(db, actor, created.id);
    const page = await getPublicSurvey(db, saved.slug);
    if (!page) throw new Error("not published");
    expect(surveyWording(page, "de")).toEqual({ title: "Anmeldung", description: "Zwei Minuten." });
    expect(surveyWording(page, "en")).toEqual({ title: "Sign-up", description: "" });
    // No German written: the German page falls back to the English.
    expect(surveyWording({ ...page, titleDe: "", descriptionDe: " " }, "de")).toEqual({
      title: "Sign-up",
      description: "",
    });
  });

  it("puts the stages' German names into the German questions of a journey survey", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { map, survey } = await journeySurvey(actor);
    const purchase = survey.questions.find(
      (q) => q.role === "PAIN" && q.stageId === map.stages[3]?.id,
    );
    expect(purchase?.text.en).toContain("Purchase");
    expect(purchase?.text.de).toContain("„Kauf“");
    expect(survey.meta.descriptionDe).toContain("Kauf");

    // A name changed on the map reaches the next survey made from it.
    const stage = map.stages[3];
    if (!stage) throw new Error("no fourth stage");
    await updateStage(db, actor, { stageId: stage.id, nameDe: "Kaufabschluss" });
    const detail = await getJourneyMap(db, actor, map.id);
    expect(detail.stages[3]?.nameDe).toBe("Kaufabschluss");
    const again = await createJourneySurvey(db, actor, { title: "Again", journeyMapId: map.id });
    const edited = await getSurveyForEditing(db, actor, again.id);
    const pain = edited.questions.find((q) => q.role === "PAIN" && q.stageId === stage.id);
    expect(pain?.text.de).toContain("„Kaufabschluss“");
    expect(pain?.text.en).toContain("Purchase");
    // Without a German name the stage's own name stands in.
    await updateStage(db, actor, { stageId: stage.id, nameDe: "" });
    const third = await createJourneySurvey(db, actor, { title: "Third", journeyMapId: map.id });
    const plain = (await getSurveyForEditing(db, actor, third.id)).questions.find(
      (q) => q.role === "PAIN" && q.stageId === stage.id,
    );
    expect(plain?.text.de).toContain("„Purchase“");
  });
});
