// Password hashing. bcrypt (pure JS bcryptjs, no native build) with a cost that keeps a sign-in
// around a tenth of a second on our 2-core machines; tests may lower it through BCRYPT_COST.
// The work runs in worker threads (hash-workers.ts) so the event loop keeps serving, a few at a
// time (concurrency-gate.ts) so a flood of attempts is refused rather than queued for minutes.
import bcrypt from "bcryptjs";
import { config } from "~/server/infra/config";
import { ConcurrencyGate } from "./concurrency-gate";
import { HashTaskError, HashWorkerPool } from "./hash-workers";

// Two hashes at a time (each takes ~0.1 s of one core), at most 32 waiting; more are refused.
const gate = new ConcurrencyGate(2, 32);
const workers = new HashWorkerPool();
let workersUsable = true;

/** In a worker thread; on the main thread only if workers cannot start here at all. */
async function inWorker(
  task: Parameters<HashWorkerPool["run"]>[0],
  inProcess: () => Promise<string | boolean>,
): Promise<string | boolean> {
  if (!workersUsable) return inProcess();
  try {
    return await workers.run(task);
  } catch (error) {
    if (error instanceof HashTaskError) throw error;
    workersUsable = false;
    console.warn(
      "Password hashing falls back to the main thread (no worker thread):",
      error instanceof Error ? error.message : error,
    );
    return inProcess();
  }
}

export const hashPassword = (password: string): Promise<string> =>
  gate.run(async () => {
    const cost = config().bcryptCost;
    return String(
      await inWorker({ op: "hash", password, cost }, () => bcrypt.hash(password, cost)),
    );
  });

export const verifyPassword = (password: string, hash: string): Promise<boolean> =>
  gate.run(
    async () =>
      (await inWorker({ op: "compare", password, hash }, () => bcrypt.compare(password, hash))) ===
      true,
  );

/** Stops the worker threads (tests; the server never needs to). */
export const shutDownPasswordWorkers = (): Promise<void> => workers.close();

// A valid hash of a random string: comparing against it when the account does not exist keeps
// the response time the same, so sign-in does not reveal which emails have accounts.
export const decoyHash = "$2b$11$T.MO7yLSw.BNvw6ABCc7pOS.FZj9WmnR2JGYA0rv0yiDx6MyTybx.";
