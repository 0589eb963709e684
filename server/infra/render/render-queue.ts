// The PDF/PNG render queue: at most a couple of Chromium renders at once (each one is a whole
// browser), a short line of waiting downloads behind them, and past that an immediate, typed
// refusal with a hint of when to come back. Without the bound, a burst of downloads piles up
// browsers and memory until every download (and the rest of the server) slows to a crawl.
import { config } from "~/server/infra/config";

/** Rough seconds one render takes on a small machine (8 at once took about 21 s, two at a time). */
const SECONDS_PER_RENDER = 5;

export class RenderQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      "Several PDF or PNG downloads are being prepared on this server right now, so this one " +
        `could not join the queue. Please try again in about ${retryAfterSeconds} seconds.`,
    );
    this.name = "RenderQueueFullError";
  }
}

export class RenderQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxConcurrent: number,
    readonly maxWaiting: number,
  ) {}

  /** Renders running plus waiting, for the Retry-After estimate and for tests. */
  get load(): number {
    return this.active + this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxWaiting) {
        // Everyone ahead must finish first, two at a time.
        const rounds = Math.ceil(this.load / this.maxConcurrent);
        throw new RenderQueueFullError(Math.max(SECONDS_PER_RENDER, rounds * SECONDS_PER_RENDER));
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** Waiting renders allowed behind the running ones; PERSONA_ATLAS_RENDER_QUEUE overrides it. */
export function renderQueueLength(env: NodeJS.ProcessEnv = process.env): number {
  return config(env).renderQueueLength;
}
