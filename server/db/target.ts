// Decides which database the process talks to: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded PGlite database in PGLITE_DIR (default .data/pglite) or, for tests, in memory.
import path from "node:path";
import { config, type Env } from "~/server/infra/config";

export type { Env } from "~/server/infra/config";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null = in memory
  | { kind: "postgres"; url: string };

export function dataRoot(env?: Env): string {
  // The data directory is chosen at run time; tell Turbopack not to trace the project for it.
  return path.resolve(/*turbopackIgnore: true*/ config(env).dataDir);
}

export function resolveDatabaseTarget(env?: Env): DatabaseTarget {
  const { databaseUrl: url, pgliteDir: dir } = config(env);
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must start with postgresql:// (got "${url.split(":")[0]}:..."). Unset it to use the embedded database.`,
      );
    }
    return { kind: "postgres", url };
  }
  if (dir === "memory://") return { kind: "pglite", dataDir: null };
  return {
    kind: "pglite",
    dataDir: path.resolve(/*turbopackIgnore: true*/ dir || path.join(dataRoot(env), "pglite")),
  };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${new URL(target.url).host}`;
  return target.dataDir ? `embedded PGlite in ${target.dataDir}` : "embedded PGlite in memory";
}
