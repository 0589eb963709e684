// Starts the analysis worker as a child process and turns its messages into a promise with
// progress callbacks; `cancel()` ends the process.
import { fork } from "node:child_process";
import path from "node:path";
import type { AnalysisOptions, AnalysisProgress } from "~/server/analysis/pipeline";
import type { AnalysisResult } from "~/server/analysis/result";
import type { AnalysisInput } from "~/server/analysis/survey";

export type WorkerOutcome =
  | { kind: "result"; result: AnalysisResult }
  | { kind: "input-error"; message: string }
  | { kind: "crashed"; message: string }
  | { kind: "cancelled" };

export interface RunningWorker {
  outcome: Promise<WorkerOutcome>;
  cancel(): void;
}

type WorkerMessage =
  | ({ type: "progress" } & AnalysisProgress)
  | { type: "result"; result: AnalysisResult }
  | { type: "error"; known: boolean; message: string };

export function startAnalysisWorker(
  input: AnalysisInput,
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void,
): RunningWorker {
  // Resolved at run time from the app's root; the worker is TypeScript run through tsx.
  const script = path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    "scripts",
    "analysis-worker.ts",
  );
  const child = fork(script, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  let cancelled = false;
  let settled: WorkerOutcome | undefined;
  const outcome = new Promise<WorkerOutcome>((resolve) => {
    const settle = (value: WorkerOutcome) => {
      if (!settled) {
        settled = value;
        resolve(value);
      }
    };
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "progress")
        onProgress({ phase: message.phase, percent: message.percent });
      else if (message.type === "result") settle({ kind: "result", result: message.result });
      else if (message.known) settle({ kind: "input-error", message: message.message });
      else settle({ kind: "crashed", message: message.message });
    });
    child.on("error", (error) => settle({ kind: "crashed", message: error.message }));
    child.on("exit", (code, signal) => {
      if (cancelled) settle({ kind: "cancelled" });
      else settle({ kind: "crashed", message: `analysis worker exited (${signal ?? code})` });
    });
  });
  child.send({ input, options });
  return {
    outcome,
    cancel() {
      cancelled = true;
      child.kill("SIGTERM");
    },
  };
}
