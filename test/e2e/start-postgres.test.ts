// `npm start` on PostgreSQL (scripts/start.mjs with DATABASE_URL): the web server and, beside it,
// a worker process at the background CPU priority; the worker is started again when it dies, and
// stopping `npm start` stops both. Runs the built app (npm test builds before e2e) on a throwaway
// PostgreSQL server; skipped, saying so, when the PostgreSQL server binaries are not installed.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "~/bench/throwaway-postgres";
import { freePort } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const hasPostgres = postgresBinDir() !== null;
if (!hasPostgres) {
  console.warn("npm start on PostgreSQL e2e skipped: no PostgreSQL server binaries.");
}

let database: ThrowawayPostgres | undefined;
let dataDir = "";
let app: ChildProcess | undefined;
let output = "";

/** Resolves with the first match of `pattern` in the output from `from` on. */
async function waitForOutput(pattern: RegExp, from: number, ms = 90_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const match = pattern.exec(output.slice(from));
    if (match) return match;
    await sleep(100);
  }
  throw new Error(`no ${pattern} in npm start's output (see test-results/e2e-start-postgres.log)`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  if (!hasPostgres) return;
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No build: run `npm run build` first (npm test does).");
  }
  database = await startThrowawayPostgres();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-start-pg-"));
}, 60_000);

afterAll(() => {
  if (app?.pid !== undefined && app.exitCode === null) {
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasPostgres)("npm start on PostgreSQL", () => {
  it("serves the web app with a worker process beside it, restarts the worker, stops both", async () => {
    const port = await freePort();
    mkdirSync(path.join(root, "test-results"), { recursive: true });
    const log = createWriteStream(path.join(root, "test-results", "e2e-start-postgres.log"));
    // WORKER unset: the default, which on PostgreSQL is a worker process beside the web server.
    const { WORKER: _unset, ...inherited } = process.env;
    app = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: root,
      env: {
        ...inherited,
        NODE_ENV: "production",
        DATABASE_URL: database?.url,
        PERSONA_ATLAS_DATA: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        NEXTAUTH_SECRET: "start-postgres-test-secret-of-enough-length",
        NEXT_TELEMETRY_DISABLED: "1",
        JOBS_POLL_SECONDS: "0.5",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a failed test can end everything it started.
      detached: true,
    });
    for (const stream of [app.stdout, app.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        log.write(chunk);
      });
    }
    const exited = new Promise<number | null>((resolve) => app?.once("exit", resolve));

    // Both processes start: the worker at the background priority, the web server without a
    // worker of its own (the readiness check counts one live worker: the separate process).
    const [, first] = await waitForOutput(/worker (\d+) is pulling jobs/, 0);
    await waitForOutput(/is serving on port/, 0);
    expect(output).not.toMatch(/Building Persona Atlas/);
    const workerPid = Number(first);
    expect(os.getPriority(workerPid)).toBe(Math.max(os.getPriority(), 10));
    // The registry of live workers behind activeWorkers is refreshed every 10 s.
    let ready = { ready: false, queue: { activeWorkers: 0 } };
    const readyBy = Date.now() + 40_000;
    while (ready.queue.activeWorkers === 0 && Date.now() < readyBy) {
      await sleep(500);
      ready = (await (await fetch(`http://127.0.0.1:${port}/api/ready`)).json()) as typeof ready;
    }
    expect(ready.ready).toBe(true);
    expect(ready.queue.activeWorkers).toBe(1);

    // A worker that dies is started again.
    const before = output.length;
    process.kill(workerPid, "SIGKILL");
    await waitForOutput(/The worker stopped \(SIGKILL\); starting it again/, before, 10_000);
    const [, second] = await waitForOutput(/worker (\d+) is pulling jobs/, before, 60_000);
    const restartedPid = Number(second);
    expect(restartedPid).not.toBe(workerPid);
    expect(alive(restartedPid)).toBe(true);

    // Stopping npm start stops the web server and the worker.
    app.kill("SIGTERM");
    expect(await exited).not.toBeUndefined();
    const end = Date.now() + 15_000;
    while (alive(restartedPid) && Date.now() < end) await sleep(100);
    expect(alive(restartedPid)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    log.end();
  }, 240_000);
});
