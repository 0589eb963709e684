// Owns Prisma's schema engine (the part of Prisma that applies and diffs migrations), run from
// @prisma/schema-engine-wasm because the native schema-engine binary cannot be downloaded on our
// machines (see ../shared/notes/prisma-without-binaries.md). This module:
//   - loads and instantiates the WASM engine once per process;
//   - adapts a Prisma driver adapter factory to what the engine expects (Result objects instead of
//     plain values and exceptions), fixing two adapter bugs that matter for migrations on the way;
//   - gives the engine an in-memory PGlite as its shadow database, so diffing never touches a
//     real database;
//   - turns engine errors into readable Errors and always releases every connection it opened.
// The WASM package's API is internal to Prisma: its version is pinned exactly in package.json.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { config } from "~/server/infra/config";
import {
  DriverAdapterError,
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type { SchemaEngine };

type EngineModule = typeof EngineBindings;

let enginePromise: Promise<EngineModule> | undefined;

/** Path of the engine's .wasm file. The package's exports map does not expose it, so it is found
 * next to the JS glue module (which the exports map does expose). */
function wasmPath(): string {
  try {
    const require = createRequire(import.meta.url);
    return path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
  } catch {
    // Bundlers may rewrite import.meta.url; the package then still sits in ./node_modules.
    return path.resolve("node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm");
  }
}

/**
 * Loads the WASM schema engine, once per process (the promise is cached; a failed load is
 * forgotten so that a later call can retry). The package's own entry point imports the .wasm as
 * an ES module, which Node rejects, so we instantiate it ourselves against the JS glue module.
 */
export function loadSchemaEngine(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(wasmPath());
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })().catch((error: unknown) => {
    enginePromise = undefined;
    throw new Error(`Could not load Prisma's WASM schema engine: ${messageOf(error)}`, {
      cause: error,
    });
  });
  return enginePromise;
}

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

type ShadowSource = () => Promise<{ adapter: SqlDriverAdapter; close?: () => Promise<void> }>;

/**
 * The factory handed to the engine (before Result-binding): the caller's database for
 * `connect()`, a throwaway database for `connectToShadowDb()` (never the caller's own
 * connectToShadowDb, which for PostgreSQL would create a database on the real server), and a
 * record of every adapter opened so that all of them are disposed when the engine is done.
 */
function trackingFactory(
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

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * One readable line (or a few) for an engine error. The engine rejects with Errors (name
 * SchemaConnectorError, Prisma's P-code in `code` when there is one).
 */
export function describeEngineError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text = messageOf(error).trim();
  return typeof code === "string" && /^P\d{4}$/.test(code) ? `${text} (${code})` : text;
}

export interface SchemaEngineOptions {
  /** Receives the engine's log lines (JSON strings). Default: print them to stderr when
   * PRISMA_SCHEMA_ENGINE_LOG is set, otherwise drop them. */
  log?: (line: string) => void;
}

/**
 * A JS exception thrown inside the adapter (not a database error) reaches the engine as
 * `{ kind: "GenericJs", id }`, and the engine reports it as "External error id#<id>": put the
 * original exception's message back from the factory's error registry.
 */
function withExternalErrors(error: unknown, registry: ErrorRegistry): unknown {
  if (!(error instanceof Error) || !/External error id#\d+/.test(error.message)) return error;
  const message = error.message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const record = registry.consumeError(Number(id));
    return record ? messageOf(record.error) : text;
  });
  const resolved = new Error(message, { cause: error });
  resolved.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(resolved, { code });
  return resolved;
}

async function runEngine<T>(
  main: SqlMigrationAwareDriverAdapterFactory,
  shadow: ShadowSource | undefined,
  schemaText: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions,
): Promise<T> {
  const mod = await loadSchemaEngine();
  const tracking = trackingFactory(main, shadow);
  // driver-adapter-utils does the Result wrapping the engine expects (ok/error objects, a
  // registry for JS exceptions), for the factory, its adapters and their transactions.
  const bound = bindMigrationAwareSqlAdapterFactory(tracking.factory);
  const log =
    options.log ?? (config().schemaEngineLog ? (line: string) => console.error(line) : () => {});
  let engine: SchemaEngine | undefined;
  const cleanUp = async () => {
    engine?.free();
    await tracking.disposeAll();
  };
  let result: T;
  try {
    engine = await mod.SchemaEngine.new(
      { datamodels: [["schema.prisma", schemaText]] },
      log,
      bound,
    );
    result = await fn(engine);
  } catch (error) {
    // A failure to close must not hide the failure that matters.
    await cleanUp().catch(() => {});
    throw withExternalErrors(error, bound.errorRegistry);
  }
  await cleanUp();
  return result;
}

/**
 * Runs `fn` with a schema engine connected to `adapterFactory`'s database and knowing
 * `schemaText` as its Prisma schema. The shadow database, if the engine asks for one, is a
 * throwaway in-memory PGlite. Every connection the engine opened is disposed afterwards, whether
 * `fn` succeeded or not; the caller's own PrismaClient and database stay open.
 */
export function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  return runEngine(adapterFactory, undefined, schemaText, fn, options);
}

/**
 * Like withSchemaEngine, for work that needs no real database (diffs): the engine's database
 * and its shadow database are one fresh in-memory PGlite, closed afterwards. One instance
 * instead of two because starting a PGlite (an initdb in WASM) costs seconds, and a diff only
 * asks the main database for its version before replaying migrations into the shadow.
 */
export async function withInMemorySchemaEngine<T>(
  schemaText: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  const pglite = new PGlite();
  try {
    await pglite.waitReady;
    const factory = new PrismaPGlite(pglite);
    const shadow: ShadowSource = async () => ({ adapter: await factory.connect() });
    return await runEngine(factory, shadow, schemaText, fn, options);
  } finally {
    if (!pglite.closed) await pglite.close();
  }
}
