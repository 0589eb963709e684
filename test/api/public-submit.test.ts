// The public respondent endpoint against real SQL: saving partial then complete answers,
// idempotency on the browser's response id, readable refusals with the right statuses, the
// honeypot, the size and rate limits, and a fuzz test that no payload makes it fail with a 500.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { handlePublicSubmit, PUBLIC_SUBMIT_MAX_BYTES } from "~/server/http/public-submit";
import { RequestLimiter } from "~/server/http/rate-limit";
import { createSurvey, publishSurvey, setSurveyStatus } from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let slug: string;
let closedSlug: string;

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
  { key: "feeling", type: "EMOTION", page: 1, required: true, text: { en: "How did you feel?" } },
  { key: "thoughts", type: "LONG_TEXT", page: 1, text: { en: "What did you think?" } },
  { key: "age", type: "NUMBER", page: 2, settings: { min: 16, max: 100 }, text: { en: "Age?" } },
];

const fullAnswers = { price_focus: 4, channel: "online", feeling: 1, thoughts: "Fine.", age: 40 };

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  const { actor } = await makeWorkspaceWithOwner(db);
  const open = await createSurvey(db, actor, { title: "Open survey" }, questions);
  await publishSurvey(db, actor, open.id);
  slug = open.slug;
  const closed = await createSurvey(db, actor, { title: "Closed survey" }, questions);
  await publishSurvey(db, actor, closed.id);
  await setSurveyStatus(db, actor, closed.id, "CLOSED");
  closedSlug = closed.slug;
});
afterAll(async () => close());

const roomy = () => new RequestLimiter({ limit: 1_000_000, windowMs: 60_000 });

interface Sent {
  status: number;
  headers: Headers;
  body: {
    responseId?: string;
    status?: string;
    versionNumber?: number;
    alreadyComplete?: boolean;
    responseSecret?: string;
    error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
  };
}

async function send(
  payload: unknown,
  options: {
    slug?: string;
    raw?: BodyInit;
    headers?: Record<string, string>;
    limiter?: RequestLimiter;
  } = {},
): Promise<Sent> {
  const target = options.slug ?? slug;
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: options.raw ?? JSON.stringify(payload),
  };
  if (options.raw instanceof ReadableStream) init.duplex = "half";
  const request = new Request(`http://test/api/v1/public/surveys/${target}/responses`, init);
  const response = await handlePublicSubmit(
    db,
    request,
    { slug: target },
    {
      limiter: options.limiter ?? roomy(),
    },
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text) as Sent["body"],
  };
}

const responseCount = (id: string) => db.response.count({ where: { id } });

