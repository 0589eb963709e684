// The REST API v1 handlers against real SQL, called with real Request objects as Next calls
// them: key authentication (missing, malformed, unknown, revoked), per-key rate limits,
// workspace isolation (another workspace's survey is a 404 indistinguishable from a missing one),
// surveys and versions, idempotent submit, paged lists with filters, and CSV/JSON export. Every
// success body is parsed with the schema the OpenAPI document publishes for it.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { RequestLimiter } from "~/server/http/rate-limit";
import {
  handleExportResponses,
  handleListResponses,
  handleSubmitResponse,
} from "~/server/http/v1/responses";
import {
  ZApiResponsePage,
  ZApiSurveyList,
  ZApiSurveyVersion,
  ZErrorBody,
  ZExportJsonBody,
  ZSaveResponseResult,
} from "~/server/http/v1/schemas";
import { handleGetSurveyVersion, handleListSurveys } from "~/server/http/v1/surveys";
import { apiKeyRequestsPerMinute } from "~/server/http/v1/with-api-key";
import { createApiKey, revokeApiKey } from "~/server/features/api-keys/api-keys";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  createSurvey,
  getSurveyForEditing,
  publishSurvey,
  saveDraft,
  setSurveyStatus,
} from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let actor: MembershipView;
let key: string;
let surveyId: string;
let draftOnlyId: string;
let closedId: string;
let foreignSurveyId: string;
let foreignKey: string;

const questions: TQuestionDefinitionInput[] = [
  {
    key: "price_focus",
    type: "LIKERT",
    required: true,
    settings: { points: 5 },
    text: { en: "Price matters most.", de: "Der Preis zählt." },
  },
  {
    key: "channel",
    type: "SINGLE_CHOICE",
    required: true,
    options: [
      { value: "online", label: { en: "Online" } },
      { value: "shop", label: { en: "In a shop" } },
    ],
    text: { en: "Where did you look?" },
  },
  {
    key: "extras",
    type: "MULTIPLE_CHOICE",
    options: [
      { value: "warranty", label: { en: "Warranty" } },
      { value: "winter_tyres", label: { en: "Winter tyres" } },
    ],
    text: { en: "Which extras did you take?" },
  },
  { key: "feeling", type: "EMOTION", page: 1, required: true, text: { en: "How did you feel?" } },
  { key: "thoughts", type: "LONG_TEXT", page: 1, text: { en: "What did you think?" } },
];

const answers = { price_focus: 4, channel: "online", extras: ["warranty"], feeling: 1 };

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  ({ actor } = await makeWorkspaceWithOwner(db));
  ({ key } = await createApiKey(db, actor, { name: "Tests" }));
  const survey = await createSurvey(db, actor, { title: "Buying a car" }, questions);
  await publishSurvey(db, actor, survey.id);
  surveyId = survey.id;
  draftOnlyId = (await createSurvey(db, actor, { title: "Not yet" }, questions)).id;
  closedId = (await createSurvey(db, actor, { title: "Closed" }, questions)).id;
  await publishSurvey(db, actor, closedId);
  await setSurveyStatus(db, actor, closedId, "CLOSED");

  const other = await makeWorkspaceWithOwner(db, "Other company");
  ({ key: foreignKey } = await createApiKey(db, other.actor, { name: "Theirs" }));
  const foreign = await createSurvey(db, other.actor, { title: "Their survey" }, questions);
  await publishSurvey(db, other.actor, foreign.id);
  foreignSurveyId = foreign.id;
});
afterAll(async () => close());

interface Sent<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

