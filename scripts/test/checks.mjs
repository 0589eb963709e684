// Test runner (scripts/test.mjs), the first steps: the Prisma client (always generated, the other
// suites import it) and the static checks: lock file, typecheck, lint (eslint + prettier),
// dependency rules (depcruise).
import { existsSync } from "node:fs";
import path from "node:path";
import { root, runOrFail } from "./processes.mjs";
import { skipped, timed } from "./report.mjs";

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
  await timed("typecheck", () => runOrFail("typecheck", "npm", ["run", "typecheck"]));
  await timed("lint", () => runOrFail("lint", "npm", ["run", "lint"]));
  // `npm run depcruise` names fixed folders; depcruise errors on a missing one (a folder
  // with no tracked files does not exist in a fresh clone), so pass those that exist.
  const dirs = DEPCRUISE_DIRS.filter((d) => existsSync(path.join(root, d)));
  await timed("depcruise", () =>
    runOrFail("depcruise", "npx", ["depcruise", "--config", ".dependency-cruiser.cjs", ...dirs]),
  );
}
