// The hot paths' way around the ORM: one parameterised statement sent straight to the driver
// under a Prisma client (the pg pool the PostgreSQL adapter uses, or the PGlite instance).
// A submit is one statement; through Prisma's raw query path the same statement costs several
// times the CPU of the driver call itself (bench/ingest.ts measures both), which decides how many
// responses two cores can take. Everything else keeps using Prisma.
//
// The executor is registered per client when the database is opened (client.ts, and the test
// databases); a client without one (e.g. built by hand) falls back to Prisma's raw query API,
// which sends the same SQL and parameters, so the outcome never depends on the route taken.
import { createHash } from "node:crypto";
import type pg from "pg";
// The generated client rather than ./client: client.ts registers executors through this file.
import type { PrismaClient as Db } from "./generated/client";

/** Runs one statement with positional parameters ($1, $2, ...) and returns its rows. */
export type DirectSql = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

const executors = new WeakMap<object, { run: DirectSql; parallel: number }>();

/**
 * `parallel`: how many statements of one hot path may run at once (group-commit.ts): 1 on
 * PGlite's one connection; on a pool, a share of it, leaving connections for everything else.
 */
export function registerDirectSql(db: Db, run: DirectSql, parallel = 1): void {
  executors.set(db, { run, parallel });
}

/** The registered executor of `db`, or Prisma's own raw query API on it. */
export function directSql(db: Db): DirectSql {
  return (
    executors.get(db)?.run ??
    (<Row>(sql: string, params: unknown[]) => db.$queryRawUnsafe<Row[]>(sql, ...params))
  );
}

/** How many statements of one hot path may run on `db` at once (see registerDirectSql). */
export function directSqlParallel(db: Db): number {
  return executors.get(db)?.parallel ?? 1;
}

/** An executor over a PGlite instance (or anything with pg's `query(text, values)`). */
export function queryableSql(driver: {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}): DirectSql {
  return async <Row>(sql: string, params: unknown[]) =>
    (await driver.query(sql, params)).rows as Row[];
}

// A name per statement text: the hot statements are constants, so the map stays small.
const statementNames = new Map<string, string>();
export const statementName = (sql: string) => {
  let name = statementNames.get(sql);
  if (!name) {
    name = `pa_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
};

/**
 * An executor over a pg pool with named prepared statements: each connection parses and plans a
 * hot statement once and then only binds and executes it.
 */
export function poolSql(pool: pg.Pool): DirectSql {
  return async <Row>(sql: string, params: unknown[]) =>
    (await pool.query({ name: statementName(sql), text: sql, values: params })).rows as Row[];
}

/**
 * Runs `work` on one connection inside one transaction: committed when it resolves, rolled back
 * when it throws. A large write that goes straight to the driver (storing an analysis result)
 * needs this: the pool's executor may send each statement on a different connection.
 */
export type DirectTransaction = <T>(work: (sql: DirectSql) => Promise<T>) => Promise<T>;

const transactions = new WeakMap<object, DirectTransaction>();

export function registerDirectTransaction(db: Db, transaction: DirectTransaction): void {
  transactions.set(db, transaction);
}

/**
 * The registered transaction runner of `db`, or Prisma's interactive transaction with its raw
 * query API (`options` are Prisma's time limits for that route).
 */
export function directTransaction(
  db: Db,
  options: { timeout: number; maxWait: number },
): DirectTransaction {
  return (
    transactions.get(db) ??
    (<T>(work: (sql: DirectSql) => Promise<T>) =>
      db.$transaction(
        (tx) =>
          work(<Row>(sql: string, params: unknown[]) => tx.$queryRawUnsafe<Row[]>(sql, ...params)),
        options,
      ))
  );
}

/** Transactions on a connection of a pg pool (with its named prepared statements). */
export function poolTransaction(pool: pg.Pool): DirectTransaction {
  return async <T>(work: (sql: DirectSql) => Promise<T>) => {
    const client = await pool.connect();
    // A connection whose rollback failed is in an unknown state: the pool drops it.
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(
        async <Row>(sql: string, params: unknown[]) =>
          (await client.query({ name: statementName(sql), text: sql, values: params }))
            .rows as Row[],
      );
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

type Queryable = { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Transactions on PGlite's one connection (pglite.transaction): other statements, Prisma's and
 * the direct executor's alike, wait until it ends.
 */
export function pgliteTransaction(pglite: {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}): DirectTransaction {
  return <T>(work: (sql: DirectSql) => Promise<T>) =>
    pglite.transaction((tx) => work(queryableSql(tx)));
}
