// Opens a database connection and the Prisma client on top of it, for either engine.
// PGlite is one process, one connection: the app opens it once per process (see server/db/index.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import {
  pgliteTransaction,
  poolSql,
  poolTransaction,
  registerDirectSql,
  registerDirectTransaction,
  type DirectSql,
  type DirectTransaction,
} from "./direct-sql";
import { pglitePreparedSql } from "./pglite-prepared-sql";
import { PrismaClient } from "./generated/client";
import type { DatabaseTarget } from "./target";

export type Db = PrismaClient;

export interface OpenDatabase {
  target: DatabaseTarget;
  /** The driver adapter factory; the migration runner uses it too. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    // One pool for Prisma and for the hot paths' direct statements (direct-sql.ts).
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle pooled connection the server ends (restart, dropped database) emits "error" on
    // the pool; unheard, it would crash the process. The pool drops that client and the next
    // query opens a fresh one.
    pool.on("error", (error) => console.warn(`database connection closed: ${error.message}`));
    // Group-committed writes may use 4 of the 10 connections at once (group-commit.ts).
    const directSql = { run: poolSql(pool), parallel: 4, transaction: poolTransaction(pool) };
    return withPrisma(target, new PrismaPg(pool), directSql, async () => {
      // pg refuses a second end(); close() may be called twice.
      if (!pool.ended) await pool.end();
    });
  }
  if (target.dataDir) mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const pglite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await pglite.waitReady;
  const directSql = {
    run: pglitePreparedSql(pglite),
    parallel: 1,
    transaction: pgliteTransaction(pglite),
  };
  return withPrisma(target, new PrismaPGlite(pglite), directSql, async () => {
    if (!pglite.closed) await pglite.close();
  });
}

/** Prisma on an open driver, with its direct-SQL path; closing ends Prisma, then the driver. */
function withPrisma(
  target: DatabaseTarget,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  directSql: { run: DirectSql; parallel: number; transaction: DirectTransaction },
  closeDriver: () => Promise<void>,
): OpenDatabase {
  const prisma = new PrismaClient({ adapter: adapterFactory });
  registerDirectSql(prisma, directSql.run, directSql.parallel);
  registerDirectTransaction(prisma, directSql.transaction);
  return {
    target,
    adapterFactory,
    prisma,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
