// The in-process job queue (embedded database): one job per key, retries with growing delays,
// never more jobs at once than the worker allows, and jobs enqueued before a worker exists wait.
import { afterEach, describe, expect, it } from "vitest";
import { InProcessJobQueue } from "~/server/infra/jobs/in-process";

const queues: InProcessJobQueue[] = [];
function makeQueue(options?: ConstructorParameters<typeof InProcessJobQueue>[0]) {
  const queue = new InProcessJobQueue(options);
  queues.push(queue);
  return queue;
}
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe("in-process job queue", () => {
  it("runs a key once however often it is enqueued, and holds jobs until a worker starts", async () => {
    const queue = makeQueue();
    await queue.enqueue("analysis-run", { runId: "a" }, { key: "a" });
    await queue.enqueue("analysis-run", { runId: "a" }, { key: "a" });
    await queue.enqueue("analysis-run", { runId: "b" }, { key: "b" });
    expect(await queue.stats()).toEqual({ depth: 2, activeWorkers: 0 });

    const seen: string[] = [];
    await queue.work<{ runId: string }>("analysis-run", async (job) => {
      seen.push(job.data.runId);
    });
    await until(() => seen.length === 2);
    await queue.enqueue("analysis-run", { runId: "a" }, { key: "a" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(["a", "b"]);
    expect(await queue.stats()).toEqual({ depth: 0, activeWorkers: 1 });
  });

  it("retries a failing job with doubling delays and gives up after the limit", async () => {
    const queue = makeQueue({ retryDelayMs: 20, retryLimit: 2 });
    const attempts: { attempt: number; at: number }[] = [];
    await queue.work("journey-refill", async (job) => {
      attempts.push({ attempt: job.attempt, at: Date.now() });
      throw new Error("database went away");
    });
    await queue.enqueue("journey-refill", {}, { key: "x" });
    await until(() => attempts.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(attempts.map((a) => a.attempt)).toEqual([0, 1, 2]);
    const [first, second, third] = attempts.map((a) => a.at);
    expect(second! - first!).toBeGreaterThanOrEqual(18);
    expect(third! - second!).toBeGreaterThanOrEqual(38);
  });

  it("never runs more jobs at once than the worker's concurrency", async () => {
    const queue = makeQueue();
    let now = 0;
    let peak = 0;
    let finished = 0;
    await queue.work(
      "analysis-run",
      async () => {
        now++;
        peak = Math.max(peak, now);
        await new Promise((resolve) => setTimeout(resolve, 10));
        now--;
        finished++;
      },
      { concurrency: 2 },
    );
    for (let i = 0; i < 6; i++) await queue.enqueue("analysis-run", {}, { key: `k${i}` });
    await until(() => finished === 6);
    expect(peak).toBe(2);
  });
});
