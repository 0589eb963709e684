// Test runner (scripts/test.mjs), the two in-process suites: `unit` (pure tests) and `services`
// (real SQL on an in-memory PGlite; any database URL from the caller's environment is dropped so
// that a developer's server is never touched).
import { baseEnv } from "./processes.mjs";
import { timed } from "./report.mjs";
import { vitest } from "./vitest.mjs";

export function runUnit() {
  return timed("unit", () => vitest("unit", "unit", baseEnv()));
}

export function runServicesOnPGlite() {
  return timed("services (PGlite)", () =>
    vitest(
      "services-pglite",
      "services",
      baseEnv({ TEST_DATABASE_URL: undefined, DATABASE_URL: undefined }),
    ),
  );
}
