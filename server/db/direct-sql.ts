// The hot paths' way around the ORM: one parameterised statement sent straight to the driver
// under a Prisma client (the pg pool the PostgreSQL adapter uses, or the PGlite instance).
// A submit is one statement; through Prisma's raw query path the same statement costs several
// times the CPU of the driver call itself (bench/ingest.ts measures both), which decides how many
// responses two cores can take. Everything else keeps using Prisma.
//
// The executor is registered per client when the database is opened (client.ts, and the test
// databases); a client without one (e.g. built by hand) falls back to Prisma's raw query API,
// which sends the same SQL and parameters, so the outcome never depends on the route taken.
import type { Db } from "./client";

/** Runs one statement with positional parameters ($1, $2, ...) and returns its rows. */
export type DirectSql = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

const executors = new WeakMap<object, DirectSql>();

export function registerDirectSql(db: Db, run: DirectSql): void {
  executors.set(db, run);
}

/** The registered executor of `db`, or Prisma's own raw query API on it. */
export function directSql(db: Db): DirectSql {
  return (
    executors.get(db) ??
    (<Row>(sql: string, params: unknown[]) => db.$queryRawUnsafe<Row[]>(sql, ...params))
  );
}

/** An executor over anything with pg's `query(text, values)` (a pg Pool, a PGlite instance). */
export function queryableSql(driver: {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}): DirectSql {
  return async <Row>(sql: string, params: unknown[]) =>
    (await driver.query(sql, params)).rows as Row[];
}
