// Counters behind every rate limit (server/http/rate-limit.ts, server/features/accounts/rate-limit.ts), kept
// in the LimitCounter table so that any number of app instances on one database share them; no
// process's memory decides a limit.
//
// A limiter's window is cut into 100 slots (slot = floor(time / slotMs)). Each slot of a key is
// one row, bumped by an atomic upsert, and the window's count is the sum of its last slots. That
// keeps each check to one statement, bounded in rows per key (at most 100), and within 1 %
// of a true sliding window (at most one slot more lenient, never stricter). See limit-window.ts.
import type { Db } from "~/server/db/client";
import { directSql } from "~/server/db/direct-sql";
import type { SlotCount, WindowSpec } from "~/server/domain/limit-window";

/** Where the counts of a limiter live: the database in the app, a plain map in pure tests. */
export interface LimitCounters {
  /**
   * Counts one hit in `slot` unless the window (the `slots` slots ending at `slot`) already holds
   * `limit`; returns whether it counted and the window's counts as they were before.
   */
  take(
    key: string,
    window: WindowSpec,
    limit: number,
  ): Promise<{ counted: boolean; counts: SlotCount[] }>;
  /** Counts one hit in `slot` whatever the window holds. */
  add(key: string, window: WindowSpec): Promise<void>;
  /** The window's counts, oldest slot first. */
  read(key: string, window: WindowSpec): Promise<SlotCount[]>;
  /** Forgets every count of the key. */
  clear(key: string): Promise<void>;
}

// One sweep of expired rows per instance per this many writes: cheap, and the table stays
// bounded by the keys seen within about one window. Counted per process rather than per
// limitCounters() object, because callers make one of those per request.
const SWEEP_EVERY_WRITES = 500;
let writesSinceSweep = 0;

/** Notes one counter write (here or folded into another statement) and sweeps now and then. */
export async function noteLimitWrite(db: Db): Promise<void> {
  writesSinceSweep += 1;
  if (writesSinceSweep < SWEEP_EVERY_WRITES) return;
  writesSinceSweep = 0;
  await db.$executeRaw`DELETE FROM "LimitCounter" WHERE "expiresAt" < now()`;
}

interface Row {
  slot: bigint | number;
  count: number;
}

const toCounts = (rows: Row[]): SlotCount[] =>
  rows.map((r) => ({ slot: Number(r.slot), count: Number(r.count) }));

/** The database's counters; every instance on the same database sees the same counts. */
export function limitCounters(db: Db): LimitCounters {
  const maybeSweep = () => noteLimitWrite(db);
  const sql = directSql(db);
  return {
    async take(key, { slot, slots, expiresAt }, limit) {
      const first = slot - slots + 1;
      const current = slot;
      // Both the fresh insert and the update re-check the limit; the update's check runs on the
      // locked row, so two instances racing for the last place cannot both get it. Older slots
      // no longer change, so reading them without a lock is exact.
      // The hot path of every limited request: sent straight to the driver (direct-sql.ts).
      const rows = await sql<Row & { counted: boolean }>(
        `WITH earlier AS (
          SELECT coalesce(sum("count"), 0)::bigint AS n FROM "LimitCounter"
          WHERE "key" = $1 AND "slot" >= $2::bigint AND "slot" < $3::bigint
        ), bumped AS (
          INSERT INTO "LimitCounter" ("key", "slot", "count", "expiresAt")
          SELECT $1, $3::bigint, 1, $4::timestamp FROM earlier WHERE earlier.n < $5::bigint
          ON CONFLICT ("key", "slot") DO UPDATE SET "count" = "LimitCounter"."count" + 1
          WHERE "LimitCounter"."count" + (SELECT n FROM earlier) < $5::bigint
          RETURNING 1
        )
        -- The slots are only needed to say how long a refused request must wait.
        SELECT "slot", "count", false AS counted FROM "LimitCounter"
        WHERE "key" = $1 AND "slot" >= $2::bigint AND "slot" <= $3::bigint
          AND NOT EXISTS (SELECT 1 FROM bumped)
        UNION ALL
        SELECT NULL, 0, EXISTS (SELECT 1 FROM bumped)
        ORDER BY 1 NULLS LAST`,
        [key, String(first), String(current), expiresAt.toISOString(), String(limit)],
      );
      const counted = rows.some((r) => r.counted);
      await maybeSweep();
      return { counted, counts: toCounts(rows.filter((r) => r.slot !== null)) };
    },
    async add(key, { slot, expiresAt }) {
      await db.$executeRaw`
        INSERT INTO "LimitCounter" ("key", "slot", "count", "expiresAt")
        VALUES (${key}, ${BigInt(slot)}, 1, ${expiresAt})
        ON CONFLICT ("key", "slot") DO UPDATE SET "count" = "LimitCounter"."count" + 1`;
      await maybeSweep();
    },
    async read(key, { slot, slots }) {
      const rows = await db.$queryRaw<Row[]>`
        SELECT "slot", "count" FROM "LimitCounter"
        WHERE "key" = ${key} AND "slot" >= ${BigInt(slot - slots + 1)} AND "slot" <= ${BigInt(slot)}
        ORDER BY "slot"`;
      return toCounts(rows);
    },
    async clear(key) {
      await db.$executeRaw`DELETE FROM "LimitCounter" WHERE "key" = ${key}`;
    },
  };
}
