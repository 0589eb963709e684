// The respondent form's pure parts and the route-handler helpers: page visibility and display
// logic, what is sent, seeded option order, language choice, retries and the autosaver, the
// request limiter and the size-limited JSON reader.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  answersToSend,
  checkPage,
  keepFittingAnswers,
  questionsOnPage,
  resolvePage,
  seededOrder,
  visiblePages,
  type RespondentQuestion,
} from "~/app/_components/respondent/flow";
import {
  Autosaver,
  sendWithRetry,
  type Poster,
  type SendOutcome,
  type SubmitPayload,
} from "~/app/_components/respondent/send";
import { localize, parseAcceptLanguage, pickLocale } from "~/app/s/[slug]/i18n";
import { HttpError } from "~/server/http/errors";
import { RequestLimiter, clientIp } from "~/server/http/rate-limit";
import { readJsonBody } from "~/server/http/read-json";
import { memoryLimitCounters } from "../helpers/memory-limit-counters";

const q = (over: Partial<RespondentQuestion> & Pick<RespondentQuestion, "key" | "type">) =>
  ({
    page: 0,
    required: false,
    randomizeOptions: false,
    text: { en: over.key },
    help: null,
    options: [],
    settings: {},
    logic: null,
    ...over,
  }) as RespondentQuestion;

const questions: RespondentQuestion[] = [
  q({ key: "likert", type: "LIKERT", required: true }),
  q({
    key: "visited",
    type: "SINGLE_CHOICE",
    page: 1,
    options: [
      { value: "yes", label: { en: "Yes", de: "Ja" } },
      { value: "no", label: { en: "No" } },
    ],
  }),
  q({
    key: "visit_rating",
    type: "RATING",
    page: 2,
    required: true,
    logic: { questionKey: "visited", operator: "equals", value: "yes" },
  }),
  q({
    key: "older",
    type: "SHORT_TEXT",
    page: 2,
    logic: { questionKey: "age", operator: "greaterThan", value: 60 },
  }),
  q({ key: "age", type: "NUMBER", page: 3, settings: { min: 16, max: 100 } }),
];

describe("respondent flow", () => {
  it("skips pages whose questions are all hidden and shows them when they apply", () => {
    expect(visiblePages(questions, {})).toEqual([0, 1, 3]);
    expect(visiblePages(questions, { visited: "no" })).toEqual([0, 1, 3]);
    expect(visiblePages(questions, { visited: "yes" })).toEqual([0, 1, 2, 3]);
    expect(questionsOnPage(questions, { visited: "yes" }, 2).map((x) => x.key)).toEqual([
      "visit_rating",
    ]);
    expect(resolvePage([0, 1, 3], 2)).toBe(3);
    expect(resolvePage([0, 1, 3], 9)).toBe(3);
  });

  it("checks a page with the server's messages, in the respondent's language", () => {
    expect(checkPage(questions, {}, 0, "en")).toEqual({ likert: "Please answer this question." });
    expect(checkPage(questions, { likert: 9 }, 0, "de")).toEqual({
      likert: "Bitte einen Wert von 1 bis 5 eingeben.",
    });
    expect(checkPage(questions, { age: "12" }, 3, "en")).toEqual({
      age: "Enter a value from 16 to 100.",
    });
    expect(checkPage(questions, { age: "" }, 3, "en")).toEqual({});
  });

  it("sends visible, normalised answers only; typed numbers count for display logic", () => {
    const draft = {
      likert: 4,
      visited: "no",
      visit_rating: 8, // answered before switching to "no": stays local
      age: " 70 ",
      older: "  yes  ",
      stray: "x",
    };
    expect(answersToSend(questions, draft)).toEqual({
      likert: 4,
      visited: "no",
      age: 70,
      older: "yes",
    });
    expect(answersToSend(questions, { age: "abc", likert: "" })).toEqual({});
    expect(keepFittingAnswers(questions, { likert: 9, age: "30", gone: 1 })).toEqual({ age: "30" });
  });

  it("orders options the same way for one respondent and differently across respondents", () => {
    const values = ["a", "b", "c", "d", "e", "f"];
    const first = seededOrder(values, "id-1:q");
    expect(seededOrder(values, "id-1:q")).toEqual(first);
    expect([...first].sort()).toEqual(values);
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => seededOrder(values, `id-${i}:q`).join("")),
    );
    expect(orders.size).toBeGreaterThan(10);
  });
});

