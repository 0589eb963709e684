// Test runner (scripts/test.mjs), the first steps: the Prisma client (always generated, the other
// suites import it) and the static checks: lock file, then typecheck beside lint (eslint +
// prettier) and the dependency rules (depcruise).
import { existsSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { root, runAlongside, runOrFail } from "./processes.mjs";
import { reportFailure, skipped, timed } from "./report.mjs";

const DEPCRUISE_DIRS = ["app", "server", "scripts", "bench"];

/** @param {{ checks: boolean, why: string }} options checks: false to generate the client only */
export async function runChecks({ checks, why }) {
  await timed("prisma generate", () =>
    runOrFail("prisma generate", "node", ["scripts/generate-prisma.mjs"]),
  );
  if (!checks) {
    for (const name of ["lock file", "typecheck", "lint", "depcruise"]) skipped(name, why);
    return;
  }
  await timed("lock file", () =>
    runOrFail("lock file", "node", ["scripts/lock-platforms.mjs", "--check"]),
  );
  // typecheck and lint each keep one core busy for about a minute: on CI's 2 cores they run side
  // by side, lint and depcruise with their output kept aside and printed after typecheck's.
  const lintAndDepcruise = runAlongside(async () => {
    await timed("lint", () => runOrFail("lint", "npm", ["run", "lint"]));
    // `npm run depcruise` names fixed folders; depcruise errors on a missing one (a folder
    // with no tracked files does not exist in a fresh clone), so pass those that exist.
    const dirs = DEPCRUISE_DIRS.filter((d) => existsSync(path.join(root, d)));
    await timed("depcruise", () =>
      runOrFail("depcruise", "npx", ["depcruise", "--config", ".dependency-cruiser.cjs", ...dirs]),
    );
  });
  const typecheckError = await timed("typecheck", () =>
    runOrFail("typecheck", "npm", ["run", "typecheck"]),
  ).then(
    () => null,
    (error) => error,
  );
  const { error: lintError, output } = await lintAndDepcruise;
  console.log("--- lint and depcruise (ran beside typecheck):");
  process.stdout.write(output);
  if (typecheckError && lintError) reportFailure(lintError); // both count; typecheck's is thrown
  if (typecheckError) throw typecheckError;
  if (lintError) throw lintError;
}
