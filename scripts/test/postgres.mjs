// Test runner (scripts/test.mjs), the `pg` suite: the services project run against a throwaway
// PostgreSQL server (scripts/throwaway-postgres.mjs) with durability off, always stopped and
// deleted afterwards (also on Ctrl-C, through the cleanups).
import { startThrowawayPostgres } from "../throwaway-postgres.mjs";
import { baseEnv, cleanups, run } from "./processes.mjs";
import { StepFailure, say, timed } from "./report.mjs";
import { vitest } from "./vitest.mjs";

export const PG_TITLE = "Service tests on a throwaway PostgreSQL server (vitest project services)";

/** Starts a fresh server, calls fn(url), and always stops it and deletes its directory. */
async function withPostgres(fn) {
  let stopServer = () => false;
  const cleanup = () => {
    if (stopServer()) say("--- PostgreSQL stopped");
  };
  cleanups.add(cleanup);
  try {
    const server = await timed("pg: initdb + start", () =>
      startThrowawayPostgres({
        durable: false,
        run,
        fail: (message) => new StepFailure(message),
        env: baseEnv(),
        onStopReady: (stop) => (stopServer = stop),
      }),
    );
    say(`--- PostgreSQL ${server.version} ready at ${server.url}`);
    await fn(server.url);
  } finally {
    cleanups.delete(cleanup);
    cleanup();
  }
}

/** The `pg` suite. @param {string[]} [extraArgs] more vitest options */
export function runPgSuite(extraArgs = []) {
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
