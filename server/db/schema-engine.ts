// Owns Prisma's schema engine (the part of Prisma that applies and diffs migrations), run from
// @prisma/schema-engine-wasm because the native schema-engine binary cannot be downloaded on our
// machines (see ../shared/notes/prisma-without-binaries.md). This module:
//   - loads and instantiates the WASM engine once per process;
//   - adapts a Prisma driver adapter factory to what the engine expects (Result objects instead of
//     plain values and exceptions), fixing two adapter bugs that matter for migrations on the way
//     (schema-engine-adapters.ts);
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
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { trackingFactory, type ShadowSource } from "./schema-engine-adapters";

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
