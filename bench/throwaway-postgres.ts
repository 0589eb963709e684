// A throwaway PostgreSQL server for benchmarks and the scale-out test: the same server the test
// runner starts for the pg suite (scripts/throwaway-postgres.mjs), but with PostgreSQL's default
// durability (fsync, synchronous_commit): a benchmark should measure what a real server does.
import {
  postgresBinDir,
  startThrowawayPostgres as startServer,
  type ThrowawayPostgres,
} from "~/scripts/throwaway-postgres.mjs";

export { postgresBinDir, type ThrowawayPostgres };

export function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  return startServer({ durable: true, tmpPrefix: "persona-atlas-bench-pg-" });
}
