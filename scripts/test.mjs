#!/usr/bin/env node
// The one test command (`npm test`; CI runs it through .ci/run). Steps, in order, failing fast:
//   1. system packages  Debian `chromium` and `poppler-utils` (e2e) and `postgresql` (pg); installed
//                       with apt-get when running as root, otherwise the run stops and names the
//                       install command.
//   2. checks           prisma generate (always), then typecheck, lint, depcruise.
//   3. unit             vitest project `unit`.
//   4. services         vitest project `services` on in-memory PGlite.
//   5. pg               vitest project `services` again, on a throwaway PostgreSQL server
//                       (fresh initdb in a temp dir, free port, removed afterwards, also on Ctrl-C).
//   6. e2e              `npm run build`, then vitest project `e2e` (headless Debian Chromium).
//   When both run, step 5 starts after the build and runs beside the e2e tests: those mostly
//   wait (browser, server, polling), so the two together take little longer than e2e alone.
//   Step 5's output is kept aside and printed in one piece after the e2e output.
//
// Flags (for developers; CI runs everything):
//   --only <list>   comma list of suites to run: checks, unit, services, pg, e2e
//                   (e.g. `npm test -- --only unit,services`); skipped steps are listed as such.
//   --skip-build    e2e against the existing .next build instead of running `npm run build`.
//   --help          this text.
//
// Output: a heading per step, each command's own output, durations per step, and as the very
// last line `N passed, M failed`: N = tests passed, M = tests failed + test files that failed
// outside any test (import error, failing hook) + failed steps that report no tests (typecheck,
// lint, build, a vitest crash, an interrupt). The exit code is non-zero whenever M > 0.
// Vitest JSON reports are kept in test-results/vitest/.
import { AsyncLocalStorage } from "node:async_hooks";
import { spawn, spawnSync } from "node:child_process";
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import process from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

const SUITES = ["checks", "unit", "services", "pg", "e2e"];
const USAGE = `Usage: npm test [-- [--only ${SUITES.join(",")}] [--skip-build]]`;
const PG_PACKAGE = "postgresql";
const CHROMIUM_PACKAGE = "chromium";
const CHROMIUM_PATH = "/usr/bin/chromium";
// The review e2e test reads the exported persona PDF with pdfinfo, pdftotext and pdftoppm.
const POPPLER_PACKAGE = "poppler-utils";
const POPPLER_PATH = "/usr/bin/pdftoppm";
const REPORT_DIR = path.join(root, "test-results", "vitest");
const DEPCRUISE_DIRS = ["app", "server", "scripts", "bench"];

