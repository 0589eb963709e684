// Many instances on one PostgreSQL: a throwaway server, two web-only instances (WORKER=off) and a
// standalone worker (`npm run worker`, the bundled dist/worker.mjs) on their own ports. A respondent
// submits through instance A, a researcher starts an analysis through instance B, the worker takes
// the run; the worker is killed mid-run, a second worker takes the run over once its lease expires,
// and instance A shows the finished run with the respondent from A counted.
// Skipped, saying so, when the PostgreSQL server binaries are not installed.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "~/bench/throwaway-postgres";
import { generateCarBuyers } from "~/server/features/demo/car-buyers";
import { freePort, launchBrowser, signIn } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const hasPostgres = postgresBinDir() !== null;
if (!hasPostgres) {
  console.warn("scale-out e2e skipped: no PostgreSQL server binaries (Debian package postgresql).");
}

const processes = new Set<ChildProcess>();
let database: ThrowawayPostgres | undefined;
let browser: Browser | undefined;
let dataDir = "";
let baseEnv: NodeJS.ProcessEnv = { ...process.env };
const log = () => {
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  return createWriteStream(path.join(root, "test-results", "e2e-scale-out.log"), { flags: "a" });
};

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const out = log();
  out.write(`\n===== ${new Date().toISOString()} ${name}: ${command} ${args.join(" ")}\n`);
  // Its own process group, so a kill also ends the worker's analysis child.
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  processes.add(child);
  child.once("exit", () => processes.delete(child));
  return child;
}

function kill(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function waitForHttp(url: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${ms} ms (see test-results/e2e-scale-out.log)`);
}

async function startWeb(name: string): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  start(name, "npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    ...baseEnv,
    WORKER: "off",
    PORT: String(port),
    NEXTAUTH_URL: url,
  });
  await waitForHttp(`${url}/signin`);
  return url;
}

/** Starts `npm run worker`'s bundle and waits until it says it is pulling jobs. */
async function startWorker(name: string): Promise<ChildProcess> {
  const child = start(name, process.execPath, ["dist/worker.mjs"], baseEnv);
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("is pulling jobs")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it started`)));
  });
  return child;
}

let webA = "";
let webB = "";
let firstWorker: ChildProcess;

beforeAll(async () => {
  if (!hasPostgres) return;
  if (!existsSync(path.join(root, "dist", "worker.mjs"))) {
    throw new Error("No dist/worker.mjs: run `npm run build` first (npm test does).");
  }
  database = await startThrowawayPostgres();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-scale-"));
  baseEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    PERSONA_ATLAS_DATA: dataDir,
    NEXTAUTH_SECRET: "scale-out-test-secret-shared-by-every-instance",
    SEED_DEMO: "true",
    SEED_DEMO_ANALYSIS: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    // A short lease and frequent supervision, so the takeover fits in the test.
    JOBS_HEARTBEAT_SECONDS: "10",
    JOBS_SUPERVISE_SECONDS: "2",
    JOBS_POLL_SECONDS: "0.5",
  };
  const prepare = start("prepare", "npx", ["tsx", "scripts/prepare-db.ts"], baseEnv);
  const code = await new Promise((resolve) => prepare.once("exit", resolve));
  if (code !== 0) throw new Error("preparing the database failed (test-results/e2e-scale-out.log)");
  [webA, webB] = await Promise.all([startWeb("web A"), startWeb("web B")]);
  firstWorker = await startWorker("worker 1");
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const child of processes) kill(child);
  database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function trpc(context: BrowserContext, base: string, procedure: string, input: unknown) {
  const response = await context.request.post(`${base}/api/trpc/${procedure}`, {
    data: { json: input },
    headers: { "content-type": "application/json" },
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result?.data?.json;
}

interface RunView {
  status: string;
  respondentCount: number | null;
  personaCount: number;
  error: string | null;
}

async function getRun(context: BrowserContext, base: string, workspaceId: string, runId: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { workspaceId, runId } }));
  const response = await context.request.get(`${base}/api/trpc/analysis.get?input=${input}`);
  const body = (await response.json()) as { result?: { data?: { json?: RunView } } };
  const run = body.result?.data?.json;
  if (!run) throw new Error(`analysis.get failed: ${JSON.stringify(body)}`);
  return run;
}

describe.skipIf(!hasPostgres)("two web instances and workers on one PostgreSQL", () => {
  it("runs an analysis started on B in a worker, survives the worker's death, and shows it on A", async () => {
    const client = new pg.Client({ connectionString: database?.url });
    client.on("error", () => undefined); // the server is stopped at the end
    await client.connect();
    const surveys = await client
      .query<{
        id: string;
        slug: string;
        workspaceId: string;
        n: number;
      }>(
        `SELECT s.id, s.slug, s."workspaceId", count(r.id)::int AS n FROM "Survey" s
       JOIN "SurveyVersion" v ON v."surveyId" = s.id JOIN "Response" r ON r."versionId" = v.id
       WHERE r.status = 'COMPLETE' GROUP BY s.id ORDER BY n DESC LIMIT 1`,
      )
      .finally(() => client.end());
    const survey = surveys.rows[0];
    if (!survey) throw new Error("the demo survey was not seeded");

    // A respondent submits through instance A.
    const [respondent] = generateCarBuyers({
      seed: 99,
      count: 1,
      partialShare: 0,
      now: new Date(),
    });
    const submitted = await fetch(`${webA}/api/v1/public/surveys/${survey.slug}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        responseId: randomUUID(),
        answers: respondent?.answers,
        complete: true,
        locale: "en",
      }),
    });
    expect(submitted.status, await submitted.clone().text()).toBeLessThan(300);

    // A researcher starts the analysis through instance B (the session works on A too: one secret).
    const context = await browser!.newContext();
    const page = await context.newPage();
    await signIn(page, webB, "researcher@demo.personaatlas.test");
    const { runId } = (await trpc(context, webB, "analysis.start", {
      workspaceId: survey.workspaceId,
      surveyId: survey.id,
    })) as { runId: string };

    // The first worker takes it; it is killed mid-run, with no chance to say goodbye.
    const waitFor = async (want: (run: RunView) => boolean, ms: number, pollMs = 100) => {
      const end = Date.now() + ms;
      for (;;) {
        const run = await getRun(context, webA, survey.workspaceId, runId);
        if (want(run) || Date.now() > end) return run;
        await sleep(pollMs);
      }
    };
    const running = await waitFor((r) => r.status !== "QUEUED", 30_000, 50);
    expect(running.status).toBe("RUNNING");
    // Background work: the worker runs below the web instances' CPU priority (WORKER_NICE).
    expect(os.getPriority(firstWorker.pid)).toBe(Math.max(os.getPriority(), 10));
    kill(firstWorker);

    // Nobody fails it: it stays running until its lease expires, and a new worker finishes it.
    await sleep(3_000);
    expect((await getRun(context, webA, survey.workspaceId, runId)).status).toBe("RUNNING");
    await startWorker("worker 2");
    const finished = await waitFor(
      (r) => r.status !== "RUNNING" && r.status !== "QUEUED",
      // Lease expiry (10 s) and the retry's back-off come first, then the whole run again
      // (about 30-40 s for the demo survey on two cores).
      150_000,
      500,
    );
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("SUCCEEDED");
    expect(finished.respondentCount).toBe(survey.n + 1);
    expect(finished.personaCount).toBeGreaterThanOrEqual(2);
    await context.close();
  }, 300_000);
});
