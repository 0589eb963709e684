// The render queue is bounded: two renders run, a few wait, and the next download is refused at
// once with a Retry-After the download routes pass on as 429, instead of queueing browsers
// without end. Waiting renders still run, in order, once the running ones finish.
import { describe, expect, it } from "vitest";
import { renderRefusal } from "~/server/http/render-refusals";
import {
  renderAppPage,
  RendererUnavailableError,
  renderQueue,
} from "~/server/infra/render/page-render";
import {
  RenderQueue,
  RenderQueueFullError,
  renderQueueLength,
} from "~/server/infra/render/render-queue";

function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("render queue", () => {
  it("runs two at once, lets the waiting ones through in order and refuses past the line", async () => {
    const queue = new RenderQueue(2, 2);
    const release = gate();
    const order: number[] = [];
    const jobs = [1, 2, 3, 4].map((n) =>
      queue.run(async () => {
        order.push(n);
        await release.opened;
        return n;
      }),
    );
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    expect(queue.load).toBe(4);
    const refused = await queue.run(async () => 5).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RenderQueueFullError);
    expect((refused as RenderQueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(5);
    release.open();
    expect(await Promise.all(jobs)).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(queue.load).toBe(0);
    expect(await queue.run(async () => 6)).toBe(6);
  });

  it("reads the queue length from the environment", () => {
    const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
    expect(renderQueueLength(env({}))).toBe(6);
    expect(renderQueueLength(env({ PERSONA_ATLAS_RENDER_QUEUE: "0" }))).toBe(0);
    expect(renderQueueLength(env({ PERSONA_ATLAS_RENDER_QUEUE: "many" }))).toBe(6);
  });

  it("answers a download past the line with 429, Retry-After and a plain message", async () => {
    const saved = process.env.PERSONA_ATLAS_CHROMIUM;
    // Any existing file passes the "is Chromium installed" check; the full queue must refuse
    // before anything is launched.
    process.env.PERSONA_ATLAS_CHROMIUM = process.execPath;
    const release = gate();
    const held: Promise<unknown>[] = [];
    try {
      while (renderQueue.load < renderQueue.maxConcurrent + renderQueue.maxWaiting) {
        held.push(renderQueue.run(() => release.opened));
      }
      const started = Date.now();
      const error = await renderAppPage({ path: "/print/x", format: "pdf", cookie: null }).catch(
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(1000);
      const response = renderRefusal(error);
      expect(response?.status).toBe(429);
      const retryAfter = Number(response?.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(5);
      const body = (await response?.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("RENDER_QUEUE_FULL");
      expect(body.error.message).toContain(`try again in about ${retryAfter} seconds`);
    } finally {
      release.open();
      await Promise.all(held);
      if (saved === undefined) delete process.env.PERSONA_ATLAS_CHROMIUM;
      else process.env.PERSONA_ATLAS_CHROMIUM = saved;
    }
  });

  it("still answers a missing Chromium with 503 and leaves other errors alone", () => {
    expect(renderRefusal(new RendererUnavailableError("no Chromium"))?.status).toBe(503);
    expect(renderRefusal(new Error("something else"))).toBeNull();
  });
});
