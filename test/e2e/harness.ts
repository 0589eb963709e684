// End-to-end harness: starts the BUILT app (`npm run build` first; scripts/test.mjs does) on a free
// port against a fresh embedded database in a temp directory, and drives Debian's Chromium through
// playwright-core. Server output goes to test-results/e2e-server.log; screenshots to
// test-results/screenshots/.
//
// Preparing a database (migrate, seed, demo analysis) costs ~20-30 CPU seconds, the same work for
// every file. So the first startApp of a run prepares it once into a template directory (one per
// distinct `env` option, in the run-scoped folder from test/e2e/global-setup.ts) and every app,
// that one included, starts on its own private copy of the closed template: each file still
// gets a fresh, unshared database with the same contents as before.
import { createHash } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { freePort } from "~/scripts/throwaway-postgres.mjs";
import { ensureAuthSecret, secretFile } from "~/server/features/accounts/secret";
import { demoPassword } from "~/server/features/demo/seed";
import { E2E_TEMPLATES_KEY } from "./global-setup";

const root = fileURLToPath(new URL("../..", import.meta.url));
const resultsDir = path.join(root, "test-results");
const serverLog = path.join(resultsDir, "e2e-server.log");

export const CHROMIUM_PATH = "/usr/bin/chromium";

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234, no trailing slash */
  baseUrl: string;
  /** the temp directory holding this app's database (PERSONA_ATLAS_DATA) */
  dataDir: string;
  /** stops the server and deletes its data directory; safe to call twice */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** extra environment for the database preparation step and the server */
  env?: Record<string, string>;
  /**
   * extra environment for the server only (e.g. TRUST_PROXY): unlike `env` it does not reach the
   * database preparation, so the app starts on a copy of the same template as apps without it
   */
  serverEnv?: Record<string, string>;
  /** how long to wait for the server to answer GET / (default 60 s) */
  timeoutMs?: number;
  /**
   * runs after the database is prepared and before the server starts (PGlite is one process at
   * a time), e.g. to seed test data with openDatabase(resolveDatabaseTarget(env)); close it again
   */
  beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>;
  /** serve through scripts/serve.ts (what `npm start` runs: client addresses from the socket,
   * TRUST_PROXY, HSTS and Secure cookies over HTTPS) instead of plain `next start` */
  customServer?: boolean;
}

const running = new Set<ChildProcess>();
const dataDirs = new Set<string>();

function killAll(): void {
  for (const child of running) killGroup(child, "SIGKILL");
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
// Servers run in their own process group, so nothing else stops them: a test that forgets
// stop(), or an interrupted run (scripts/test.mjs signals vitest's group), must not leave one behind.
process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal); // the handler was a `once`: this signal now terminates
  });
}

export { freePort };

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: npx, next and its workers
  } catch {
    // already gone
  }
}

