// A fresh, migrated database per call, for service and API tests. Default: an in-memory PGlite.
// With TEST_DATABASE_URL (a PostgreSQL server URL, e.g. postgresql://postgres@127.0.0.1:54329/postgres):
// a new uniquely named database on that server, dropped again by close().
// Both are migrated by the real migration runner (server/db/migrate.ts) from prisma/migrations,
// so the tests also prove that the committed migrations produce a working schema.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { openDatabase, type Db } from "~/server/db/client";
import {
  pgliteTransaction,
  registerDirectSql,
  registerDirectTransaction,
} from "~/server/db/direct-sql";
import { pglitePreparedSql } from "~/server/db/pglite-prepared-sql";
import { PrismaClient } from "~/server/db/generated/client";
import { applyMigrations, readMigrations } from "~/server/db/migrate";

export interface TestDb {
  prisma: Db;
  /** The driver adapter factory under `prisma`, for tests of the migration runner itself. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  engine: "pglite" | "postgres";
  /** Disconnects, and on PostgreSQL drops the database. Safe to call twice. */
  close(): Promise<void>;
}

export interface TestDbOptions {
  /** false: an empty database, without migrations (for testing the migration runner). */
  migrate?: boolean;
  /** Called with the SQL of every statement the Prisma client sends (a query log). */
  onQuery?: (sql: string) => void;
}

export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.TEST_DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`TEST_DATABASE_URL must be a postgresql:// URL of a PostgreSQL server.`);
  }
  return url;
}

export function createTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  const url = testDatabaseUrl();
  const migrate = options.migrate ?? true;
  return url
    ? createPostgresTestDb(url, migrate, options.onQuery)
    : createPGliteTestDb(migrate, options.onQuery);
}

/** A Prisma client on `adapter`, logging every statement to `onQuery` when given. */
function prismaClient(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  onQuery?: (sql: string) => void,
): Db {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client as unknown as Db;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

// --- PGlite ----------------------------------------------------------------------------------

// Starting a PGlite runs initdb inside WASM and costs seconds (more on a busy machine), while
// loading a data directory image costs well under one and applying the migrations costs
// milliseconds. So the migrated database is built once, its data directory (including
// _prisma_migrations) is kept as an image, and every test database starts from that image:
// in memory for the rest of the test process, and on disk in node_modules/.cache so that the
// next test files and runs skip the build too. The disk image is keyed by the PGlite version
// and the content of every migration, so a new or edited migration builds a new image.
const IMAGE_FORMAT = 1;
const IMAGE_DIR = path.resolve("node_modules/.cache/persona-atlas-test-db");
const IMAGE_PREFIX = "pglite-migrated-";

let migratedImage: Promise<Blob> | undefined;

async function imageFile(): Promise<string> {
  const hash = createHash("sha256");
  let pgliteVersion = "unknown";
  try {
    const pkg = await readFile("node_modules/@electric-sql/pglite/package.json", "utf8");
    pgliteVersion = (JSON.parse(pkg) as { version: string }).version;
  } catch {
    // Not fatal: the migrations still key the image.
  }
  hash.update(`format ${IMAGE_FORMAT}\npglite ${pgliteVersion}\n`);
  for (const migration of (await readMigrations()).migrations) {
    hash.update(`${migration.name}\n${migration.sql}\n\0`);
  }
  return path.join(IMAGE_DIR, `${IMAGE_PREFIX}${hash.digest("hex").slice(0, 20)}.tar`);
}

async function buildMigratedImage(): Promise<Blob> {
  const template = new PGlite();
  try {
    await template.waitReady;
    await applyMigrations(new PrismaPGlite(template));
    return await template.dumpDataDir("none");
  } finally {
    await template.close();
  }
}

/** Best effort: a failure to cache only costs the next run the build. */
async function storeImage(file: string, image: Blob): Promise<void> {
  try {
    await mkdir(IMAGE_DIR, { recursive: true });
    // Written under a unique name, then renamed: parallel test processes may race here, and
    // a reader must never see half an image.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(partial, Buffer.from(await image.arrayBuffer()));
    await rename(partial, file);
    for (const name of await readdir(IMAGE_DIR)) {
      const old = path.join(IMAGE_DIR, name);
      if (name.startsWith(IMAGE_PREFIX) && old !== file && !name.endsWith(".partial")) {
        await rm(old, { force: true });
      }
    }
  } catch {
    // Read-only node_modules or a full disk: carry on without the cache.
  }
}

function migratedPGliteImage(): Promise<Blob> {
  migratedImage ??= (async () => {
    const file = await imageFile();
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const image = await buildMigratedImage();
      await storeImage(file, image);
      return image;
    }
  })();
  migratedImage.catch(() => (migratedImage = undefined));
  return migratedImage;
}

async function createPGliteTestDb(
  migrate: boolean,
  onQuery?: (sql: string) => void,
): Promise<TestDb> {
  const pglite = migrate ? new PGlite({ loadDataDir: await migratedPGliteImage() }) : new PGlite();
  await pglite.waitReady;
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = prismaClient(adapterFactory, onQuery);
  // As the app does (server/db/client.ts): the hot paths' statements go straight to PGlite. The
  // query log sees them too, so a test counting statements counts whichever route they take.
  const direct = pglitePreparedSql(pglite);
  registerDirectSql(
    prisma,
    onQuery
      ? <Row>(sql: string, params: unknown[]) => {
          onQuery(sql);
          return direct<Row>(sql, params);
        }
      : direct,
  );
  registerDirectTransaction(prisma, pgliteTransaction(pglite));
  return {
    prisma,
    adapterFactory,
    engine: "pglite",
    close: once(async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    }),
  };
}

// --- PostgreSQL ------------------------------------------------------------------------------

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgresTestDb(
  serverUrl: string,
  migrate: boolean,
  onQuery?: (sql: string) => void,
): Promise<TestDb> {
  // Random, not sequential: test files run in parallel processes against the same server.
  const name = `pa_test_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  // FORCE: a test that failed midway may leave connections open; the database goes anyway.
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    db = await openDatabase({ kind: "postgres", url: url.toString() });
    if (migrate) await applyMigrations(db.adapterFactory);
  } catch (error) {
    await db?.close();
    await drop();
    throw error;
  }
  const opened = db;
  // The query log needs a client of its own on the same adapter.
  const prisma = onQuery ? prismaClient(opened.adapterFactory, onQuery) : opened.prisma;
  return {
    prisma,
    adapterFactory: opened.adapterFactory,
    engine: "postgres",
    close: once(async () => {
      try {
        if (prisma !== opened.prisma) await prisma.$disconnect();
        await opened.close();
      } finally {
        await drop();
      }
    }),
  };
}