function request(
  path: string,
  options: {
    method?: string;
    key?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers: Record<string, string> = { ...options.headers };
  const bearer = options.key === undefined ? key : options.key;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  return new Request(`http://test${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

async function read<T = unknown>(response: Response): Promise<Sent<T>> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    // CSV
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}

const listSurveys = (options?: Parameters<typeof request>[1]) =>
  handleListSurveys(db, request("/api/v1/surveys", options)).then(read);
const getVersion = (id: string, version: string, options?: Parameters<typeof request>[1]) =>
  handleGetSurveyVersion(db, request(`/api/v1/surveys/${id}/versions/${version}`, options), {
    surveyId: id,
    version,
  }).then(read);
const submit = (id: string, body: unknown, options: Parameters<typeof request>[1] = {}) =>
  handleSubmitResponse(
    db,
    request(`/api/v1/surveys/${id}/responses`, { method: "POST", body, ...options }),
    { surveyId: id },
  ).then(read);
const list = (id: string, query = "", options?: Parameters<typeof request>[1]) =>
  handleListResponses(db, request(`/api/v1/surveys/${id}/responses${query}`, options), {
    surveyId: id,
  }).then(read);
const exportFile = (id: string, query = "", options?: Parameters<typeof request>[1]) =>
  handleExportResponses(db, request(`/api/v1/surveys/${id}/responses/export${query}`, options), {
    surveyId: id,
  }).then(read);

const errorOf = (sent: Sent) => ZErrorBody.parse(sent.json).error;

describe("authentication", () => {
  it("refuses a request without a key, with a bearer challenge", async () => {
    for (const sent of [
      await listSurveys({ key: null }),
      await listSurveys({ key: null, headers: { authorization: `Basic ${btoa("a:b")}` } }),
      await submit(surveyId, { responseId: crypto.randomUUID(), answers }, { key: null }),
    ]) {
      expect(sent.status).toBe(401);
      expect(errorOf(sent).code).toBe("UNAUTHENTICATED");
      expect(errorOf(sent).message).toContain("Authorization: Bearer");
      expect(sent.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });

  it("refuses unknown and malformed keys", async () => {
    for (const bad of [`pa_${"x".repeat(43)}`, "not-a-key", key.slice(0, -2)]) {
      const sent = await listSurveys({ key: bad });
      expect(sent.status, bad).toBe(401);
      expect(errorOf(sent).code).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses a key from the moment it is revoked", async () => {
    const temporary = await createApiKey(db, actor, { name: "Temporary" });
    expect((await listSurveys({ key: temporary.key })).status).toBe(200);
    await revokeApiKey(db, actor, { keyId: temporary.id });
    const refused = await listSurveys({ key: temporary.key });
    expect(refused.status).toBe(401);
    expect(errorOf(refused).message).toMatch(/revoked/);
    const id = crypto.randomUUID();
    const submitted = await submit(surveyId, { responseId: id, answers }, { key: temporary.key });
    expect(submitted.status).toBe(401);
    expect(await db.response.count({ where: { id } })).toBe(0);
  });

  it("limits each key's requests per minute with a 429 and Retry-After, storing nothing", async () => {
    let clock = 1_000_000;
    const keyLimiter = new RequestLimiter({ limit: 2, windowMs: 60_000 }, () => clock);
    const other = await createApiKey(db, actor, { name: "Second integration" });
    const send = (bearer: string, responseId: string) =>
      handleSubmitResponse(
        db,
        request(`/api/v1/surveys/${surveyId}/responses`, {
          method: "POST",
          body: { responseId, answers },
          key: bearer,
        }),
        { surveyId },
        { keyLimiter },
      ).then(read);
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    expect((await send(key, ids[0]!)).status).toBe(200);
    clock += 20_000;
    expect((await send(key, ids[1]!)).status).toBe(200);
    const refused = await send(key, ids[2]!);
    expect(refused.status).toBe(429);
    expect(errorOf(refused).code).toBe("RATE_LIMITED");
    expect(errorOf(refused).message).toMatch(/wait 40 seconds/);
    expect(refused.headers.get("retry-after")).toBe("40");
    expect(await db.response.count({ where: { id: ids[2]! } })).toBe(0);
    // Another key of the same workspace has its own allowance; the first key's returns with time.
    expect((await send(other.key, ids[2]!)).status).toBe(200);
    clock += 40_000;
    expect((await send(key, crypto.randomUUID())).status).toBe(200);
    // An unknown key is refused before it is counted against anybody.
    expect((await send(`pa_${"y".repeat(43)}`, crypto.randomUUID())).status).toBe(401);
  });

  it("reads the per-key limit from API_RATE_LIMIT_PER_MINUTE, ignoring nonsense", () => {
    expect(apiKeyRequestsPerMinute({})).toBe(1200);
    expect(apiKeyRequestsPerMinute({ API_RATE_LIMIT_PER_MINUTE: " 60 " })).toBe(60);
    for (const bad of ["0", "-5", "1.5", "lots", "9999999"]) {
      expect(apiKeyRequestsPerMinute({ API_RATE_LIMIT_PER_MINUTE: bad }), bad).toBe(1200);
    }
  });
});

describe("surveys", () => {
  it("lists the key's workspace's surveys only", async () => {
    const sent = await listSurveys();
    expect(sent.status).toBe(200);
    const body = ZApiSurveyList.parse(sent.json);
    expect(body.surveys.map((s) => s.title).sort()).toEqual(["Buying a car", "Closed", "Not yet"]);
    const main = body.surveys.find((s) => s.id === surveyId);
    expect(main).toMatchObject({ status: "OPEN", latestPublishedVersion: 1, questionCount: 5 });
    expect(main?.publicPath).toBe(`/s/${main?.slug}`);
    expect(body.surveys.find((s) => s.id === draftOnlyId)?.latestPublishedVersion).toBeNull();
  });

  it("serves a published version's definition, never a draft", async () => {
    const latest = await getVersion(surveyId, "latest");
    expect(latest.status).toBe(200);
    const v1 = ZApiSurveyVersion.parse(latest.json);
    expect(v1).toMatchObject({ surveyId, version: 1, publishedVersions: [1] });
    expect(v1.questions.map((q) => q.key)).toEqual(questions.map((q) => q.key));
    expect(v1.questions[1]?.options.map((o) => o.value)).toEqual(["online", "shop"]);
    expect(v1.questions[0]?.text.de).toBe("Der Preis zählt.");

    // A second version: the draft stays private until published, then both are served.
    const editing = await getSurveyForEditing(db, actor, surveyId);
    const extra: TQuestionDefinitionInput = { key: "age", type: "NUMBER", text: { en: "Age?" } };
    await saveDraft(db, actor, surveyId, { meta: editing.meta, questions: [...questions, extra] });
    expect(ZApiSurveyVersion.parse((await getVersion(surveyId, "latest")).json).version).toBe(1);
    expect((await getVersion(surveyId, "2")).status).toBe(404);
    await publishSurvey(db, actor, surveyId);
    const v2 = ZApiSurveyVersion.parse((await getVersion(surveyId, "latest")).json);
    expect(v2).toMatchObject({ version: 2, publishedVersions: [2, 1] });
    expect(v2.questions.map((q) => q.key)).toContain("age");
    const again = ZApiSurveyVersion.parse((await getVersion(surveyId, "1")).json);
    expect(again.questions.map((q) => q.key)).not.toContain("age");

    const draftOnly = await getVersion(draftOnlyId, "latest");
    expect(draftOnly.status).toBe(404);
    expect(errorOf(draftOnly).message).toMatch(/no published version/);
    expect((await getVersion(surveyId, "7")).status).toBe(404);
    for (const bad of ["abc", "0", "-1", "1.5"]) {
      const sent = await getVersion(surveyId, bad);
      expect(sent.status, bad).toBe(400);
      expect(errorOf(sent).code).toBe("BAD_REQUEST");
    }
  });
});

describe("workspace isolation", () => {
  it("answers another workspace's survey exactly like a missing one (404)", async () => {
    const calls = (id: string) => [
      getVersion(id, "latest"),
      submit(id, { responseId: crypto.randomUUID(), answers }),
      list(id),
      exportFile(id, "?format=json"),
    ];
    const foreign = await Promise.all(calls(foreignSurveyId));
    const missing = await Promise.all(calls("does-not-exist"));
    foreign.forEach((sent, i) => {
      expect(sent.status).toBe(404);
      expect(errorOf(sent).code).toBe("NOT_FOUND");
      expect(sent.json).toEqual(missing[i]?.json);
    });
    expect(await db.response.count({ where: { version: { surveyId: foreignSurveyId } } })).toBe(0);

    // The other workspace's own key does reach it.
    expect((await getVersion(foreignSurveyId, "latest", { key: foreignKey })).status).toBe(200);
    const theirList = ZApiSurveyList.parse((await listSurveys({ key: foreignKey })).json);
    expect(theirList.surveys.map((s) => s.id)).toEqual([foreignSurveyId]);
  });
});

describe("submitting responses", () => {
  it("stores a response once however often it is sent, marked as from the API", async () => {
    const responseId = crypto.randomUUID();
    const payload = { responseId, answers: { ...answers, thoughts: "Smooth." }, locale: "de" };
    const sends = await Promise.all([submit(surveyId, payload), submit(surveyId, payload)]);
    const third = await submit(surveyId, payload);
    for (const sent of [...sends, third]) {
      expect(sent.status).toBe(200);
      expect(ZSaveResponseResult.parse(sent.json)).toMatchObject({
        responseId,
        status: "COMPLETE",
      });
    }
    const fresh = [...sends, third].filter(
      (s) => !(s.json as z.infer<typeof ZSaveResponseResult>).alreadyComplete,
    );
    expect(fresh).toHaveLength(1);
    const stored = await db.response.findMany({
      where: { id: responseId },
      include: { answers: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ source: "API", status: "COMPLETE", locale: "de" });
    expect(stored[0]?.answers).toHaveLength(5);
  });

  it("saves a partial response and completes it later", async () => {
    const responseId = crypto.randomUUID();
    const partial = await submit(surveyId, {
      responseId,
      answers: { price_focus: 2 },
      complete: false,
    });
    const saved = ZSaveResponseResult.parse(partial.json);
    expect(saved.status).toBe("PARTIAL");
    // The server made the response's secret; completing without it is refused.
    expect(saved.responseSecret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const without = await submit(surveyId, { responseId, answers });
    expect(without.status).toBe(403);
    expect(errorOf(without).code).toBe("FORBIDDEN");
    const done = await submit(surveyId, {
      responseId,
      answers,
      responseSecret: saved.responseSecret,
    });
    expect(ZSaveResponseResult.parse(done.json)).toMatchObject({
      status: "COMPLETE",
      alreadyComplete: false,
    });
  });

  it("answers a replay with the original acknowledgement and different answers with 409", async () => {
    const responseId = crypto.randomUUID();
    const first = await submit(surveyId, { responseId, answers });
    expect(ZSaveResponseResult.parse(first.json).alreadyComplete).toBe(false);
    const replay = await submit(surveyId, { responseId, answers });
    expect(replay.status).toBe(200);
    expect(ZSaveResponseResult.parse(replay.json)).toMatchObject({
      responseId,
      status: "COMPLETE",
      alreadyComplete: true,
    });
    const changed = await submit(surveyId, { responseId, answers: { ...answers, price_focus: 1 } });
    expect(changed.status).toBe(409);
    expect(errorOf(changed).code).toBe("CONFLICT");
  });

  it("refuses bad answers and bad requests with readable 4xx errors, storing nothing", async () => {
    const responseId = crypto.randomUUID();
    const invalid = await submit(surveyId, {
      responseId,
      answers: { price_focus: 9, channel: "fax", unknown_key: 1 },
    });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid)).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        price_focus: ["Enter a value from 1 to 5."],
        channel: ["Choose one of the options shown."],
        unknown_key: ["This question is not part of the survey."],
        feeling: ["Please answer this question."],
      },
    });
    const malformed = await submit(surveyId, { responseId: "nope", answers, website: "x" });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).message).toMatch(/responseId must be a UUID/);
    expect(errorOf(malformed).message).toMatch(/website/);
    const notJson = await handleSubmitResponse(
      db,
      new Request(`http://test/api/v1/surveys/${surveyId}/responses`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "text/plain" },
        body: "price_focus=4",
      }),
      { surveyId },
    ).then(read);
    expect(notJson.status).toBe(415);
    const tooBig = await submit(surveyId, {
      responseId,
      answers: { thoughts: "x".repeat(70_000) },
    });
    expect(tooBig.status).toBe(413);
    const closed = await submit(closedId, { responseId, answers });
    expect(closed.status).toBe(410);
    expect(errorOf(closed).code).toBe("SURVEY_CLOSED");
    const draftOnly = await submit(draftOnlyId, { responseId, answers });
    expect(draftOnly.status).toBe(404);
    expect(await db.response.count({ where: { id: responseId } })).toBe(0);
  });
});