class StepFailure extends Error {
  /** @param {string} message @param {{ counted?: boolean }} [options] counted: already in totals */
  constructor(message, options = {}) {
    super(message);
    this.counted = options.counted ?? false;
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  let only = null;
  let skipBuild = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--skip-build") skipBuild = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++i] : arg.slice("--only=".length);
      if (!value) usageError("--only needs a comma list");
      only = value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = only.filter((s) => !SUITES.includes(s));
      if (unknown.length > 0 || only.length === 0) {
        usageError(`unknown suite(s) for --only: ${unknown.join(", ") || "(none)"}`);
      }
    } else if (arg === "--help" || arg === "-h") {
      const header = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\nimport ")[0];
      console.log(header.replace(/^#!.*\n/, "").replace(/^\/\/ ?/gm, ""));
      process.exit(0);
    } else usageError(`unknown argument: ${arg}`);
  }
  return { selected: new Set(only ?? SUITES), only: only !== null, skipBuild };
}

function usageError(message) {
  console.error(`test.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Output, timing and totals

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {{ name: string, ms: number | null, status: string }[]} */
const timings = [];
const runStarted = Date.now();

// A step that runs alongside another one (see runAlongside) writes its own lines and its
// commands' output to a file descriptor instead of the terminal, printed in one piece afterwards,
// so that the two steps' output never interleaves.
/** @type {AsyncLocalStorage<number>} the current step's output fd, when not the terminal */
const stepOutput = new AsyncLocalStorage();

/** console.log for step progress lines: to the terminal, or to the step's own output. */
function say(line) {
  const fd = stepOutput.getStore();
  if (fd === undefined) console.log(line);
  else writeSync(fd, `${line}\n`);
}

function heading(index, count, title) {
  console.log(`\n=== [${index}/${count}] ${title} ===`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one timed sub-step; records its duration whether it passes or fails. */
async function timed(name, fn) {
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

function skipped(name, why, status = `skipped (${why})`) {
  timings.push({ name, ms: null, status });
}

function printSummary() {
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

// ---------------------------------------------------------------------------------------------
// Child processes: each in its own process group, so a signal reaches npx's grandchildren too.

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
/** @type {Set<() => void>} synchronous cleanups, run on exit and on signals */
const cleanups = new Set();

function baseEnv(overrides = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/** @returns {Promise<number>} the exit code (128 + n for a signal) */
function run(command, args, { env = baseEnv(), cwd = root } = {}) {
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

async function runOrFail(name, command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) throw new StepFailure(`${name} failed (exit code ${code}); see the output above`);
}

function killChildren(signal) {
  for (const child of children) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

function runCleanups() {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n✖ Interrupted by ${signal}: stopping child processes and cleaning up.`);
    killChildren(signal);
    runCleanups();
    totals.failed += 1; // an interrupted run did not pass
    timings.push({ name: "(interrupted)", ms: null, status: signal });
    printSummary();
    process.exit(128 + (os.constants.signals[signal] ?? 2));
  });
}
process.on("exit", () => {
  killChildren("SIGTERM");
  runCleanups();
});

// ---------------------------------------------------------------------------------------------
// Vitest