function logTail(lines = 40): string {
  try {
    return readFileSync(serverLog, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** The run's template folder (from global-setup.ts); undefined outside the e2e project. */
function templatesDir(): string | undefined {
  try {
    return inject(E2E_TEMPLATES_KEY) || undefined;
  } catch {
    return undefined;
  }
}

/** One template per distinct `env` option: it reaches prepare-db, so it may change the data. */
function templateKey(extraEnv: Record<string, string> = {}): string {
  const entries = Object.entries(extraEnv).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 16);
}

/**
 * Gives the app a fresh database in a temp directory (a private copy of the run's template, which
 * `npx tsx scripts/prepare-db.ts` migrated and seeded once; see the header), then starts `npx next start` on a free port and waits until GET / answers.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next/: run `npm run build` first (npm test does).");
  }
  mkdirSync(resultsDir, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-e2e-"));
  dataDirs.add(dataDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PERSONA_ATLAS_DATA: dataDir,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    NEXTAUTH_URL: baseUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  delete env.DATABASE_URL; // always the fresh embedded database, never a developer's server

  const log = createWriteStream(serverLog, { flags: "a" });
  log.write(`\n===== ${new Date().toISOString()} startApp ${baseUrl} data=${dataDir}\n`);
  const spawnLogged = (args: string[], childEnv: NodeJS.ProcessEnv = env): ChildProcess => {
    const child = spawn("npx", args, {
      cwd: root,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.add(child);
    child.once("exit", () => running.delete(child));
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    return child;
  };

  let server: ChildProcess | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (server) {
      killGroup(server, "SIGTERM");
      const done = await Promise.race([exited(server).then(() => true), sleep(10_000, false)]);
      if (!done) {
        killGroup(server, "SIGKILL");
        await exited(server);
      }
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    dataDirs.delete(dataDir);
  };

  const prepareInto = async (dir: string): Promise<void> => {
    const prepareEnv = { ...env, PERSONA_ATLAS_DATA: dir, PGLITE_DIR: path.join(dir, "pglite") };
    log.write(`$ npx tsx scripts/prepare-db.ts (data=${dir})\n`);
    const prepare = spawnLogged(["tsx", "scripts/prepare-db.ts"], prepareEnv);
    const prepared = await exited(prepare);
    if (prepared !== 0) {
      throw new Error(
        `Database preparation (npx tsx scripts/prepare-db.ts) failed with exit code ${prepared}.\n` +
          `Last lines of ${serverLog}:\n${logTail()}`,
      );
    }
  };

  try {
    const templates = templatesDir();
    if (templates) {
      const template = path.join(templates, templateKey(options.env));
      if (!existsSync(template)) {
        // Prepared beside the final name and renamed, so a half-written template never exists.
        const partial = mkdtempSync(`${template}.partial-`);
        dataDirs.add(partial);
        try {
          await prepareInto(partial);
          renameSync(partial, template);
        } finally {
          rmSync(partial, { recursive: true, force: true });
          dataDirs.delete(partial);
        }
      }
      log.write(`(fresh copy of the prepared database ${template})\n`);
      // The copy shares no secret with other apps: each gets its own, as prepare-db gives it.
      cpSync(template, dataDir, {
        recursive: true,
        filter: (source) => source !== secretFile({ PERSONA_ATLAS_DATA: template }),
      });
      ensureAuthSecret(env);
    } else {
      await prepareInto(dataDir);
    }

    if (options.beforeStart) {
      log.write("(beforeStart hook)\n");
      await options.beforeStart(env);
    }

    Object.assign(env, options.serverEnv);
    if (options.customServer) {
      env.HOST = "127.0.0.1";
      log.write(`$ npx tsx scripts/serve.ts (PORT=${port})\n`);
      server = spawnLogged(["tsx", "scripts/serve.ts"]);
    } else {
      log.write(`$ npx next start -p ${port} -H 127.0.0.1\n`);
      server = spawnLogged(["next", "start", "-p", String(port), "-H", "127.0.0.1"]);
    }
    const serverProcess = server;
    let exitCode: number | null | undefined;
    void exited(serverProcess).then((code) => (exitCode = code));

    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(
          `next start exited with code ${exitCode} before answering.\n` +
            `Last lines of ${serverLog}:\n${logTail()}`,
        );
      }
      try {
        await fetch(`${baseUrl}/`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
        return { baseUrl, dataDir, stop };
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The app did not answer GET ${baseUrl}/ within ${(options.timeoutMs ?? 60_000) / 1000} s.\n` +
            `Last lines of ${serverLog}:\n${logTail()}`,
        );
      }
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What a test file's setup started: its own app and a browser. */
export interface AppAndBrowser {
  app: RunningApp;
  browser: Browser;
}

/**
 * The setup most e2e files share, registered in the calling file (or describe block): before its
 * tests, start the app (`startApp(options)`) and launch Chromium, then hand both to `onStarted`
 * (which stores them in the file's own variables); after them, close the browser, then stop the
 * app (which deletes its database). A file that needs more setup (a signed-in page, a temp
 * folder) adds its own beforeAll/afterAll after this call: those run after this start and before
 * this stop.
 */
export function useAppAndBrowser(
  options: StartAppOptions,
  onStarted: (started: AppAndBrowser) => void,
): void {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(options);
    browser = await launchBrowser();
    onStarted({ app, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
}

/** Headless Debian Chromium (playwright cannot download its own browsers here). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: apt-get install -y --no-install-recommends chromium (npm test does as root).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * A page in its own browser context (fresh cookies). Use this rather than browser.newPage():
 * axe (checkA11y) needs a page whose context it can open a second page in. Closing the page
 * closes its context.
 */
export async function openPage(
  browser: Browser,
  options?: Parameters<Browser["newContext"]>[0],
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.once("close", () => void context.close().catch(() => undefined));
  return page;
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(resultsDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type A11yViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** Runs axe on the page (opened with openPage); returns only serious and critical violations. */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One line per violation and affected element, for readable assertion messages. */
export function formatViolations(violations: A11yViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id}: ${v.help} at ${n.target.join(" ")}`))
    .join("\n");
}

/**
 * Signs in through the sign-in page (a demo account by default password) and waits until the
 * app has moved into a workspace.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = demoPassword,
): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/[^/]+\/surveys$/);
}

/** A heading by its exact text, the way the e2e files find page sections. */
export const heading = (page: Page, name: string) =>
  page.getByRole("heading", { name, exact: true });

/** Fails the test with a readable list when axe finds a serious or critical violation. */
export async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  const violations = await checkA11y(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}
