// Test runner (scripts/test.mjs), the last step: the production build, then the e2e project
// (headless Chromium against the built app). The selected service suites (`pg`, then `services`
// on PGlite) run here, one after the other, beside the browser tests: those mostly wait (browser,
// server, polling) and leave about a core idle, which the service suites fill with one vitest
// worker each. Their output is kept aside and printed in one piece after the e2e output.
import { existsSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { baseEnv, root, runAlongside, runOrFail } from "./processes.mjs";
import { StepFailure, reportFailure, skipped, timed } from "./report.mjs";
import { vitest } from "./vitest.mjs";

/**
 * @typedef {{ heading: string, run: (extraArgs: string[]) => Promise<void> }} BesideStep
 *   heading: printed before its output; run: the suite, given the vitest options to use
 * @param {{ skipBuild: boolean, beside: BesideStep[], onBesideStart: () => void }} options
 *   beside: suites to run one after another beside the e2e tests; onBesideStart: called when they
 *   start (the orchestrator then no longer lists them as not run)
 */
export async function runBuildAndE2e({ skipBuild, beside, onBesideStart }) {
  if (skipBuild) {
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
      throw new StepFailure("--skip-build given, but there is no build in .next/: run without it");
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
  if (beside.length === 0) {
    await timed("e2e", () => vitest("e2e", "e2e", baseEnv()));
    return;
  }
  // One vitest worker for the service suites, so that they take at most one core and the
  // browser tests keep the other. A failing suite does not stop the next one.
  onBesideStart();
  const besideResults = (async () => {
    const results = [];
    for (const step of beside) results.push(await runAlongside(() => step.run(["--maxWorkers=1"])));
    return results;
  })();
  const e2eError = await timed("e2e", () => vitest("e2e", "e2e", baseEnv())).then(
    () => null,
    (error) => error,
  );
  const results = await besideResults;
  for (const [i, { output }] of results.entries()) {
    console.log(`\n=== ${beside[i].heading}: its output ===`);
    process.stdout.write(output);
  }
  // Every failure counts; the first one is thrown, the others are reported here.
  const [first, ...others] = [e2eError, ...results.map((r) => r.error)].filter(Boolean);
  for (const error of others) reportFailure(error);
  if (first) throw first;
}