/** @param {string[]} [extraArgs] more vitest options, e.g. --maxWorkers=1 */
async function vitest(label, project, env, extraArgs = []) {
  mkdirSync(REPORT_DIR, { recursive: true });
  const reportPath = path.join(REPORT_DIR, `${label.replace(/[^a-z0-9-]+/gi, "-")}.json`);
  rmSync(reportPath, { force: true });
  const code = await run(
    "npx",
    [
      "vitest",
      "run",
      "--project",
      project,
      ...extraArgs,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportPath}`,
    ],
    { env },
  );

  let report = null;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8"));
  } catch {
    // no report: vitest crashed, found no test files, or was interrupted
  }
  let failed = 0;
  if (report) {
    const files = report.testResults ?? [];
    const loadErrors = files.filter(
      (f) =>
        f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    failed = (report.numFailedTests ?? 0) + loadErrors;
    const passed = report.numPassedTests ?? 0;
    const skippedTests = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += skippedTests;
    say(
      `--- ${label}: ${passed} passed, ${failed} failed, ${skippedTests} skipped` +
        ` (${files.length} test files${loadErrors ? `, ${loadErrors} failed outside any test: import error or hook` : ""})`,
    );
    if (code === 0 && passed + failed === 0) {
      throw new StepFailure(`${label}: no test ran (project "${project}" has only skipped tests)`);
    }
  }
  if (code !== 0) {
    const why = !report
      ? `vitest exited with code ${code} and wrote no report (a config error? interrupted?)`
      : (report.testResults ?? []).length === 0
        ? `vitest found no test files for project "${project}" (exit code ${code})`
        : `vitest exited with code ${code}`;
    throw new StepFailure(`${label}: ${why}; see the output above`, { counted: failed > 0 });
  }
}

// ---------------------------------------------------------------------------------------------
// System packages

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** The newest /usr/lib/postgresql/<version>/bin that has initdb, pg_ctl and postgres. */
function postgresBinDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) =>
      ["initdb", "pg_ctl", "postgres"].every((b) => existsSync(path.join(base, v, "bin", b))),
    )
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? path.join(base, versions[0], "bin") : null;
}

function missingPackages(selected) {
  const missing = [];
  if (selected.has("e2e") && !existsSync(CHROMIUM_PATH)) missing.push(CHROMIUM_PACKAGE);
  if (selected.has("e2e") && !existsSync(POPPLER_PATH)) missing.push(POPPLER_PACKAGE);
  if (selected.has("pg") && !postgresBinDir()) missing.push(PG_PACKAGE);
  return missing;
}

async function ensureSystemPackages(selected) {
  const needs = [
    selected.has("e2e") ? `${CHROMIUM_PACKAGE} (${CHROMIUM_PATH})` : null,
    selected.has("e2e") ? `${POPPLER_PACKAGE} (${POPPLER_PATH})` : null,
    selected.has("pg") ? `${PG_PACKAGE} (/usr/lib/postgresql/*/bin)` : null,
  ].filter(Boolean);
  if (needs.length === 0) {
    console.log("Nothing needed for the selected suites.");
    return;
  }
  let missing = missingPackages(selected);
  if (missing.length === 0) {
    console.log(`Present: ${needs.join(", ")}`);
    return;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (!isRoot()) {
    const runnable = SUITES.filter(
      (s) =>
        !(
          s === "e2e" &&
          (missing.includes(CHROMIUM_PACKAGE) || missing.includes(POPPLER_PACKAGE))
        ) && !(s === "pg" && missing.includes(PG_PACKAGE)),
    ).join(",");
    throw new StepFailure(
      `Missing system package(s): ${missing.join(", ")}. Install them with\n` +
        `    sudo sh -c "${command}"\n` +
        `  or run only the suites that do not need them (npm test -- --only ${runnable}).`,
    );
  }
  if (!existsSync("/usr/bin/apt-get")) {
    throw new StepFailure(
      `Missing system package(s): ${missing.join(", ")}, and apt-get is not available to install them.`,
    );
  }
  console.log(`Missing: ${missing.join(", ")}; installing with apt-get.`);
  const env = baseEnv({ DEBIAN_FRONTEND: "noninteractive" });
  await runOrFail("apt-get update", "apt-get", ["update"], { env });
  await runOrFail(
    "apt-get install",
    "apt-get",
    ["install", "-y", "--no-install-recommends", ...missing],
    { env },
  );
  missing = missingPackages(selected);
  if (missing.length > 0) {
    throw new StepFailure(`apt-get finished but these are still missing: ${missing.join(", ")}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Throwaway PostgreSQL server

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function shellQuote(word) {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
function asPostgresUser(command, args) {
  if (!isRoot()) return [command, args];
  const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find(existsSync);
  if (runuser) return [runuser, ["-u", "postgres", "--", command, ...args]];
  return ["su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(shellQuote).join(" ")]];
}

function postgresUserIds() {
  const result = spawnSync("id", ["postgres"], { encoding: "utf8" });
  const uid = /uid=(\d+)/.exec(result.stdout ?? "")?.[1];
  const gid = /gid=(\d+)/.exec(result.stdout ?? "")?.[1];
  if (result.status !== 0 || !uid || !gid) {
    throw new StepFailure(
      `running as root, but there is no "postgres" OS user to run the PostgreSQL server as ` +
        `(it comes with the Debian package "${PG_PACKAGE}").`,
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function waitForPostgres(bin, port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const pgIsReady = path.join(bin, "pg_isready");
  while (Date.now() < deadline) {
    if (existsSync(pgIsReady)) {
      const r = spawnSync(
        pgIsReady,
        [
          "-q",
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          "postgres",
          "-d",
          "postgres",
          "-t",
          "2",
        ],
        { stdio: "ignore" },
      );
      if (r.status === 0) return;
    } else {
      const ok = await new Promise((resolve) => {
        const socket = net.connect({ host: "127.0.0.1", port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      });
      if (ok) return;
    }
    await sleep(250);
  }
  throw new StepFailure(
    `PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s`,
  );
}

/** Starts a fresh server, calls fn(url), and always stops it and deletes its directory. */
async function withPostgres(fn) {
  const bin = postgresBinDir();
  if (!bin)
    throw new StepFailure(`PostgreSQL server binaries not found (Debian package "${PG_PACKAGE}")`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-pg-"));
  const dataDir = path.join(tmp, "data");
  const logFile = path.join(tmp, "postgres.log");
  let mayBeRunning = false;
  const cleanup = () => {
    if (mayBeRunning) {
      const [cmd, args] = asPostgresUser(path.join(bin, "pg_ctl"), [
        "-D",
        dataDir,
        "-m",
        "fast",
        "-w",
        "-t",
        "30",
        "stop",
      ]);
      const r = spawnSync(cmd, args, { cwd: tmp, stdio: "ignore" });
      if (r.status === 0) say("--- PostgreSQL stopped");
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  try {
    if (isRoot()) {
      const { uid, gid } = postgresUserIds();
      chownSync(tmp, uid, gid);
    }
    const port = await freePort();
    await timed("pg: initdb + start", async () => {
      const [initdb, initdbArgs] = asPostgresUser(path.join(bin, "initdb"), [
        "-D",
        dataDir,
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync",
      ]);
      const initCode = await run(initdb, initdbArgs, { cwd: tmp, env: baseEnv({ LC_ALL: "C" }) });
      if (initCode !== 0) throw new StepFailure(`initdb failed (exit code ${initCode})`);
      // A throwaway server: durability off for speed; sockets stay inside the temp directory.
      const serverOptions = [
        "-c listen_addresses=127.0.0.1",
        `-p ${port}`,
        `-k ${shellQuote(tmp)}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");
      const [pgCtl, pgCtlArgs] = asPostgresUser(path.join(bin, "pg_ctl"), [
        "-D",
        dataDir,
        "-l",
        logFile,
        "-w",
        "-t",
        "60",
        "-o",
        serverOptions,
        "start",
      ]);
      mayBeRunning = true;
      const startCode = await run(pgCtl, pgCtlArgs, { cwd: tmp, env: baseEnv({ LC_ALL: "C" }) });
      if (startCode !== 0) {
        throw new StepFailure(
          `PostgreSQL did not start (pg_ctl exit code ${startCode}). Server log:\n${tail(logFile)}`,
        );
      }
      await waitForPostgres(bin, port);
    });
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    say(`--- PostgreSQL ${path.basename(path.dirname(bin))} ready at ${url}`);
    await fn(url);
  } finally {
    cleanups.delete(cleanup);
    cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

async function main() {
  const { selected, only, skipBuild } = parseArgs(process.argv.slice(2));
  const why = only ? "--only" : "";
  const steps = [
    {
      title: "System packages",
      run: () => timed("system packages", () => ensureSystemPackages(selected)),
    },
    {
      title: selected.has("checks")
        ? "Prisma client + static checks (lock file, typecheck, lint, depcruise)"
        : "Prisma client (static checks skipped by --only)",
      run: async () => {
        await timed("prisma generate", () =>
          runOrFail("prisma generate", "node", ["scripts/generate-prisma.mjs"]),
        );
        if (!selected.has("checks")) {
          for (const name of ["lock file", "typecheck", "lint", "depcruise"]) skipped(name, why);
          return;
        }
        await timed("lock file", () =>
          runOrFail("lock file", "node", ["scripts/lock-platforms.mjs", "--check"]),
        );
        await timed("typecheck", () => runOrFail("typecheck", "npm", ["run", "typecheck"]));
        await timed("lint", () => runOrFail("lint", "npm", ["run", "lint"]));
        // `npm run depcruise` names fixed folders; depcruise errors on a missing one (a folder
        // with no tracked files does not exist in a fresh clone), so pass those that exist.
        const dirs = DEPCRUISE_DIRS.filter((d) => existsSync(path.join(root, d)));
        await timed("depcruise", () =>
          runOrFail("depcruise", "npx", [
            "depcruise",
            "--config",
            ".dependency-cruiser.cjs",
            ...dirs,
          ]),
        );
      },
    },
    {
      suite: "unit",
      title: "Unit tests (vitest project unit)",
      run: () => timed("unit", () => vitest("unit", "unit", baseEnv())),
    },
    {
      suite: "services",
      title: "Service tests on in-memory PGlite (vitest project services)",
      run: () =>
        timed("services (PGlite)", () =>
          vitest(
            "services-pglite",
            "services",
            baseEnv({ TEST_DATABASE_URL: undefined, DATABASE_URL: undefined }),
          ),
        ),
    },
    {
      suite: "pg",
      title: PG_TITLE,
      run: () => runPgSuite(),
    },
    {
      suite: "e2e",
      title: "Production build + end-to-end tests (vitest project e2e, headless Chromium)",
      run: async () => {
        if (skipBuild) {
          if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
            throw new StepFailure(
              "--skip-build given, but there is no build in .next/: run without it",
            );
          }
          skipped("build", "--skip-build");
          console.log("--- build skipped (--skip-build): using the existing .next/");
        } else {
          await timed("build", () =>
            runOrFail("npm run build", "npm", ["run", "build"], {
              env: baseEnv({ NODE_ENV: undefined }),
            }),
          );
        }
        if (!selected.has("pg")) {
          await timed("e2e", () => vitest("e2e", "e2e", baseEnv()));
          return;
        }
        // The PostgreSQL service suite runs now, beside the browser tests, whose processes mostly
        // wait on each other (see runAlongside); its output follows theirs. One vitest worker,
        // so that it takes at most one core and the browser tests keep the other.
        pgStarted = true;
        const pg = runAlongside(() => runPgSuite(["--maxWorkers=1"]));
        const e2eError = await timed("e2e", () => vitest("e2e", "e2e", baseEnv())).then(
          () => null,
          (error) => error,
        );
        const { error: pgError, output } = await pg;
        console.log(`\n=== [${pgIndex + 1}/${steps.length}] ${PG_TITLE}: its output ===`);
        process.stdout.write(output);
        if (pgError && e2eError) reportFailure(pgError); // both count; the e2e error is thrown
        if (e2eError) throw e2eError;
        if (pgError) throw pgError;
      },
    },
  ];

  const pgIndex = steps.findIndex((s) => s.suite === "pg");
  let pgStarted = false;
  for (const [i, step] of steps.entries()) {
    if (step.suite && !selected.has(step.suite)) {
      heading(i + 1, steps.length, `${step.title}: skipped (${why})`);
      skipped(step.suite, why);
      continue;
    }
    if (step.suite === "pg" && selected.has("e2e")) {
      heading(i + 1, steps.length, `${step.title}: runs beside the end-to-end tests (below)`);
      continue;
    }
    heading(i + 1, steps.length, step.title);
    try {
      await step.run();
    } catch (error) {
      const notRun = steps.slice(i + 1).filter((s) => s.suite && selected.has(s.suite));
      if (selected.has("pg") && selected.has("e2e") && !pgStarted) notRun.unshift(steps[pgIndex]);
      for (const later of notRun) skipped(later.suite, "", "not run (an earlier step failed)");
      throw error;
    }
  }
}

const PG_TITLE = "Service tests on a throwaway PostgreSQL server (vitest project services)";

/** @param {string[]} [extraArgs] more vitest options */
function runPgSuite(extraArgs = []) {
  return withPostgres((url) =>
    timed("services (PostgreSQL)", () =>
      vitest(
        "services-postgres",
        "services",
        baseEnv({ TEST_DATABASE_URL: url, DATABASE_URL: undefined }),
        extraArgs,
      ),
    ),
  );
}

/**
 * Runs fn beside whatever the caller does next, with its lines and its commands' output going
 * to a temp file instead of the terminal; resolves to { error, output } (error null on success)
 * for the caller to print when its own output is done.
 */
async function runAlongside(fn) {
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

/** Counts a failure (unless already counted in the totals) and prints why. */
function reportFailure(error) {
  const counted = error instanceof StepFailure && error.counted;
  if (!counted) totals.failed += 1;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n✖ FAILED: ${message}`);
  if (!(error instanceof StepFailure) && error instanceof Error && error.stack)
    console.error(error.stack);
}

try {
  await main();
  printSummary();
  process.exitCode = totals.failed > 0 ? 1 : 0;
} catch (error) {
  reportFailure(error);
  printSummary();
  process.exitCode = 1;
}
