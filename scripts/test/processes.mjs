// Test runner (scripts/test.mjs), child processes: each command runs in its own process group so
// that a signal reaches npx's grandchildren too; synchronous cleanups (a throwaway PostgreSQL, temp
// folders) run on exit and on signals; runAlongside runs a step beside another with its output
// kept aside.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { StepFailure, say, stepOutput } from "./report.mjs";

/** The repository root (the runner works from there). */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
/** @type {Set<() => void>} synchronous cleanups, run on exit and on signals */
export const cleanups = new Set();

export function baseEnv(overrides = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

export function shellQuote(word) {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}

/** @returns {Promise<number>} the exit code (128 + n for a signal) */
export function run(command, args, { env = baseEnv(), cwd = root } = {}) {
  say(
    `$ ${[command, ...args].map((w) => (/^[\w./:=@,+-]+$/.test(w) ? w : shellQuote(w))).join(" ")}`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", stepOutput.getStore() ?? "inherit", stepOutput.getStore() ?? "inherit"],
      detached: true,
    });
    children.add(child);
    child.on("error", (error) => {
      children.delete(child);
      reject(new StepFailure(`could not start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}

export async function runOrFail(name, command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) throw new StepFailure(`${name} failed (exit code ${code}); see the output above`);
}

export function killChildren(signal) {
  for (const child of children) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

export function runCleanups() {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Runs fn beside whatever the caller does next, with its lines and its commands' output going
 * to a temp file instead of the terminal; resolves to { error, output } (error null on success)
 * for the caller to print when its own output is done.
 */
export async function runAlongside(fn) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-test-output-"));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  cleanups.add(removeDir);
  const file = path.join(dir, "output.log");
  const fd = openSync(file, "a");
  let error = null;
  try {
    await stepOutput.run(fd, fn);
  } catch (caught) {
    error = caught;
  } finally {
    closeSync(fd);
  }
  const output = readFileSync(file, "utf8");
  cleanups.delete(removeDir);
  removeDir();
  return { error, output };
}
