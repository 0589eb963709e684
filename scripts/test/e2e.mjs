// Test runner (scripts/test.mjs), the last step: the production build, then the e2e project
// (headless Chromium against the built app). When the `pg` suite is selected too it runs here,
// beside the browser tests: those mostly wait (browser, server, polling), so the two together take
// little longer than e2e alone. Its output is kept aside and printed in one piece afterwards.
import { existsSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { runPgSuite } from "./postgres.mjs";
import { baseEnv, root, runAlongside, runOrFail } from "./processes.mjs";
import { StepFailure, reportFailure, skipped, timed } from "./report.mjs";
import { vitest } from "./vitest.mjs";

/**
 * @param {{ skipBuild: boolean, withPg: boolean, pgHeading: string, onPgStart: () => void }} options
 *   withPg: run the `pg` suite beside the e2e tests; pgHeading: printed before its output;
 *   onPgStart: called when it starts (the orchestrator then no longer lists it as not run)
 */
export async function runBuildAndE2e({ skipBuild, withPg, pgHeading, onPgStart }) {
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
  if (!withPg) {
    await timed("e2e", () => vitest("e2e", "e2e", baseEnv()));
    return;
  }
  // One vitest worker for the PostgreSQL suite, so that it takes at most one core and the
  // browser tests keep the other.
  onPgStart();
  const pg = runAlongside(() => runPgSuite(["--maxWorkers=1"]));
  const e2eError = await timed("e2e", () => vitest("e2e", "e2e", baseEnv())).then(
    () => null,
    (error) => error,
  );
  const { error: pgError, output } = await pg;
  console.log(`\n=== ${pgHeading}: its output ===`);
  process.stdout.write(output);
  if (pgError && e2eError) reportFailure(pgError); // both count; the e2e error is thrown
  if (e2eError) throw e2eError;
  if (pgError) throw pgError;
}
