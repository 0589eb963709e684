// The migration runner on a real database (in-memory PGlite, or PostgreSQL with
// TEST_DATABASE_URL): committed migrations match prisma/schema.prisma (drift check), apply like
// `prisma migrate deploy`, are idempotent, and a failing migration is reported by name and
// leaves nothing half applied.
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOCKFILE,
  MigrationError,
  applyMigrations,
  diffSchemaAgainstMigrations,
  markMigrationRolledBack,
  readMigrations,
} from "~/server/db/migrate";
import { createTestDb } from "../helpers/test-db";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("drift between prisma/schema.prisma and prisma/migrations", () => {
  it("is none: the committed migrations build exactly the current schema", async () => {
    // If this fails, run `npm run db:migration -- <name>` and commit the new migration.
    expect(await diffSchemaAgainstMigrations()).toBe("");
  });

  it("is detected when the schema changes (proof that the check above can fail)", async () => {
    const schema = await readFile("prisma/schema.prisma", "utf8");
    const changed = schema.replace(
      /(model User \{\n[^}]*?\n)(\s+name\s+String\n)/,
      "$1$2  nickname String?\n",
    );
    expect(changed).not.toBe(schema);
    const sql = await diffSchemaAgainstMigrations({ schemaText: changed });
    expect(sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT;/);
  });
});

describe("applyMigrations", () => {
  it("applies every committed migration once, records it like prisma migrate deploy, then nothing", async () => {
    const { migrations } = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const db = await createTestDb({ migrate: false });
    try {
      expect(await applyMigrations(db.adapterFactory)).toEqual(migrations.map((m) => m.name));
      expect(await applyMigrations(db.adapterFactory)).toEqual([]);

      const rows = await db.prisma.$queryRawUnsafe<MigrationRow[]>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
           FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const [i, row] of rows.entries()) {
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
        expect(row.checksum).toBe(sha256(migrations[i]!.sql));
      }
    } finally {
      await db.close();
    }
  });

  it("gives a migrated database the generated client can write and read", async () => {
    const { migrations } = await readMigrations();
    const db = await createTestDb();
    try {
      // createTestDb starts PGlite databases from a cached image: it must be fully migrated.
      const applied = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`,
      );
      expect(applied.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      expect(await applyMigrations(db.adapterFactory)).toEqual([]);

      const created = await db.prisma.user.create({
        data: { email: "ada@example.test", name: "Ada", passwordHash: "x" },
      });
      const found = await db.prisma.user.findUniqueOrThrow({
        where: { email: "ada@example.test" },
      });
      expect(found).toMatchObject({ id: created.id, name: "Ada" });
      expect(found.createdAt).toBeInstanceOf(Date);
    } finally {
      await db.close();
    }
  });

  it("names a failing migration and its SQL error, applies none of it, and can retry it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pa-migrations-"));
    const db = await createTestDb({ migrate: false });
    try {
      const write = async (name: string, sql: string) => {
        await mkdir(path.join(dir, name), { recursive: true });
        await writeFile(path.join(dir, name, "migration.sql"), sql);
      };
      await writeFile(path.join(dir, "migration_lock.toml"), DEFAULT_LOCKFILE);
      await write("20000101000000_good", `CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);\n`);
      await write(
        "20000101000001_bad",
        `CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "Missing" VALUES (1);\n`,
      );

      const failure = await applyMigrations(db.adapterFactory, { dir }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(MigrationError);
      expect(failure).toMatchObject({ migrationName: "20000101000001_bad" });
      const message = (failure as Error).message;
      expect(message).toContain("Migration 20000101000001_bad failed");
      expect(message).toContain(
        'relation "Missing" does not exist (SQLSTATE 42P01, line 2 of the script)',
      );
      expect(message).toContain("--rolled-back 20000101000001_bad");

      const tables = async () =>
        (
          await db.prisma.$queryRawUnsafe<{ name: string }[]>(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
          )
        ).map((t) => t.name);
      // The good migration stays applied; the bad one ran as one statement batch, so PostgreSQL
      // rolled back its first half too.
      expect(await tables()).toEqual(["Good", "_prisma_migrations"]);

      // Until the failed attempt is resolved, nothing more is applied.
      await expect(applyMigrations(db.adapterFactory, { dir })).rejects.toThrow(
        /failed migration[\s\S]*20000101000001_bad/,
      );

      await write("20000101000001_bad", `CREATE TABLE "Half" ("id" INTEGER);\n`);
      await markMigrationRolledBack(db.adapterFactory, "20000101000001_bad");
      expect(await applyMigrations(db.adapterFactory, { dir })).toEqual(["20000101000001_bad"]);
      expect(await tables()).toEqual(["Good", "Half", "_prisma_migrations"]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
