// Background work runs at the configured niceness (WORKER_NICE, default 10) and is never made
// more urgent than it already is. Checked on real child processes: the scheduler's own reading.
import { spawn, type ChildProcess } from "node:child_process";
import { getPriority, setPriority } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { lowerToBackgroundPriority } from "~/server/infra/worker/background-priority";

const children: ChildProcess[] = [];
/** A child starts as nice as this test process (a run under `nice` starts above 0). */
const base = getPriority();

function idleChild(): number {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  if (child.pid === undefined) throw new Error("the child did not start");
  return child.pid;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

describe("lowerToBackgroundPriority", () => {
  it("gives a process the default niceness of 10, or the one WORKER_NICE names", () => {
    const pid = idleChild();
    expect(getPriority(pid)).toBe(base);
    expect(lowerToBackgroundPriority(pid, {})).toBe(Math.max(base, 10));
    expect(getPriority(pid)).toBe(Math.max(base, 10));

    const other = idleChild();
    expect(lowerToBackgroundPriority(other, { WORKER_NICE: "15" })).toBe(Math.max(base, 15));
    expect(getPriority(other)).toBe(Math.max(base, 15));
  });

  it("leaves a process that is already nicer than asked as it is", () => {
    const pid = idleChild();
    const nicer = Math.max(base, 17);
    setPriority(pid, nicer);
    expect(lowerToBackgroundPriority(pid, {})).toBe(nicer);
    expect(getPriority(pid)).toBe(nicer);
  });

  it("WORKER_NICE=0 leaves background work at normal priority", () => {
    const pid = idleChild();
    expect(lowerToBackgroundPriority(pid, { WORKER_NICE: "0" })).toBe(base);
  });

  it("answers null for a process it cannot reach instead of throwing", () => {
    expect(lowerToBackgroundPriority(2 ** 22 + 12345, {})).toBeNull();
  });
});
