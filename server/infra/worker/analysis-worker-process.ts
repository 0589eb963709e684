// Starts the analysis worker as a child process and turns its messages into a promise with
// progress callbacks; `cancel()` ends the process. One child per run: a run's memory is returned
// when it ends, and a cancel is a kill.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AnalysisOptions, AnalysisProgress } from "~/server/analysis/pipeline-input";
import type { AnalysisResult } from "~/server/analysis/result";
import type { AnalysisInput } from "~/server/analysis/survey";
import { toColumnar, type ChildMessage } from "./analysis-input-columns";
import { lowerToBackgroundPriority } from "./background-priority";

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

/**
 * The child's code, resolved at run time from the app's root. In production the JavaScript that
 * `npm run build` bundled (dist/analysis-worker.mjs), so a run starts without compiling anything;
 * in development and tests, or before a build, the TypeScript source through tsx.
 * ANALYSIS_CHILD=built asks for the bundle outside production too (the analysis bench measures
 * what production runs).
 */
function childScript(): { script: string; execArgv: string[] } {
  const root = /*turbopackIgnore: true*/ process.cwd();
  const compiled = path.join(root, "dist", "analysis-worker.mjs");
  const wantBuilt = process.env.NODE_ENV === "production" || process.env.ANALYSIS_CHILD === "built";
  if (wantBuilt && existsSync(compiled)) {
    return { script: compiled, execArgv: [] };
  }
  return {
    script: path.join(root, "scripts", "analysis-worker.ts"),
    execArgv: ["--import", "tsx"],
  };
}

/** Rows per IPC message: serialising one slice holds the web process for a few milliseconds. */
export const ROWS_PER_SLICE = 5_000;

/**
 * Hands the input to the child a slice of rows at a time, yielding between slices, then asks it to
 * run. Serialising 100,000 responses in one send held the web process, and every other request
 * of it, for 0.5-1.4 s (bench/analysis-app.ts); slices keep each hold short. A child that is
 * gone (cancelled, crashed) gets nothing more.
 */
async function sendInSlices(
  child: ChildProcess,
  input: AnalysisInput,
  options: AnalysisOptions,
  rowsPerSlice: number,
): Promise<void> {
  const send = (message: ChildMessage) => {
    if (child.connected) child.send(message);
  };
  for (let start = 0; start < input.responses.length; start += rowsPerSlice) {
    const responses = input.responses.slice(start, start + rowsPerSlice);
    send({ type: "rows", rows: toColumnar({ questions: [], responses }) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  send({ type: "run", questions: input.questions, options });
}

export function startAnalysisWorker(
  input: AnalysisInput,
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void,
  { rowsPerSlice = ROWS_PER_SLICE }: { rowsPerSlice?: number } = {},
): RunningWorker {
  const { script, execArgv } = childScript();
  // ANALYSIS_CHILD_CPU_PROF=dir writes a V8 CPU profile of the child there (Node refuses
  // --cpu-prof in NODE_OPTIONS, so it has to be an argument).
  const profileDir = process.env.ANALYSIS_CHILD_CPU_PROF;
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // Chosen at run time; the bundler must not try to resolve it at build time.
  const child = fork(/*turbopackIgnore: true*/ script, [], {
    execArgv: [...execArgv, ...profiling],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  // The run is background work: a request of the web process gets a core before it does.
  if (child.pid !== undefined) lowerToBackgroundPriority(child.pid);
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
  void sendInSlices(child, input, options, rowsPerSlice);
  return {
    outcome,
    cancel() {
      cancelled = true;
      child.kill("SIGTERM");
    },
  };
}
