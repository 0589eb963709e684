// Test runner (scripts/test.mjs), the two in-process suites: `unit` (pure tests) and `services`
// (real SQL on an in-memory PGlite; any database URL from the caller's environment is dropped so
// that a developer's server is never touched).
//
// Both run with one vitest worker per core (services with one when it runs beside the e2e tests,
// see e2e.mjs). Vitest's default for `run` is one fewer (it keeps a
// core for its main process), which on CI's 2 cores means a single worker and a second core
// that idles: the main process only collects results, and each test file's work (imports,
// k-means, an in-memory PGlite) happens in the workers.
import os from "node:os";
import { baseEnv } from "./processes.mjs";
import { timed } from "./report.mjs";
import { vitest } from "./vitest.mjs";

const workers = [`--maxWorkers=${os.availableParallelism()}`];

export function runUnit() {
  return timed("unit", () => vitest("unit", "unit", baseEnv(), workers));
}

/** @param {string[]} [extraArgs] vitest options instead of one worker per core (beside e2e: one) */
export function runServicesOnPGlite(extraArgs = workers) {
  return timed("services (PGlite)", () =>
    vitest(
      "services-pglite",
      "services",
      baseEnv({ TEST_DATABASE_URL: undefined, DATABASE_URL: undefined }),
      extraArgs,
    ),
  );
}
