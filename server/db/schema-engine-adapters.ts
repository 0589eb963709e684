// The adapters the schema engine is given (see schema-engine.ts): the caller's database and an
// in-memory PGlite shadow, each wrapped so that a migration script runs as one query with
// PostgreSQL's own error message, dispose runs once, and every connection opened is closed when
// the engine is done.
import { PGlite } from "@electric-sql/pglite";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Internals of pglite-prisma-adapter and @prisma/adapter-pg that fixScriptExecution uses
 * (duck-typed: neither package exports them). */
interface AdapterInternals {
  client?: { exec?: (sql: string) => Promise<unknown> };
  underlyingDriver?: () => { query?: (sql: string) => Promise<unknown> };
}

/** The fields PostgreSQL errors carry in both `pg` and PGlite (their DatabaseError classes). */
interface PostgresErrorFields {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  hint?: string;
  column?: string;
  position?: string;
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  const e = error as Partial<PostgresErrorFields> | null;
  return typeof e?.code === "string" && typeof e.message === "string";
}

/**
 * Reports a failed script with PostgreSQL's own message, its SQLSTATE and the line of the script
 * it points at, which is what one needs to fix a migration. The code is deliberately not passed
 * as the error's `code`: the engine rewrites known codes into its own terse wording ("No such
 * table: X" for 42P01) and drops PostgreSQL's message; unknown codes it reports verbatim, and it
 * stores that text in `_prisma_migrations.logs`.
 */
function scriptError(error: unknown, script: string): unknown {
  if (!isPostgresError(error)) return error;
  const notes = [`SQLSTATE ${error.code}`];
  const position = Number(error.position);
  if (Number.isInteger(position) && position > 0) {
    notes.push(`line ${script.slice(0, position - 1).split("\n").length} of the script`);
  }
  return new DriverAdapterError({
    kind: "postgres",
    code: "",
    severity: error.severity ?? "ERROR",
    message: `${error.message} (${notes.join(", ")})`,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

/**
 * Makes `executeScript` run a migration script as ONE simple-protocol query, the way the native
 * engine (and `prisma migrate deploy`) does. Why: the engine applies each migration.sql through
 * executeScript, and the upstream adapters get it wrong for migrations:
 *   - pglite-prisma-adapter calls `pglite.exec(script)` without awaiting it, so a failing
 *     migration is recorded as applied and its error surfaces later as an unhandled rejection;
 *   - @prisma/adapter-pg splits the script on every ";" (breaking `DO $$ ... $$` bodies and
 *     string literals) and runs the pieces on whichever pool connection is free, losing the
 *     implicit transaction PostgreSQL gives a multi-statement query (a failed migration would
 *     be left half applied).
 * Adapters we do not recognise keep their own executeScript.
 */
function fixScriptExecution(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as SqlDriverAdapter & AdapterInternals;
  let run: ((script: string) => Promise<unknown>) | undefined;
  const pglite = internals.client;
  if (typeof pglite?.exec === "function") {
    run = (script) => pglite.exec!(script);
  } else if (typeof internals.underlyingDriver === "function") {
    const pool = internals.underlyingDriver();
    if (typeof pool.query === "function") run = (script) => pool.query!(script);
  }
  if (!run) return adapter;
  const runScript = run;
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "executeScript") {
        return async (script: string) => {
          try {
            await runScript(script);
          } catch (error) {
            throw scriptError(error, script);
          }
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** Wraps an adapter so that dispose runs at most once (the engine may dispose an adapter that
 * we then dispose again in cleanup, and pg's Pool.end() throws when called twice). */
function disposeOnce(adapter: SqlDriverAdapter, onDispose?: () => Promise<void>) {
  let disposed: Promise<void> | undefined;
  const dispose = () =>
    (disposed ??= (async () => {
      try {
        await adapter.dispose();
      } finally {
        await onDispose?.();
      }
    })());
  const wrapped = new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "dispose") return dispose;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  return { adapter: wrapped, dispose };
}

/** Opens an in-memory PGlite shadow database; closing the adapter closes the PGlite. */
async function connectInMemoryShadow(): Promise<{
  adapter: SqlDriverAdapter;
  close: () => Promise<void>;
}> {
  const pglite = new PGlite();
  await pglite.waitReady;
  const adapter = await new PrismaPGlite(pglite).connect();
  return {
    adapter,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export type ShadowSource = () => Promise<{
  adapter: SqlDriverAdapter;
  close?: () => Promise<void>;
}>;

/**
 * The factory handed to the engine (before Result-binding): the caller's database for
 * `connect()`, a throwaway database for `connectToShadowDb()` (never the caller's own
 * connectToShadowDb, which for PostgreSQL would create a database on the real server), and a
 * record of every adapter opened so that all of them are disposed when the engine is done.
 */
export function trackingFactory(
  main: SqlMigrationAwareDriverAdapterFactory,
  shadow: ShadowSource = connectInMemoryShadow,
) {
  const cleanups: Array<() => Promise<void>> = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const { adapter, dispose } = disposeOnce(fixScriptExecution(await main.connect()));
      cleanups.push(dispose);
      return adapter;
    },
    async connectToShadowDb() {
      const opened = await shadow();
      const { adapter, dispose } = disposeOnce(fixScriptExecution(opened.adapter), opened.close);
      cleanups.push(dispose);
      return adapter;
    },
  };
  return {
    factory,
    async disposeAll() {
      const results = await Promise.allSettled(cleanups.splice(0).map((cleanup) => cleanup()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