describe("listing and exporting responses", () => {
  let listed: MembershipView;
  let listSurveyId: string;
  let listKey: string;
  const as = () => ({ key: listKey });

  beforeAll(async () => {
    listed = (await makeWorkspaceWithOwner(db, "Listing")).actor;
    const survey = await createSurvey(db, listed, { title: "Für Händler" }, questions);
    await publishSurvey(db, listed, survey.id);
    listSurveyId = survey.id;
    ({ key: listKey } = await createApiKey(db, listed, { name: "Lists" }));
    const send = (body: unknown) => submit(listSurveyId, body, { key: listKey });
    // 53 complete + 2 partial in version 1; 1 complete in version 2.
    for (let i = 0; i < 53; i += 1) {
      const sent = await send({
        responseId: crypto.randomUUID(),
        answers: {
          ...answers,
          price_focus: (i % 5) + 1,
          thoughts: i === 0 ? "=HYPERLINK(1)" : `n${i}`,
        },
      });
      expect(sent.status).toBe(200);
    }
    for (let i = 0; i < 2; i += 1) {
      await send({ responseId: crypto.randomUUID(), answers: { price_focus: 3 }, complete: false });
    }
    const editing = await getSurveyForEditing(db, listed, listSurveyId);
    await saveDraft(db, listed, listSurveyId, { meta: editing.meta, questions });
    await publishSurvey(db, listed, listSurveyId);
    await send({ responseId: crypto.randomUUID(), answers });
  });

  it("pages through every response exactly once, newest first, with answers", async () => {
    const first = ZApiResponsePage.parse((await list(listSurveyId, "", as())).json);
    expect(first).toMatchObject({ total: 56, page: 0, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    const second = ZApiResponsePage.parse((await list(listSurveyId, "?page=1", as())).json);
    expect(second.items).toHaveLength(6);
    const ids = [...first.items, ...second.items].map((r) => r.id);
    expect(new Set(ids).size).toBe(56);
    const starts = [...first.items, ...second.items].map((r) => r.startedAt);
    expect([...starts].sort().reverse()).toEqual(starts);

    const newest = first.items[0];
    expect(newest).toMatchObject({ versionNumber: 2, status: "COMPLETE", source: "API" });
    expect(newest?.answers).toEqual(answers);
    expect(newest?.answerCount).toBe(4);
    const empty = ZApiResponsePage.parse((await list(listSurveyId, "?page=9", as())).json);
    expect(empty).toMatchObject({ total: 56, items: [] });
  });

  it("filters by version and status", async () => {
    const partial = ZApiResponsePage.parse(
      (await list(listSurveyId, "?status=PARTIAL", as())).json,
    );
    expect(partial.total).toBe(2);
    expect(partial.items.every((r) => r.status === "PARTIAL")).toBe(true);
    expect(partial.items[0]?.answers).toEqual({ price_focus: 3 });
    const v2 = ZApiResponsePage.parse((await list(listSurveyId, "?version=2", as())).json);
    expect(v2.total).toBe(1);
    const v1Complete = ZApiResponsePage.parse(
      (await list(listSurveyId, "?version=1&status=COMPLETE&page=", as())).json,
    );
    expect(v1Complete.total).toBe(53);
    for (const bad of ["?status=DONE", "?version=x", "?page=-1"]) {
      const sent = await list(listSurveyId, bad, as());
      expect(sent.status, bad).toBe(400);
      expect(errorOf(sent).code).toBe("BAD_REQUEST");
    }
  });

  it("exports CSV and JSON with the same rows, filtered, formulas neutralised", async () => {
    const csv = await exportFile(listSurveyId, "", as());
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="fur-handler-responses.csv"',
    );
    expect(csv.headers.get("x-response-count")).toBe("56");
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, "").trim(), {
      header: true,
    });
    expect(parsed.data).toHaveLength(56);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        "response_id",
        "price_focus",
        "extras__warranty",
        "extras__winter_tyres",
      ]),
    );
    expect(parsed.data.some((row) => row.thoughts === "'=HYPERLINK(1)")).toBe(true);

    const json = await exportFile(listSurveyId, "?format=json&status=COMPLETE&version=1", as());
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const rows = ZExportJsonBody.parse(json.json);
    expect(rows).toHaveLength(53);
    expect(rows.every((r) => r.status === "COMPLETE" && r.version === 1)).toBe(true);
    expect(rows.find((r) => r.thoughts === "=HYPERLINK(1)")?.extras__warranty).toBe(1);

    const bad = await exportFile(listSurveyId, "?format=xlsx", as());
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('format must be "csv" or "json"');
  });
});
