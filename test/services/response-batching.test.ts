// Saves arriving together share one statement (group commit) on a real database, and each keeps
// its own outcome: a duplicate id in the same window is stored once (a replay is acknowledged,
// other answers are refused), an invalid save is refused without touching the others, a rate
// limit gives out exactly its places, and a row the database rejects fails only its caller.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { directSql, registerDirectSql } from "~/server/db/direct-sql";
import { RequestLimiter, tooManyRequests } from "~/server/http/rate-limit";
import { limitCounters } from "~/server/infra/limits/limit-counters";
import { writeResponseInOneTrip } from "~/server/features/responses/response-fast-write";
import { saveResponse, type SaveLimit } from "~/server/features/responses/responses";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
/** The batched write statements sent to the driver, with how many saves each carried. */
const batchSizes: number[] = [];

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  // Listen at the driver: the real executor still runs every statement.
  const driver = directSql(db);
  registerDirectSql(db, async <Row>(sql: string, params: unknown[]) => {
    if (sql.includes("jsonb_to_recordset($1::jsonb)")) {
      batchSizes.push((JSON.parse(params[0] as string) as unknown[]).length);
    }
    return driver<Row>(sql, params);
  });
});
afterAll(async () => close());

async function publishedSurvey() {
  const { actor } = await makeWorkspaceWithOwner(db, `Batch ${randomUUID()}`);
  const survey = await createSurvey(db, actor, { title: "Batching" }, [
    { key: "feel", type: "EMOTION", required: true, text: { en: "Feel?" } },
    { key: "why", type: "SHORT_TEXT", text: { en: "Why?" } },
  ]);
  await publishSurvey(db, actor, survey.id);
  return survey;
}

describe("saves arriving together", () => {
  it("share statements, and each save keeps its own outcome", async () => {
    const { slug } = await publishedSurvey();
    const save = (responseId: string, answers: Record<string, unknown>) =>
      saveResponse(db, {
        slug,
        responseId,
        answers: answers as never,
        complete: true,
        locale: "en",
      });
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const replayed = randomUUID();
    const contested = randomUUID();
    const invalid = randomUUID();
    batchSizes.length = 0;
    const [plain, replays, contests, bad] = await Promise.all([
      Promise.allSettled(ids.map((id, i) => save(id, { feel: (i % 5) - 2, why: `n${i}` }))),
      Promise.allSettled([save(replayed, { feel: 1 }), save(replayed, { feel: 1 })]),
      Promise.allSettled([save(contested, { feel: 2 }), save(contested, { feel: -2 })]),
      Promise.allSettled([save(invalid, { feel: 9 })]),
    ]);

    // Fewer statements than saves: they were grouped.
    expect(batchSizes.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(23);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);

    expect(plain.every((r) => r.status === "fulfilled")).toBe(true);
    const stored = await db.response.findMany({
      where: { id: { in: ids } },
      include: { answers: { include: { question: true } } },
    });
    expect(stored).toHaveLength(20);
    for (const [i, id] of ids.entries()) {
      const response = stored.find((r) => r.id === id)!;
      expect(response.status).toBe("COMPLETE");
      const byKey = Object.fromEntries(response.answers.map((a) => [a.question.key, a]));
      expect(byKey.feel?.numberValue).toBe((i % 5) - 2);
      expect(byKey.why?.textValue).toBe(`n${i}`);
    }

    // The same final answers twice: stored once, both told it is stored.
    expect(replays.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const acks = replays.map((r) => r as PromiseFulfilledResult<{ alreadyComplete: boolean }>);
    expect(acks.map((r) => r.value.alreadyComplete).sort()).toEqual([false, true]);

    // Different final answers for one id: one wins, the other hears 409, nothing is mixed.
    const outcomes = contests.map((r) => r.status).sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const loser = contests.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "CONFLICT" });
    const winner = await db.answer.findMany({ where: { responseId: contested } });
    expect(winner).toHaveLength(1);
    expect([2, -2]).toContain(winner[0]!.numberValue);

    expect(bad[0]).toMatchObject({ status: "rejected", reason: { code: "INVALID_INPUT" } });
    expect(await db.response.count({ where: { id: { in: [replayed, contested, invalid] } } })).toBe(
      2,
    );
  });

  it("gives a rate limit exactly its places when one client's saves arrive together", async () => {
    const { slug } = await publishedSurvey();
    const limiter = new RequestLimiter({ limit: 3, windowMs: 60_000, scope: `t-${randomUUID()}` });
    const key = "203.0.113.7 batching";
    const limited = (): SaveLimit => {
      const hit = limiter.pendingHit(key);
      return {
        folded: hit.folded,
        enforce: () => limiter.enforce(limitCounters(db), key),
        refuse: (counts) => {
          throw tooManyRequests(hit.waitMs(counts));
        },
      };
    };
    const ids = Array.from({ length: 7 }, () => randomUUID());
    const results = await Promise.allSettled(
      ids.map((responseId) =>
        saveResponse(
          db,
          { slug, responseId, answers: { feel: 0 }, complete: true, locale: "en" },
          new Date(),
          limited(),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const refused of results.filter((r) => r.status === "rejected")) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ status: 429 });
    }
    expect(await db.response.count({ where: { id: { in: ids } } })).toBe(3);
  });

  it("fails only the caller whose row the database rejects", async () => {
    const survey = await publishedSurvey();
    const version = await db.surveyVersion.findFirstOrThrow({
      where: { surveyId: survey.id },
      include: { questions: true },
    });
    const feel = version.questions.find((q) => q.key === "feel")!;
    const published = { versionId: version.id, versionNumber: version.number, questions: [] };
    const answer = (questionId: string) => ({
      questionId,
      numberValue: 1,
      textValue: null,
      choices: [],
      otherText: null,
      rowValues: null,
    });
    const write = (responseId: string, questionId: string) =>
      writeResponseInOneTrip(
        db,
        { slug: survey.slug, responseId, answers: {}, complete: true, locale: "en", source: "WEB" },
        published,
        [answer(questionId)],
        new Date(),
      );
    const good = [randomUUID(), randomUUID(), randomUUID()];
    const broken = randomUUID();
    batchSizes.length = 0;
    // An answer to a question that does not exist breaks the foreign key: the shared statement
    // fails, and the saves are retried one by one.
    const results = await Promise.allSettled([
      ...good.map((id) => write(id, feel.id)),
      write(broken, "no-such-question"),
    ]);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect(results[3]!.status).toBe("rejected");
    expect(await db.response.count({ where: { id: { in: good } } })).toBe(3);
    expect(await db.response.count({ where: { id: broken } })).toBe(0);
  });
});
