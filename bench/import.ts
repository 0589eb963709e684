// CSV response import benchmark: a file of N complete responses to the ingestion survey (13
// questions, ~15 answers a row) is previewed, imported (all or nothing) and imported again (all
// duplicates) through the service the app calls, on PGlite and on PostgreSQL side by side.
// While the import runs, it records the event loop's longest stall and sends `SELECT 1` every
// 50 ms, as another request of the app would: how long the import keeps everyone else waiting.
// PGlite runs in the app's own thread, one statement at a time. Prints one JSON document on
// stdout and a readable table on stderr.
//
//   npm run bench:import                      # 20,000 rows, both engines
//   npx tsx bench/import.ts --rows 5000 --engines pglite
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import type { Db } from "~/server/db/client";
import { openDatabase } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { signUp } from "~/server/features/accounts/accounts";
import {
  importResponses,
  previewResponseImport,
} from "~/server/features/responses/response-import";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { createWorkspace } from "~/server/features/workspaces/workspaces";
import { benchQuestions, completeAnswers } from "./ingest-fixture";
import { startThrowawayPostgres } from "./throwaway-postgres";

type Engine = "pglite" | "postgres";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const extrasOptions = ["warranty", "winter_tyres", "service_plan", "insurance"];

/** A CSV with one column per question (multiple choice as 0/1 columns, as our export writes). */
function buildCsv(rows: number): string {
  const singleKeys = benchQuestions.map((q) => q.key).filter((k) => k !== "extras");
  const header = [
    "response_id",
    "status",
    "completed_at",
    ...singleKeys,
    ...extrasOptions.map((o) => `extras__${o}`),
  ];
  const data = Array.from({ length: rows }, () => {
    const answers = completeAnswers();
    const extras = (answers.extras as string[] | undefined) ?? [];
    return [
      randomUUID(),
      "complete",
      "2026-10-01T12:00:00Z",
      ...singleKeys.map((k) => String(answers[k] ?? "")),
      ...extrasOptions.map((o) => (extras.includes(o) ? "1" : "0")),
    ];
  });
  return Papa.unparse({ fields: header, data });
}

async function setUp(db: Db) {
  const owner = await signUp(db, {
    name: "Bench Owner",
    email: `bench.${randomUUID()}@example.test`,
    password: "bench-password-long-enough",
  });
  if (!owner) throw new Error("The bench owner's email already has an account.");
  const workspace = await createWorkspace(db, owner.id, { name: "Import bench" });
  const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
  const survey = await createSurvey(db, actor, { title: "Import bench" }, benchQuestions);
  await publishSurvey(db, actor, survey.id);
  return { actor, surveyId: survey.id };
}

/**
 * Runs `work` while watching what else the server could do meanwhile: the event loop's longest
 * stall (PGlite runs in this thread, so a long statement holds every request) and a `SELECT 1`
 * sent every 50 ms, as another request would.
 */
async function whileProbing<T>(db: Db, work: () => Promise<T>) {
  const latencies: number[] = [];
  // The longest gap between ticks of a 10 ms timer (perf_hooks' monitorEventLoopDelay missed a
  // loop held by PGlite for 15 s, so measure it plainly).
  let lastTick = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick);
    lastTick = now;
  }, 10);
  let running = true;
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await db.$queryRaw`SELECT 1`;
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const result = await work();
    // A loop held to the end fires its late timer only now: let it, then read the stall.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { result, latencies, loopStallMs: longestGap };
  } finally {
    clearInterval(ticker);
    running = false;
    await probe;
  }
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function measure(db: Db, csv: string, rows: number) {
  const { actor, surveyId } = await setUp(db);
  let started = performance.now();
  const preview = await previewResponseImport(db, actor, { surveyId, csv });
  const previewMs = performance.now() - started;
  const mapping = preview.mapping;
  started = performance.now();
  const {
    result: report,
    latencies,
    loopStallMs,
  } = await whileProbing(db, () =>
    importResponses(db, actor, { surveyId, csv, mapping, mode: "all-or-nothing" }),
  );
  const importMs = performance.now() - started;
  if (report.refused || report.imported !== rows) {
    throw new Error(
      `import stored ${report.imported} of ${rows} rows (refused: ${report.refused})`,
    );
  }
  const answers = await db.answer.count({ where: { response: { version: { surveyId } } } });
  started = performance.now();
  const again = await importResponses(db, actor, {
    surveyId,
    csv,
    mapping,
    mode: "all-or-nothing",
  });
  const reimportMs = performance.now() - started;
  if (again.imported !== 0) throw new Error(`re-import stored ${again.imported} rows`);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rows,
    answers,
    previewSeconds: seconds(previewMs),
    importSeconds: seconds(importMs),
    rowsPerSecond: Math.round(rows / (importMs / 1000)),
    reimportSeconds: seconds(reimportMs),
    whileImporting: {
      eventLoopStallMs: Math.round(loopStallMs),
      probeQueries: sorted.length,
      probeMedianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      probeWorstMs: Math.round(sorted[sorted.length - 1] ?? 0),
    },
  };
}

async function onEngine(engine: Engine, csv: string, rows: number) {
  const server = engine === "postgres" ? await startThrowawayPostgres() : null;
  try {
    const database = await openDatabase(
      server ? { kind: "postgres", url: server.url } : { kind: "pglite", dataDir: null },
    );
    try {
      await applyMigrations(database.adapterFactory);
      const figures = await measure(database.prisma, csv, rows);
      return { engine: server ? `PostgreSQL ${server.version}` : "PGlite (in memory)", ...figures };
    } finally {
      await database.close();
    }
  } finally {
    server?.stop();
  }
}

async function main(): Promise<void> {
  const rows = Number(option("rows", "20000"));
  const engines = option("engines", "pglite,postgres").split(",") as Engine[];
  const csv = buildCsv(rows);
  const results = [];
  for (const engine of engines) {
    console.error(`importing ${rows} rows on ${engine}…`);
    results.push(await onEngine(engine, csv, rows));
  }
  console.log(JSON.stringify({ csvBytes: Buffer.byteLength(csv), results }, null, 2));
  console.table(
    results.map((r) => ({
      engine: r.engine,
      "preview s": r.previewSeconds,
      "import s": r.importSeconds,
      "rows/s": r.rowsPerSecond,
      "re-import s": r.reimportSeconds,
      "loop stall ms": r.whileImporting.eventLoopStallMs,
      probes: r.whileImporting.probeQueries,
      "probe worst ms": r.whileImporting.probeWorstMs,
    })),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
