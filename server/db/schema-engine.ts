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
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type { SchemaEngine };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

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

/** What the engine's adapters need beyond the public SqlDriverAdapter interface (duck-typed
 * internals of pglite-prisma-adapter and @prisma/adapter-pg, see fixScriptExecution). */
interface AdapterInternals {
  client?: { exec?: (sql: string) => Promise<unknown> };
  underlyingDriver?: () => { query?: (sql: string) => Promise<unknown> };
  onError?: (error: unknown) => never;
}

/**
 * Makes `executeScript` run a migration script as ONE simple-protocol query, the way the native
 * engine (and `prisma migrate deploy`) does. Why: the engine applies each migration.sql through
 * executeScript, and the upstream adapters get it wrong for migrations —
 *   - pglite-prisma-adapter calls `pglite.exec(script)` without awaiting it, so a failing
 *     migration is reported as applied and its error surfaces later as an unhandled rejection;
 *   - @prisma/adapter-pg splits the script on every ";" (breaking `DO $$ ... $$` bodies and
 *     string literals) and runs the pieces on whichever pool connection is free, losing the
 *     implicit transaction PostgreSQL gives a multi-statement query (so a failed migration would
 *     be half applied).
 * Adapters we do not recognise keep their own executeScript.
 */
function fixScriptExecution(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as SqlDriverAdapter & AdapterInternals;
  let run: ((script: string) => Promise<unknown>) | undefined;
  if (typeof internals.client?.exec === "function") {
    const client = internals.client as { exec: (sql: string) => Promise<unknown> };
    run = (script) => client.exec(script);
  } else if (typeof internals.underlyingDriver === "function") {
    const driver = internals.underlyingDriver();
    if (typeof driver.query === "function") {
      run = (script) => (driver as { query: (sql: string) => Promise<unknown> }).query(script);
    }
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
            // The adapter's own error mapping turns driver errors into the DriverAdapterError
            // shape the engine understands (SQLSTATE code, message).
            if (typeof internals.onError === "function") internals.onError.call(target, error);
            throw error;
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

/**
 * The factory handed to the engine (before Result-binding): the caller's database for
 * `connect()`, a fresh in-memory PGlite for `connectToShadowDb()`, and a record of every adapter
 * opened so that all of them are disposed when the engine is done.
 */
function trackingFactory(main: SqlMigrationAwareDriverAdapterFactory) {
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
      const shadow = await connectInMemoryShadow();
      const { adapter, dispose } = disposeOnce(fixScriptExecution(shadow.adapter), shadow.close);
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

/** A factory whose main database is also an in-memory PGlite: for engine work that needs no
 * real database at all (diffing migrations against the schema). */
export function inMemoryAdapterFactory(): SqlMigrationAwareDriverAdapterFactory & {
  close(): Promise<void>;
} {
  const opened: PGlite[] = [];
  const open = async () => {
    const pglite = new PGlite();
    opened.push(pglite);
    await pglite.waitReady;
    return new PrismaPGlite(pglite).connect();
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pglite",
    connect: open,
    connectToShadowDb: open,
    async close() {
      await Promise.all(opened.splice(0).map((p) => (p.closed ? undefined : p.close())));
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
 * The engine rejects with plain objects or Errors whose message is JSON (`{ message,
 * error_code, meta }`), and adapter exceptions come back as `GenericJs` ids in the registry.
 * Produce one readable message.
 */
export function describeEngineError(error: unknown, registry?: ErrorRegistry): string {
  let text = messageOf(error);
  let parsed: unknown = error;
  if (error instanceof Error) {
    try {
      parsed = JSON.parse(error.message);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed && typeof parsed === "object") {
    const record = parsed as Record<string, unknown>;
    if (typeof record.message === "string") text = record.message;
    const meta = record.meta as Record<string, unknown> | undefined;
    if (meta?.kind === "GenericJs" && typeof meta.id === "number" && registry) {
      const original = registry.consumeError(meta.id);
      if (original) text = `${text}: ${messageOf(original.error)}`;
    }
  }
  return text.trim();
}

export interface SchemaEngineOptions {
  /** Receives the engine's log lines (JSON strings). Default: print them when
   * PRISMA_SCHEMA_ENGINE_LOG is set, otherwise drop them. */
  log?: (line: string) => void;
}

/**
 * Runs `fn` with a schema engine connected to `adapterFactory`'s database and knowing
 * `schemaText` as its Prisma schema. The shadow database is always a throwaway in-memory PGlite.
 * Every connection the engine opened is disposed afterwards, whether `fn` succeeded or not; the
 * caller's own PrismaClient and database stay open.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText: string,
  fn: (engine: SchemaEngine, errors: ErrorRegistry) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  const mod = await loadSchemaEngine();
  const tracking = trackingFactory(adapterFactory);
  const bound = bindMigrationAwareSqlAdapterFactory(tracking.factory);
  const log =
    options.log ??
    (process.env.PRISMA_SCHEMA_ENGINE_LOG ? (line: string) => console.error(line) : () => {});
  let engine: SchemaEngine | undefined;
  try {
    engine = await mod.SchemaEngine.new(
      { datamodels: [["schema.prisma", schemaText]] },
      log,
      bound,
    );
    return await fn(engine, bound.errorRegistry);
  } finally {
    engine?.free();
    await tracking.disposeAll();
  }
}
