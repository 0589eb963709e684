// The PostgreSQL job queue (pg-boss) on a real server: one job per key however often it is
// enqueued, a handler that throws is tried again as a later attempt, and the depth counts waiting
// jobs. Runs in the pg phase (TEST_DATABASE_URL); skipped, saying so, on the embedded database.
// Lease takeover after a worker's death is tested end to end in test/e2e/scale-out.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { jobIdForKey, PgBossJobQueue } from "~/server/infra/jobs/pg-boss";

const url = process.env.TEST_DATABASE_URL?.trim();
if (!url) console.warn("jobs-pg-boss skipped: TEST_DATABASE_URL is not set (pg phase only).");

const queues: PgBossJobQueue[] = [];
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
});

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("job ids", () => {
  it("are stable per key and queue, and differ between keys", () => {
    expect(jobIdForKey("analysis-run", "a")).toBe(jobIdForKey("analysis-run", "a"));
    expect(jobIdForKey("analysis-run", "a")).not.toBe(jobIdForKey("analysis-run", "b"));
    expect(jobIdForKey("analysis-run", "a")).not.toBe(jobIdForKey("journey-refill", "a"));
    expect(jobIdForKey("analysis-run", "a")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe.skipIf(!url)("pg-boss job queue", () => {
  it("runs a key once, retries a failing handler, and counts waiting jobs", async () => {
    const queue = new PgBossJobQueue({ connectionString: url ?? "", pollSeconds: 0.5 });
    queues.push(queue);
    const once = randomUUID();
    const flaky = randomUUID();
    await queue.enqueue("journey-refill", { tag: once }, { key: once });
    await queue.enqueue("journey-refill", { tag: once }, { key: once });
    await queue.enqueue("journey-refill", { tag: flaky }, { key: flaky });
    expect((await queue.stats()).depth).toBeGreaterThanOrEqual(2);

    const seen: string[] = [];
    await queue.work<{ tag: string }>("journey-refill", async (job) => {
      seen.push(`${job.data.tag}#${job.attempt}`);
      if (job.data.tag === flaky && job.attempt === 0) throw new Error("first attempt fails");
    });
    await until(() => seen.includes(`${flaky}#1`), 30_000);
    expect(seen.filter((s) => s.startsWith(once))).toEqual([`${once}#0`]);
    expect(seen.filter((s) => s.startsWith(flaky))).toEqual([`${flaky}#0`, `${flaky}#1`]);
  }, 60_000);
});
