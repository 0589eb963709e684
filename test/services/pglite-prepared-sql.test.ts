// The PGlite executor with named prepared statements (server/db/pglite-prepared-sql.ts): the same
// rows as pglite.query(), a failed call that heals on the next one, and no statement slipping
// into another caller's open transaction.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pglitePreparedSql } from "~/server/db/pglite-prepared-sql";

let pglite: PGlite;

beforeAll(async () => {
  pglite = new PGlite();
  await pglite.waitReady;
  await pglite.exec(`CREATE TABLE t (id int PRIMARY KEY, note text, data jsonb)`);
});

afterAll(async () => {
  await pglite.close();
});

describe("pglitePreparedSql", () => {
  it("returns what pglite.query returns, call after call, with quotes and nulls intact", async () => {
    const run = pglitePreparedSql(pglite);
    const sql = `INSERT INTO t (id, note, data) VALUES ($1, $2, $3::jsonb) RETURNING *`;
    for (const [id, note] of [
      [1, "it's"],
      [2, null],
      [3, "a\\b"],
    ] as const) {
      const data = JSON.stringify({ id, note });
      expect(await run(sql, [id, note, data])).toEqual([{ id, note, data: { id, note } }]);
    }
    const select = `SELECT id, note FROM t WHERE id >= $1 ORDER BY id`;
    expect(await run(select, [2])).toEqual((await pglite.query(select, [2])).rows);
  });

  it("reports a failing call and runs the statement again afterwards", async () => {
    const run = pglitePreparedSql(pglite);
    const sql = `SELECT 10 / $1::int AS q`;
    await expect(run(sql, [0])).rejects.toThrow(/division by zero/);
    expect(await run(sql, [5])).toEqual([{ q: 2 }]);
    // A statement that fails to parse is never remembered as prepared.
    await expect(run(`SELECT nope FROM t WHERE id = $1`, [1])).rejects.toThrow(/nope/);
    await expect(run(`SELECT nope FROM t WHERE id = $1`, [1])).rejects.toThrow(/nope/);
  });

  it("waits for another caller's open transaction instead of joining it", async () => {
    const run = pglitePreparedSql(pglite);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = pglite.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, note) VALUES (10, 'inside')`);
      await held;
      await tx.rollback();
    });
    // Give the transaction time to open, then read while it holds its uncommitted row.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = run<{ n: number }>(`SELECT count(*)::int AS n FROM t WHERE id = $1`, [10]);
    release();
    await transaction;
    // Had the read run inside the transaction, it would have seen the row it rolled back.
    expect(await read).toEqual([{ n: 0 }]);
  });
});
