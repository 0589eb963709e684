// The stability thread's side (see stability-thread.ts): for each request on its port, the
// stability rounds on the rows it was sent, the reply posted back, then the shared signal raised
// so the main thread, waiting on it, wakes up and takes the reply.
import { workerData, type MessagePort } from "node:worker_threads";
import {
  stabilityOfBootstrapRows,
  type BootstrapRows,
  type StabilityOptions,
} from "~/server/analysis/stability";
import type { StabilityReply } from "./stability-thread";

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

port.on("message", ({ rows, options }: { rows: BootstrapRows; options: StabilityOptions }) => {
  let reply: StabilityReply;
  try {
    reply = { result: stabilityOfBootstrapRows(rows, options) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
