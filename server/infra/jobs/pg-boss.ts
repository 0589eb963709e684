// The job queue on PostgreSQL, with pg-boss: jobs are rows in the `pgboss` schema, so any number of
// web instances enqueue and any number of worker processes pull from the same queue.
// - Idempotent: a job's id is derived from its key, and pg-boss inserts ON CONFLICT DO NOTHING.
// - Retries: a handler that throws is retried RETRY_LIMIT times with exponential backoff.
// - Lease: each active job carries a heartbeat (refreshed by pg-boss while the handler runs). When
//   a worker dies its heartbeat stops; the next supervision pass of any live instance puts the job
//   back for a retry, and another worker takes it over. No instance fails another's jobs at start.
import { createHash } from "node:crypto";
import { PgBoss } from "pg-boss";
import {
  QUEUE_NAMES,
  RETRY_DELAY_SECONDS,
  RETRY_LIMIT,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type QueueName,
  type QueueStats,
} from "./types";

export interface PgBossOptions {
  connectionString: string;
  /** Seconds without a heartbeat before a job's lease is lost (pg-boss minimum: 10). */
  heartbeatSeconds?: number;
  /** How often an instance looks for expired leases, in seconds. */
  superviseSeconds?: number;
  /** How often an idle worker polls for new jobs, in seconds. */
  pollSeconds?: number;
}

/** A stable UUID-shaped id for a key, so enqueuing the same key twice inserts one row. */
export function jobIdForKey(queue: QueueName, key: string): string {
  const hex = createHash("sha256").update(`${queue}\u0000${key}`).digest("hex");
  // Version 5-style layout (pg-boss stores ids in a uuid column).
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class PgBossJobQueue implements JobQueue {
  readonly kind = "pg-boss" as const;
  private readonly boss: PgBoss;
  private started: Promise<void> | undefined;
  private readonly heartbeatSeconds: number;
  private readonly pollSeconds: number;

  constructor(options: PgBossOptions) {
    this.heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 30);
    this.pollSeconds = Math.max(0.5, options.pollSeconds ?? 2);
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      application_name: "persona-atlas-jobs",
      max: 4,
      superviseIntervalSeconds: Math.max(1, options.superviseSeconds ?? 15),
      // The registry row (and its list of workers) is what stats() counts: keep it fresh.
      instanceHeartbeatSeconds: 10,
    });
    this.boss.on("error", (error) => console.error("job queue error", error));
  }

  /** Installs or migrates the pg-boss schema on first use and creates our queues. */
  private start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      for (const name of QUEUE_NAMES) {
        await this.boss.createQueue(name, {
          retryLimit: RETRY_LIMIT,
          retryDelay: RETRY_DELAY_SECONDS,
          retryBackoff: true,
          heartbeatSeconds: this.heartbeatSeconds,
          // A hard upper bound on one attempt, whatever its heartbeats say.
          expireInSeconds: 4 * 60 * 60,
        });
      }
    })();
    return this.started;
  }

  async enqueue<T extends object>(
    queue: QueueName,
    data: T,
    { key }: EnqueueOptions,
  ): Promise<void> {
    await this.start();
    await this.boss.send(queue, data, { id: jobIdForKey(queue, key) });
  }

  async work<T extends object>(
    queue: QueueName,
    handler: JobHandler<T>,
    { concurrency = 1 }: { concurrency?: number } = {},
  ): Promise<void> {
    await this.start();
    await this.boss.work<T>(
      queue,
      { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: this.pollSeconds },
      async (jobs) => {
        for (const job of jobs) {
          await handler({
            id: job.id,
            data: job.data,
            attempt: job.retryCount,
            signal: job.signal,
          });
        }
      },
    );
  }

  async stats(): Promise<QueueStats> {
    await this.start();
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        "SELECT count(*)::int AS depth FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry')",
        [QUEUE_NAMES],
      );
    const instances = await this.boss.getInstances();
    const depth = Number((rows[0] as { depth?: number } | undefined)?.depth ?? 0);
    const activeWorkers = instances.filter((i) => i.live && i.workers.length > 0).length;
    return { depth, activeWorkers };
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, timeout: 5_000 });
  }
}