describe("respondent language", () => {
  it("follows the browser's preferences among the survey's languages", () => {
    expect(parseAcceptLanguage("fr-CH, de;q=0.9, en;q=0.8, *;q=0.5")).toEqual([
      "fr-CH",
      "de",
      "en",
    ]);
    expect(parseAcceptLanguage("en;q=0.2, de-AT")).toEqual(["de-AT", "en"]);
    expect(pickLocale(["fr-CH", "de", "en"], ["en", "de"])).toBe("de");
    expect(pickLocale(["de-DE"], ["en"])).toBe("en");
    expect(pickLocale([], ["en", "de"])).toBe("en");
    expect(localize({ en: "Hello", de: "Hallo" }, "de")).toBe("Hallo");
    expect(localize({ en: "Hello", de: " " }, "de")).toBe("Hello");
    expect(localize(null, "en")).toBe("");
  });
});

const payload: SubmitPayload = {
  responseId: "r",
  responseSecret: "s".repeat(64),
  answers: {},
  complete: false,
  locale: "en",
};

describe("sending", () => {
  it("retries unreachable servers with backoff, then gives up", async () => {
    const outcomes: SendOutcome[] = [{ kind: "retry" }, { kind: "retry", afterMs: 5000 }];
    const post = vi.fn<Poster>(
      async () => outcomes.shift() ?? { kind: "saved", status: "COMPLETE", alreadyComplete: false },
    );
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    const result = await sendWithRetry(post, "s", payload, { sleep });
    expect(result.kind).toBe("saved");
    expect(post).toHaveBeenCalledTimes(3);
    expect(sleeps[1]).toBe(5000); // Retry-After wins
    const never = vi.fn<Poster>(async () => ({ kind: "retry" }));
    expect(await sendWithRetry(never, "s", payload, { sleep, attempts: 3 })).toEqual({
      kind: "unreachable",
    });
    expect(never).toHaveBeenCalledTimes(3);
  });

  describe("autosaver", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it("debounces to the latest payload and retries failures in the background", async () => {
      const outcomes: SendOutcome[] = [{ kind: "retry" }];
      const sent: SubmitPayload[] = [];
      const post: Poster = async (_slug, p) => {
        sent.push(p);
        return outcomes.shift() ?? { kind: "saved", status: "PARTIAL", alreadyComplete: false };
      };
      const refused = vi.fn();
      const saver = new Autosaver(post, "s", refused, 500);
      saver.schedule({ ...payload, answers: { a: 1 } });
      saver.schedule({ ...payload, answers: { a: 2 } });
      await vi.advanceTimersByTimeAsync(600);
      expect(sent.map((p) => p.answers)).toEqual([{ a: 2 }]);
      await vi.advanceTimersByTimeAsync(2000); // backoff after the failure
      expect(sent.map((p) => p.answers)).toEqual([{ a: 2 }, { a: 2 }]);
      expect(refused).not.toHaveBeenCalled();
    });

    it("reports refusals and sends nothing after stop", async () => {
      const post = vi.fn<Poster>(async () => ({
        kind: "refused",
        status: 410,
        code: "SURVEY_CLOSED",
        message: "closed",
        fieldErrors: {},
      }));
      const refused = vi.fn();
      const saver = new Autosaver(post, "s", refused, 500);
      saver.schedule(payload);
      await vi.advanceTimersByTimeAsync(600);
      expect(refused).toHaveBeenCalledWith(expect.objectContaining({ code: "SURVEY_CLOSED" }));
      saver.schedule(payload);
      await saver.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(post).toHaveBeenCalledTimes(1);
    });
  });
});

describe("route-handler helpers", () => {
  it("limits requests per key in a sliding window", async () => {
    let now = 0;
    const counters = memoryLimitCounters();
    const limiter = new RequestLimiter({ limit: 2, windowMs: 1000 }, () => now);
    expect(await limiter.hit(counters, "a")).toBe(0);
    now = 400;
    expect(await limiter.hit(counters, "a")).toBe(0);
    expect(await limiter.hit(counters, "a")).toBe(600);
    await expect(limiter.enforce(counters, "a")).rejects.toThrow(HttpError);
    now = 1001;
    expect(await limiter.hit(counters, "a")).toBe(0);
    expect(await limiter.hit(counters, "b")).toBe(0);
    // Without TRUST_PROXY a client's own X-Forwarded-For is not believed (client-address.test.ts).
    expect(clientIp(new Headers({ "x-forwarded-for": " 1.2.3.4 , 5.6.7.8" }))).toBe(
      "unverified-client",
    );
    expect(clientIp(new Headers())).toBe("unverified-client");
  });

  it("reads JSON within the byte limit and refuses the rest", async () => {
    const post = (body: string) => new Request("http://x/", { method: "POST", body });
    expect(await readJsonBody(post('{"a":1}'), { maxBytes: 10 })).toEqual({ a: 1 });
    await expect(readJsonBody(post('{"a":"long"}'), { maxBytes: 10 })).rejects.toMatchObject({
      status: 413,
    });
    await expect(readJsonBody(post("{"), { maxBytes: 10 })).rejects.toMatchObject({ status: 400 });
    await expect(readJsonBody(post(""), { maxBytes: 10 })).rejects.toMatchObject({ status: 400 });
  });
});
