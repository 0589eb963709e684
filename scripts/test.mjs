#!/usr/bin/env node
// The one test command (`npm test`; CI runs it through .ci/run). Steps, in order, failing fast:
//   1. system packages  Debian `chromium` and `poppler-utils` (e2e) and `postgresql` (pg); installed
//                       with apt-get when running as root, otherwise the run stops and names the
//                       install command.
//   2. checks           prisma generate (always), then typecheck beside lint + depcruise.
//   3. unit             vitest project `unit`, one worker per core.
//   4. services         vitest project `services` on in-memory PGlite, one worker per core.
//   5. pg               vitest project `services` again, on a throwaway PostgreSQL server
//                       (fresh initdb in a temp dir, free port, removed afterwards, also on Ctrl-C).
//   6. e2e              `npm run build`, then vitest project `e2e` (headless Debian Chromium).
//   When e2e runs, steps 5 and 4 (whichever are selected, in that order) start after the build
//   and run one after the other beside the e2e tests, one vitest worker each: those tests mostly
//   wait (browser, server, polling) and leave a core idle. Their output is kept aside and printed
//   in one piece after the e2e output.
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
//
// This file parses the flags and runs the steps in order; each step lives in scripts/test/:
// report.mjs (totals, timings, summary), processes.mjs (child processes, cleanups),
// vitest.mjs (one vitest project run), system-packages.mjs, checks.mjs, unit-services.mjs,
// postgres.mjs (the throwaway server and the pg suite), e2e.mjs (build, e2e, service suites
// beside it).
import { readFileSync } from "node:fs";
import os from "node:os";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { runChecks } from "./test/checks.mjs";
import { runBuildAndE2e } from "./test/e2e.mjs";
import { PG_TITLE, runPgSuite } from "./test/postgres.mjs";
import { killChildren, root, runCleanups } from "./test/processes.mjs";
import {
  heading,
  printSummary,
  reportFailure,
  skipped,
  timed,
  timings,
  totals,
} from "./test/report.mjs";
import { ensureSystemPackages } from "./test/system-packages.mjs";
import { runServicesOnPGlite, runUnit } from "./test/unit-services.mjs";

process.chdir(root);

const SUITES = ["checks", "unit", "services", "pg", "e2e"];
const USAGE = `Usage: npm test [-- [--only ${SUITES.join(",")}] [--skip-build]]`;

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

// The service suites that run beside the e2e tests (when e2e is selected), in this order: the
// PostgreSQL one first, the longer of the two on one worker.
const BESIDE_E2E = ["pg", "services"];

async function main() {
  const { selected, only, skipBuild } = parseArgs(process.argv.slice(2));
  const why = only ? "--only" : "";
  let besideStarted = false;
  const steps = [
    {
      title: "System packages",
      run: () => timed("system packages", () => ensureSystemPackages(selected, SUITES)),
    },
    {
      title: selected.has("checks")
        ? "Prisma client + static checks (lock file, typecheck, lint, depcruise)"
        : "Prisma client (static checks skipped by --only)",
      run: () => runChecks({ checks: selected.has("checks"), why }),
    },
    { suite: "unit", title: "Unit tests (vitest project unit)", run: runUnit },
    {
      suite: "services",
      title: "Service tests on in-memory PGlite (vitest project services)",
      run: runServicesOnPGlite,
    },
    { suite: "pg", title: PG_TITLE, run: runPgSuite },
    {
      suite: "e2e",
      title: "Production build + end-to-end tests (vitest project e2e, headless Chromium)",
      run: () =>
        runBuildAndE2e({
          skipBuild,
          beside: besideE2e.map((i) => ({
            heading: `[${i + 1}/${steps.length}] ${steps[i].title}`,
            run: steps[i].run,
          })),
          onBesideStart: () => (besideStarted = true),
        }),
    },
  ];
  const besideE2e = selected.has("e2e")
    ? BESIDE_E2E.filter((suite) => selected.has(suite)).map((suite) =>
        steps.findIndex((s) => s.suite === suite),
      )
    : [];

  for (const [i, step] of steps.entries()) {
    if (step.suite && !selected.has(step.suite)) {
      heading(i + 1, steps.length, `${step.title}: skipped (${why})`);
      skipped(step.suite, why);
      continue;
    }
    if (besideE2e.includes(i)) {
      heading(i + 1, steps.length, `${step.title}: runs beside the end-to-end tests (below)`);
      continue;
    }
    heading(i + 1, steps.length, step.title);
    try {
      await step.run();
    } catch (error) {
      const notRun = steps.filter(
        (s, j) =>
          s.suite && selected.has(s.suite) && (j > i || (!besideStarted && besideE2e.includes(j))),
      );
      for (const later of notRun) skipped(later.suite, "", "not run (an earlier step failed)");
      throw error;
    }
  }
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
