// The job queue for the embedded PGlite database: jobs live in this process's memory and run here.
// Why not pg-boss on PGlite too: PGlite is a single connection inside one process, so no other
// process could ever pull a job, and pg-boss's polling, maintenance and transactions would share
// (and hold up) the one connection every request needs. In one process there is no lease to lose:
// the process that holds a job is the process that holds the database. What a crash leaves behind
// (runs still marked queued or running) is picked up again at the next start by the caller's
// recovery step (server/features/analysis-runs/analysis-jobs.ts), not failed.
import { randomUUID } from "node:crypto";
import {
  RETRY_DELAY_SECONDS,
  RETRY_LIMIT,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type QueueName,
  type QueueStats,
} from "./types";

interface PendingJob {
  id: string;
  key: string;
  data: object;
  attempt: number;
}

interface Lane {
  pending: PendingJob[];
  handler?: JobHandler<object>;
  concurrency: number;
  active: number;
}

/** Keys remembered after their job ended, so a repeated enqueue stays a no-op for a while. */
const REMEMBERED_KEYS = 10_000;

export interface InProcessOptions {
  /** First retry delay in milliseconds (doubles per attempt); tests shorten it. */
  retryDelayMs?: number;
  retryLimit?: number;
}

export class InProcessJobQueue implements JobQueue {
  readonly kind = "in-process" as const;
  private readonly lanes = new Map<QueueName, Lane>();
  private readonly keys = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private waitingRetries = 0;
  private readonly retryDelayMs: number;
  private readonly retryLimit: number;

  constructor(options: InProcessOptions = {}) {
    this.retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_SECONDS * 1000;
    this.retryLimit = options.retryLimit ?? RETRY_LIMIT;
  }

  private lane(queue: QueueName): Lane {
    let lane = this.lanes.get(queue);
    if (!lane) {
      lane = { pending: [], concurrency: 1, active: 0 };
      this.lanes.set(queue, lane);
    }
    return lane;
  }

  enqueue<T extends object>(queue: QueueName, data: T, { key }: EnqueueOptions): Promise<void> {
    const scoped = `${queue}:${key}`;
    if (this.keys.has(scoped)) return Promise.resolve();
    this.keys.add(scoped);
    if (this.keys.size > REMEMBERED_KEYS) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.lane(queue).pending.push({ id: randomUUID(), key: scoped, data, attempt: 0 });
    this.pump(queue);
    return Promise.resolve();
  }

  work<T extends object>(
    queue: QueueName,
    handler: JobHandler<T>,
    { concurrency = 1 }: { concurrency?: number } = {},
  ): Promise<void> {
    const lane = this.lane(queue);
    lane.handler = handler as JobHandler<object>;
    lane.concurrency = Math.max(1, concurrency);
    this.pump(queue);
    return Promise.resolve();
  }

  private pump(queue: QueueName): void {
    const lane = this.lane(queue);
    const handler = lane.handler;
    if (!handler || this.stopping.signal.aborted) return;
    while (lane.active < lane.concurrency && lane.pending.length > 0) {
      const job = lane.pending.shift();
      if (!job) break;
      lane.active++;
      const done = this.runOne(queue, handler, job).finally(() => {
        lane.active--;
        this.running.delete(done);
        this.pump(queue);
      });
      this.running.add(done);
    }
  }

  private async runOne(queue: QueueName, handler: JobHandler<object>, job: PendingJob) {
    try {
      await handler({
        id: job.id,
        data: job.data,
        attempt: job.attempt,
        signal: this.stopping.signal,
      });
    } catch (error) {
      if (job.attempt >= this.retryLimit || this.stopping.signal.aborted) {
        console.error(`job ${queue} ${job.id} failed for good`, error);
        return;
      }
      console.error(`job ${queue} ${job.id} failed; retrying`, error);
      this.waitingRetries++;
      const delay = this.retryDelayMs * 2 ** job.attempt;
      setTimeout(() => {
        this.waitingRetries--;
        this.lane(queue).pending.push({ ...job, attempt: job.attempt + 1 });
        this.pump(queue);
      }, delay).unref();
    }
  }

  stats(): Promise<QueueStats> {
    let depth = this.waitingRetries;
    let working = false;
    for (const lane of this.lanes.values()) {
      depth += lane.pending.length;
      if (lane.handler) working = true;
    }
    return Promise.resolve({
      depth,
      activeWorkers: working && !this.stopping.signal.aborted ? 1 : 0,
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    const grace = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([Promise.allSettled([...this.running]), grace]);
  }
}
