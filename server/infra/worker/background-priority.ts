// The CPU priority of background work. Worker processes and analysis children run at a higher
// niceness (WORKER_NICE, default 10) than the web process, so on a machine that also serves
// requests the scheduler gives a waiting request the core first and the analysis the rest: with
// the worker at nice 10, other requests' p99 during a 100,000-response run fell from 300 ms to
// under 100 ms (bench/analysis-app.ts). Only ever lowers the priority: a process that is already
// nicer than asked stays as it is, and an unprivileged process could not raise it back anyway.
// On Linux the setting applies to one thread (the main thread of `pid`), and what that thread
// starts afterwards (child processes, new threads) inherits it.
import { getPriority, setPriority } from "node:os";
import { config, type Env } from "~/server/infra/config";

/**
 * Lowers the priority of process `pid` (0: this one) to the configured niceness; returns the
 * niceness it has afterwards, or null where the platform refused (the work then simply runs at
 * normal priority).
 */
export function lowerToBackgroundPriority(pid = 0, env?: Env): number | null {
  const wanted = config(env).workerNice;
  try {
    const current = getPriority(pid);
    if (current < wanted) setPriority(pid, wanted);
    return getPriority(pid);
  } catch {
    return null;
  }
}
