// The job interface every background task goes through (analysis runs, journey fills, ...), with
// two implementations behind it: pg-boss on PostgreSQL (many instances and workers share one
// queue) and an in-process queue for the embedded PGlite database (one process, one connection).
// Callers name a queue, hand over plain JSON data and an idempotency key; handlers get the data,
// which attempt this is and an abort signal that fires when the job's lease is lost or the worker
// stops.

/**
 * The queues the app knows; each has one handler, registered by the worker. analysis-run carries a
 * run and the journey fills that follow it; response-import a CSV file stored at upload;
 * journey-refill a map fill asked for on the map page (a refill, or a survey linked); render a PDF
 * or PNG download (persona card, journey map) stored in a RenderJob row.
 */
export type QueueName = "analysis-run" | "journey-refill" | "response-import" | "render";

export const QUEUE_NAMES: readonly QueueName[] = [
  "analysis-run",
  "journey-refill",
  "response-import",
  "render",
];

export interface JobContext<T> {
  id: string;
  data: T;
  /** 0 on the first attempt; above 0 when a retry or a takeover after an expired lease. */
  attempt: number;
  /** Aborted when this worker no longer holds the job (lease lost, worker stopping). */
  signal: AbortSignal;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

export interface EnqueueOptions {
  /**
   * Idempotency key: enqueuing the same key twice makes one job. The key stays taken while the
   * job is kept (pg-boss keeps finished jobs for a week), so use one key per piece of work.
   */
  key: string;
}

export interface QueueStats {
  /** Jobs waiting to start (queued or waiting for a retry). */
  depth: number;
  /** Workers that are alive and pulling jobs (other instances included on PostgreSQL). */
  activeWorkers: number;
}

export interface JobQueue {
  readonly kind: "pg-boss" | "in-process";
  enqueue<T extends object>(queue: QueueName, data: T, options: EnqueueOptions): Promise<void>;
  /** Starts pulling jobs of this queue in this process, at most `concurrency` at a time. */
  work<T extends object>(
    queue: QueueName,
    handler: JobHandler<T>,
    options?: { concurrency?: number },
  ): Promise<void>;
  stats(): Promise<QueueStats>;
  /** Stops pulling; running handlers get an aborted signal and are awaited for a short while. */
  stop(): Promise<void>;
}

/** Retries after a handler threw: this many, with exponential backoff from the first delay. */
export const RETRY_LIMIT = 3;
export const RETRY_DELAY_SECONDS = 5;
