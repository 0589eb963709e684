// Named prepared statements on PGlite, for the hot paths' direct statements (direct-sql.ts).
// pglite.query() sends its text as an unnamed statement, so PGlite parses and plans it on every
// call, on the one thread that also runs the app. For the batched save (response-batch-sql.ts)
// that is most of the cost: about 27 ms per call against 1.4 ms to execute it once prepared
// (measured with an empty batch on in-memory PGlite). This executor parses each statement text
// once per PGlite instance under a name, then only binds and executes it: the pg pool's named
// statements (poolSql) do the same on PostgreSQL.
//
// It takes the very locks pglite.query() takes (no open transaction of another caller, one
// query at a time), so a statement never lands inside someone else's transaction. A failed call
// forgets the name; the next call closes and parses it afresh, so a lost or broken statement
// heals itself. Parameters other than text, numbers and booleans take pglite.query() as before.
import { parse, protocol, type PGlite } from "@electric-sql/pglite";
import { statementName, type DirectSql } from "./direct-sql";

type Simple = string | number | bigint | boolean | null | undefined;

const isSimple = (value: unknown): value is Simple =>
  value === null || ["string", "number", "bigint", "boolean", "undefined"].includes(typeof value);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function pglitePreparedSql(pglite: PGlite): DirectSql {
  const prepared = new Set<string>();
  const { serialize } = protocol;
  return async <Row>(sql: string, params: unknown[]): Promise<Row[]> => {
    if (!params.every(isSimple)) return (await pglite.query<Row>(sql, params)).rows;
    const name = statementName(sql);
    const values = params.map((v) => (v === null || v === undefined ? null : String(v)));
    const fresh = !prepared.has(name);
    const message = concat([
      // Closing a statement that does not exist is no error: this clears a half-made one.
      ...(fresh
        ? [serialize.close({ type: "S", name }), serialize.parse({ name, text: sql })]
        : []),
      serialize.bind({ statement: name, values }),
      serialize.describe({ type: "P" }),
      serialize.execute({}),
      serialize.sync(),
    ]);
    await pglite.waitReady;
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        try {
          const { messages } = await pglite.execProtocol(message, {});
          if (fresh) prepared.add(name);
          return (parse.parseResults(messages, pglite.parsers)[0]?.rows ?? []) as Row[];
        } catch (error) {
          prepared.delete(name);
          throw error;
        }
      }),
    );
  };
}