describe("POST /api/v1/public/surveys/[slug]/responses", () => {
  it("saves a partial response, then completes it", async () => {
    const responseId = crypto.randomUUID();
    const partial = await send({
      responseId,
      answers: { price_focus: 4, channel: "online" },
      complete: false,
      locale: "en",
    });
    expect(partial.status).toBe(200);
    // Sent without a secret, so the server made one for the client to keep.
    expect(partial.body).toEqual({
      responseId,
      status: "PARTIAL",
      versionNumber: 1,
      alreadyComplete: false,
      responseSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(partial.headers.get("cache-control")).toBe("no-store");

    const complete = await send({
      responseId,
      answers: fullAnswers,
      complete: true,
      locale: "en",
      responseSecret: partial.body.responseSecret,
    });
    expect(complete.status).toBe(200);
    expect(complete.body).toMatchObject({ status: "COMPLETE", alreadyComplete: false });

    const stored = await db.response.findUniqueOrThrow({
      where: { id: responseId },
      include: { answers: true },
    });
    expect(stored.status).toBe("COMPLETE");
    expect(stored.completedAt).not.toBeNull();
    expect(stored.answers).toHaveLength(5);
  });

  it("stores a response sent twice exactly once", async () => {
    const responseId = crypto.randomUUID();
    const payload = { responseId, answers: fullAnswers, complete: true, locale: "en" };
    const [first, second] = [await send(payload), await send(payload)];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.alreadyComplete).toBe(false);
    expect(second.body).toMatchObject({ status: "COMPLETE", alreadyComplete: true });
    expect(await responseCount(responseId)).toBe(1);
    expect(await db.answer.count({ where: { responseId } })).toBe(5);
  });

  it("answers a retried submit after the survey closed with the original acknowledgement", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const survey = await createSurvey(db, actor, { title: "Closing soon" }, questions);
    await publishSurvey(db, actor, survey.id);
    const payload = { responseId: crypto.randomUUID(), answers: fullAnswers, complete: true };
    const first = await send({ ...payload, locale: "en" }, { slug: survey.slug });
    expect(first.status).toBe(200);
    await setSurveyStatus(db, actor, survey.id, "CLOSED");

    const retry = await send({ ...payload, locale: "de" }, { slug: survey.slug });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, alreadyComplete: true });
    const changed = await send(
      { ...payload, answers: { ...fullAnswers, thoughts: "Changed my mind." }, locale: "en" },
      { slug: survey.slug },
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: "CONFLICT" });
    expect(changed.body.error?.message).toMatch(/different answers/);
  });

  it("binds a partial response to the secret its page sent first", async () => {
    const responseId = crypto.randomUUID();
    const responseSecret = "a1".repeat(32);
    const started = await send({
      responseId,
      responseSecret,
      answers: { price_focus: 2 },
      complete: false,
      locale: "en",
    });
    expect(started.status).toBe(200);
    expect(started.body.responseSecret).toBeUndefined(); // the page keeps its own
    const intruder = await send({
      responseId,
      answers: { price_focus: 5, channel: "shop" },
      complete: false,
      locale: "en",
    });
    expect(intruder.status).toBe(403);
    expect(intruder.body.error).toMatchObject({ code: "FORBIDDEN" });
    const guessed = await send({
      responseId,
      responseSecret: "b2".repeat(32),
      answers: fullAnswers,
      complete: true,
      locale: "en",
    });
    expect(guessed.status).toBe(403);
    const short = await send({
      responseId,
      responseSecret: "short",
      answers: fullAnswers,
      complete: true,
      locale: "en",
    });
    expect(short.status).toBe(400);
    const stored = await db.answer.findMany({ where: { responseId } });
    expect(stored.map((a) => a.numberValue)).toEqual([2]);

    const done = await send({
      responseId,
      responseSecret,
      answers: fullAnswers,
      complete: true,
      locale: "en",
    });
    expect(done.body).toMatchObject({ status: "COMPLETE", alreadyComplete: false });
  });

  it("refuses bad answers with a 400 and a message per question", async () => {
    const responseId = crypto.randomUUID();
    const { status, body } = await send({
      responseId,
      answers: { price_focus: 9, channel: "fax", nonsense: "x" },
      complete: true,
      locale: "en",
    });
    expect(status).toBe(400);
    expect(body.error?.code).toBe("INVALID_INPUT");
    expect(body.error?.fieldErrors).toEqual({
      price_focus: ["Enter a value from 1 to 5."],
      channel: ["Choose one of the options shown."],
      nonsense: ["This question is not part of the survey."],
      feeling: ["Please answer this question."],
    });
    expect(await responseCount(responseId)).toBe(0);

    const german = await send({ responseId, answers: {}, complete: true, locale: "de" });
    expect(german.body.error?.fieldErrors?.price_focus).toEqual([
      "Bitte beantworten Sie diese Frage.",
    ]);
  });

  it("refuses a malformed request with readable messages", async () => {
    const { status, body } = await send({ responseId: "abc", answers: [], complete: "yes" });
    expect(status).toBe(400);
    expect(body.error?.code).toBe("BAD_REQUEST");
    expect(body.error?.message).toContain("responseId must be a UUID");
    expect(body.error?.message).toContain("complete must be true or false");
    expect(body.error?.message).toContain('locale must be "en" or "de"');
    expect(Object.keys(body.error?.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["responseId", "answers", "complete", "locale"]),
    );

    const notJson = await send(null, { raw: "{ nope" });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    expect(notJson.body.error?.message).toBe("The request body is not valid JSON.");

    const wrongType = await send(null, { raw: "a=1", headers: { "content-type": "text/plain" } });
    expect(wrongType.status).toBe(415);

    const extra = await send({ ...validPayload(), admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error?.message).toMatch(/admin/);
  });

  it("answers a filled honeypot exactly as a real submit would, and stores nothing", async () => {
    const real = validPayload();
    const realSent = await send(real);
    const bot = { ...validPayload(), website: "http://spam.example" };
    const botSent = await send(bot);
    expect(botSent.status).toBe(realSent.status);
    expect(botSent.body).toEqual({ ...realSent.body, responseId: bot.responseId });
    expect(await responseCount(bot.responseId)).toBe(0);
  });

  it("validates a honeypot submit like any other: invalid answers get the same 400", async () => {
    const answers = { ...fullAnswers, price_focus: 9 };
    const real = await send({ ...validPayload(), answers });
    const bot = await send({ ...validPayload(), answers, website: "x" });
    expect(real.status).toBe(400);
    expect(bot.status).toBe(real.status);
    expect(bot.body).toEqual(real.body);
    const closed = await send({ ...validPayload(), website: "x" }, { slug: closedSlug });
    expect(closed.status).toBe(410);
  });

  it("refuses an oversized body with a 413, whether or not its length is declared", async () => {
    const huge = { ...validPayload(), answers: { thoughts: "x".repeat(PUBLIC_SUBMIT_MAX_BYTES) } };
    const declared = await send(huge);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(declared.body.error?.message).toContain("64 KB");

    // A lying Content-Length: the stream itself is counted.
    const bytes = new TextEncoder().encode(JSON.stringify(huge));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const undeclared = await send(null, { raw: stream, headers: { "content-length": "100" } });
    expect(undeclared.status).toBe(413);
    expect(await responseCount(huge.responseId)).toBe(0);
  });

  it("refuses answers to a closed survey with a 410 in the respondent's language", async () => {
    const en = await send(validPayload(), { slug: closedSlug });
    expect(en.status).toBe(410);
    expect(en.body.error).toMatchObject({ code: "SURVEY_CLOSED" });
    expect(en.body.error?.message).toContain("This survey is closed");
    const de = await send({ ...validPayload(), locale: "de" }, { slug: closedSlug });
    expect(de.body.error?.message).toContain("Diese Umfrage ist geschlossen");
  });

  it("answers 404 for an unknown or malformed slug", async () => {
    const unknown = await send(validPayload(), { slug: "doesnotexist" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "NOT_FOUND" });
    expect(unknown.body.error?.message).toMatch(/does not exist/);
    const odd = await send(validPayload(), { slug: "../../etc" });
    expect(odd.status).toBe(404);
  });

  it("refuses a NUL byte in an answer with a 400 that names it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const sent = await send({
        ...validPayload(),
        answers: { ...fullAnswers, thoughts: "Fine\u0000." },
      });
      expect(sent.status).toBe(400);
      expect(sent.body.error?.message).toMatch(/NUL character/);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("does not let a client escape the limit by changing X-Forwarded-For", async () => {
    const limiter = new RequestLimiter({ limit: 3, windowMs: 60_000 }, () => 1_000_000);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const headers = { "x-forwarded-for": `203.0.113.${i}` };
      statuses.push(
        (await send({ ...validPayload(), complete: false }, { limiter, headers })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it("limits requests per IP and survey with a 429 and Retry-After", async () => {
    // Behind one trusted proxy, the address it appended is the client's.
    process.env.TRUST_PROXY = "1";
    onTestFinished(() => {
      delete process.env.TRUST_PROXY;
    });
    let clock = 1_000_000;
    const limiter = new RequestLimiter({ limit: 30, windowMs: 60_000 }, () => clock);
    const headers = { "x-forwarded-for": "10.0.0.1, 203.0.113.7" };
    for (let i = 0; i < 30; i += 1) {
      const { status } = await send({ ...validPayload(), complete: false }, { limiter, headers });
      expect(status).toBe(200);
    }
    const limited = await send(validPayload(), { limiter, headers });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);

    // Another address, or another survey, has its own allowance; time frees this one.
    const other = await send(validPayload(), {
      limiter,
      headers: { "x-forwarded-for": "198.51.100.1" },
    });
    expect(other.status).toBe(200);
    expect((await send(validPayload(), { limiter, headers, slug: closedSlug })).status).toBe(410);
    clock += 60_001;
    expect((await send(validPayload(), { limiter, headers })).status).toBe(200);
  });

  it("never answers a generated payload with a 500; every refusal is a 4xx with a message", async () => {
    const limiter = roomy();
    const keys = fc.constantFrom("price_focus", "channel", "feeling", "thoughts", "age", "zzz", "");
    const answerValue = fc.oneof(
      fc.integer({ min: -5, max: 12 }),
      fc.double(),
      fc.constantFrom("online", "shop", "", " "),
      fc.string(),
      fc.array(fc.string(), { maxLength: 60 }),
      fc.constant(null),
      fc.boolean(),
      fc.object(),
      fc.nat({ max: 80_000 }).map((n) => "é".repeat(n)),
    );
    const payload = fc.oneof(
      fc.anything(),
      fc.record(
        {
          responseId: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
          answers: fc.oneof(fc.dictionary(fc.oneof(keys, fc.string()), answerValue), fc.anything()),
          complete: fc.oneof(fc.boolean(), fc.anything()),
          locale: fc.oneof(fc.constantFrom("en", "de", "fr"), fc.anything()),
          website: fc.oneof(fc.constant(""), fc.string()),
          extra: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (generated) => {
        const raw = JSON.stringify(generated) ?? "undefined";
        const { status, body } = await send(null, { raw, limiter });
        expect(status).not.toBe(500);
        expect([200, 202].includes(status) || (status >= 400 && status < 500)).toBe(true);
        if (status >= 400) {
          expect(typeof body.error?.code).toBe("string");
          expect(body.error?.message.length).toBeGreaterThan(0);
          expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+|node_modules|stack/i);
        }
      }),
      { numRuns: 250 },
    );
  });
});

function validPayload() {
  return {
    responseId: crypto.randomUUID(),
    answers: fullAnswers,
    complete: true,
    locale: "en" as const,
  };
}
