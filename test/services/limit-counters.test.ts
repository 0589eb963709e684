// Rate limits live in the database: two app instances (each its own Prisma client and its own
// limiter objects, sharing nothing but the database) enforce one limit between them, also when
// their requests race, and sign-in failures seen by one instance count on the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn } from "~/server/features/accounts/sign-in";
import { createSignInLimiters } from "~/server/features/accounts/rate-limit";
import type { Db } from "~/server/db/client";
import { PrismaClient } from "~/server/db/generated/client";
import { RequestLimiter } from "~/server/http/rate-limit";
import { signUp } from "~/server/features/accounts/accounts";
import { limitCounters } from "~/server/infra/limits/limit-counters";
import { createTestDb, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
let instanceA: Db;
let instanceB: Db;

beforeAll(async () => {
  testDb = await createTestDb();
  instanceA = testDb.prisma;
  // A second client over the same database, as a second app process would open.
  instanceB = new PrismaClient({ adapter: testDb.adapterFactory });
});
afterAll(async () => {
  await instanceB.$disconnect();
  await testDb.close();
});

const rule = { limit: 5, windowMs: 60_000, scope: "shared-test" };

describe("limits shared through the database", () => {
  it("counts requests from two instances against one limit, and frees the key with time", async () => {
    let now = 10_000_000;
    const onA = new RequestLimiter(rule, () => now);
    const onB = new RequestLimiter(rule, () => now);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      waits.push(await onA.hit(limitCounters(instanceA), "10.0.0.1 survey"));
      waits.push(await onB.hit(limitCounters(instanceB), "10.0.0.1 survey"));
    }
    // Five places in all: the sixth to eighth requests are refused whichever instance gets them.
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5).every((w) => w > 0 && w <= 60_000)).toBe(true);
    // Another key is untouched; the full one is free once the window has passed.
    expect(await onB.hit(limitCounters(instanceB), "10.0.0.2 survey")).toBe(0);
    now += 60_001;
    expect(await onA.hit(limitCounters(instanceA), "10.0.0.1 survey")).toBe(0);
  });

  it("takes limits beyond 32-bit integers (a lifted limit) without failing", async () => {
    const lifted = new RequestLimiter({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) expect(await lifted.hit(limitCounters(instanceA), "big")).toBe(0);
  });

  it("gives out exactly the limit when many requests race on both instances", async () => {
    const now = 20_000_000;
    const limiters = [instanceA, instanceB].map((db) => ({
      limiter: new RequestLimiter({ ...rule, limit: 7 }, () => now),
      counters: limitCounters(db),
    }));
    const waits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const { limiter, counters } = limiters[i % 2]!;
        return limiter.hit(counters, "race");
      }),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(7);
    const stored = await instanceA.limitCounter.findMany({ where: { key: "shared-test:race" } });
    expect(stored.reduce((sum, row) => sum + row.count, 0)).toBe(7);
  });

  it("refuses a client on instance B after it failed five sign-ins on instance A", async () => {
    await signUp(instanceA, {
      name: "Grace",
      email: "grace@example.test",
      password: "right-pass-77",
    });
    const now = 30_000_000;
    const pause = () => Promise.resolve();
    const wrong = { email: "grace@example.test", password: "wrong-pass-77", ip: "10.9.9.9" };
    const onA = createSignInLimiters(() => now);
    for (let i = 0; i < 5; i++)
      expect(await attemptSignIn(instanceA, onA, wrong, pause)).toBeNull();
    const onB = createSignInLimiters(() => now);
    await expect(
      attemptSignIn(instanceB, onB, { ...wrong, password: "right-pass-77" }, pause),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
