// bcrypt in worker threads. bcryptjs is pure JavaScript: on the main thread each hash takes
// ~0.1 s of the event loop that serves every request. A small pool of workers runs it instead;
// callers bound how many tasks are in flight (passwords.ts), so a worker is always free for
// the next task. Workers are unref'd so that scripts (seed, CLI, tests) still exit on their own.
// The worker's code is inline (eval) rather than a file: Next bundles the server code, and a
// separate worker file would not be where the bundle looks for it. It loads bcryptjs from the
// app's node_modules, which is where the server runs.
import { Worker } from "node:worker_threads";

type Task =
  | { op: "hash"; password: string; cost: number }
  | { op: "compare"; password: string; hash: string };

// The worker lowers its own scheduling priority to nice 10 (on Linux, setpriority with pid 0
// applies to the calling thread only): under a flood of sign-ins the hashes yield to the event
// loop that serves respondents instead of competing with it for the cores. Nice 19 starved
// hashing entirely on a busy machine; 10 leaves it a fair share.
const workerSource = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
try { require("node:os").setPriority(10); } catch {}
parentPort.on("message", (task) => {
  const run = task.op === "hash"
    ? bcrypt.hash(task.password, task.cost)
    : bcrypt.compare(task.password, task.hash);
  run.then(
    (value) => parentPort.postMessage({ value }),
    (error) => parentPort.postMessage({ error: String(error) }),
  );
});
`;

/** bcrypt itself refused the task (e.g. a malformed hash); the worker is fine. */
export class HashTaskError extends Error {}

interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

export class HashWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  /** Each worker runs one task at a time: the one it is running. */
  private readonly current = new Map<Worker, Pending>();

  run(task: Task): Promise<string | boolean> {
    const worker = this.idle.pop() ?? this.spawn();
    return new Promise<string | boolean>((resolve, reject) => {
      this.current.set(worker, { resolve, reject });
      worker.ref();
      worker.postMessage(task);
    }).finally(() => {
      if (this.all.has(worker)) {
        worker.unref();
        this.idle.push(worker);
      }
    });
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource, { eval: true });
    worker.unref();
    this.all.add(worker);
    worker.on("message", (message: { value?: string | boolean; error?: string }) => {
      const waiting = this.current.get(worker);
      if (!waiting) return;
      this.current.delete(worker);
      if (message.error !== undefined) waiting.reject(new HashTaskError(message.error));
      else waiting.resolve(message.value as string | boolean);
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", () => this.fail(worker, new Error("The password worker stopped.")));
    return worker;
  }

  /** A broken worker leaves the pool; its task (one at a time per worker) is rejected. */
  private fail(worker: Worker, error: Error): void {
    if (!this.all.delete(worker)) return;
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.current.get(worker)?.reject(error);
    this.current.delete(worker);
  }
}
