// Which database the app opens, from the environment.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "~/server/db/target";

describe("resolveDatabaseTarget", () => {
  it("defaults to PGlite under .data/pglite", () => {
    expect(resolveDatabaseTarget({})).toEqual({
      kind: "pglite",
      dataDir: path.resolve(".data/pglite"),
    });
  });
  it("honours PGLITE_DIR and in-memory", () => {
    expect(resolveDatabaseTarget({ PGLITE_DIR: "/tmp/x" })).toEqual({
      kind: "pglite",
      dataDir: "/tmp/x",
    });
    expect(resolveDatabaseTarget({ PGLITE_DIR: "memory://" })).toEqual({
      kind: "pglite",
      dataDir: null,
    });
  });
  it("uses PostgreSQL when DATABASE_URL is set, and explains a wrong scheme", () => {
    expect(resolveDatabaseTarget({ DATABASE_URL: "postgresql://u@h:5432/d" })).toEqual({
      kind: "postgres",
      url: "postgresql://u@h:5432/d",
    });
    expect(() => resolveDatabaseTarget({ DATABASE_URL: "mysql://x" })).toThrow(/postgresql:\/\//);
  });
});
