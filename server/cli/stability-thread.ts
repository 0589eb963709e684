// The `analyze` command's second core: the persona engine's stability rounds (100 bootstrap
// refits, about a fifth of a million-row run) run on a worker thread while the main thread
// profiles the personas, which needs none of their result (server/analysis/pipeline.ts,
// StabilityRunner). The engine stays synchronous: when the cards need the result, the main thread
// waits for the thread's reply with Atomics.wait and takes it off the port with
// receiveMessageOnPort. The thread computes stabilityOfBootstrapRows on a copy of the very rows
// the engine chose, so the result is the one the engine would have computed itself; whenever the
// thread cannot give it (it failed to start, threw, or went silent), it is computed here instead.
// Fitting half of chooseK's k curve on the thread as well was tried and dropped: the run got
// slower (27.5-29.8 s against 24 s at 1M rows), the thread's fits running on code its own engine
// had not optimised yet while the main thread waited for them.
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from "node:worker_threads";
import { stabilityHere, type StabilityRunner } from "~/server/analysis/pipeline";
import { stabilityOfBootstrapRows, type StabilityResult } from "~/server/analysis/stability";

/** What the thread answers: the result, or why it has none. */
export type StabilityReply = { result: StabilityResult } | { error: string };

export interface StabilityThread {
  runStability: StabilityRunner;
  /** Whether the rounds ran on the thread (false: computed on the main thread). */
  ranOnThread(): boolean;
  close(): Promise<void>;
}

/** Longest wait for the thread's reply before computing the result here after all. */
const REPLY_TIMEOUT_MS = 5 * 60_000;

/**
 * Starts the thread now (it loads while the CSV is read), for one analysis. Falls back to the
 * main thread silently: the thread only saves time.
 */
export function startStabilityThread(): StabilityThread {
  let worker: Worker | null = null;
  let port: MessagePort | null = null;
  let alive = true;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  try {
    const channel = new MessageChannel();
    // Its first module registers the TypeScript loader (a thread does not inherit it).
    worker = new Worker(new URL("./stability-thread-boot.mjs", import.meta.url), {
      workerData: { port: channel.port2, signal },
      transferList: [channel.port2],
    });
    // A thread that failed to start, or died, is not asked (its work is computed here).
    worker.on("error", () => (alive = false));
    worker.on("exit", () => (alive = false));
    worker.unref();
    port = channel.port1;
  } catch {
    worker = null;
  }
  let onThread = false;

  const runStability: StabilityRunner = (rows, options) => {
    if (!worker || !port || !alive) return stabilityHere(rows, options);
    const thread = worker;
    const replies = port;
    Atomics.store(signal, 0, 0);
    replies.postMessage({ rows, options });
    return () => {
      const deadline = Date.now() + REPLY_TIMEOUT_MS;
      for (;;) {
        const received = receiveMessageOnPort(replies);
        if (received) {
          const reply = received.message as StabilityReply;
          if ("result" in reply) {
            onThread = true;
            return reply.result;
          }
          break;
        }
        // The thread's id turns -1 when it has stopped, before its exit event could be seen.
        if (thread.threadId === -1 || Date.now() > deadline) break;
        Atomics.wait(signal, 0, 0, 200);
      }
      return stabilityOfBootstrapRows(rows, options);
    };
  };

  return {
    runStability,
    ranOnThread: () => onThread,
    async close() {
      port?.close();
      await worker?.terminate();
    },
  };
}
