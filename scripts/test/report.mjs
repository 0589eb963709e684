// Test runner (scripts/test.mjs), the report: the run's totals and per-step timings, step
// headings and progress lines, and the closing summary whose last line is `N passed, M failed`.
// A step that runs beside another one writes its lines to its own file descriptor (see
// runAlongside in processes.mjs), so this module also owns which output a line goes to.
import { AsyncLocalStorage } from "node:async_hooks";
import { writeSync } from "node:fs";

/** A step that failed; `counted` when its failures are already in the totals (failed tests). */
export class StepFailure extends Error {
  /** @param {string} message @param {{ counted?: boolean }} [options] counted: already in totals */
  constructor(message, options = {}) {
    super(message);
    this.counted = options.counted ?? false;
  }
}

export const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {{ name: string, ms: number | null, status: string }[]} */
export const timings = [];
const runStarted = Date.now();

/** @type {AsyncLocalStorage<number>} the current step's output fd, when not the terminal */
export const stepOutput = new AsyncLocalStorage();

/** console.log for step progress lines: to the terminal, or to the step's own output. */
export function say(line) {
  const fd = stepOutput.getStore();
  if (fd === undefined) console.log(line);
  else writeSync(fd, `${line}\n`);
}

export function heading(index, count, title) {
  console.log(`\n=== [${index}/${count}] ${title} ===`);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one timed sub-step; records its duration whether it passes or fails. */
export async function timed(name, fn) {
  const started = Date.now();
  try {
    const result = await fn();
    const ms = Date.now() - started;
    timings.push({ name, ms, status: "ok" });
    say(`--- ${name}: ok (${seconds(ms)})`);
    return result;
  } catch (error) {
    timings.push({ name, ms: Date.now() - started, status: "FAILED" });
    throw error;
  }
}

export function skipped(name, why, status = `skipped (${why})`) {
  timings.push({ name, ms: null, status });
}

export function printSummary() {
  console.log("\n=== Summary ===");
  const width = Math.max(...timings.map((t) => t.name.length), 5) + 2;
  for (const t of timings) {
    const time = t.ms === null ? "" : seconds(t.ms);
    console.log(`  ${t.name.padEnd(width)}${time.padStart(9)}  ${t.status}`);
  }
  console.log(`  ${"total".padEnd(width)}${seconds(Date.now() - runStarted).padStart(9)}`);
  if (totals.skipped > 0) console.log(`  (${totals.skipped} tests skipped or todo)`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
}

/** Counts a failure (unless already counted in the totals) and prints why. */
export function reportFailure(error) {
  const counted = error instanceof StepFailure && error.counted;
  if (!counted) totals.failed += 1;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n✖ FAILED: ${message}`);
  if (!(error instanceof StepFailure) && error instanceof Error && error.stack)
    console.error(error.stack);
}
