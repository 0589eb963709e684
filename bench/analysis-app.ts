// In-app analysis at scale: seeds a survey with 100,000 complete responses (13 questions, three
// planted groups), starts an analysis through the service (startAnalysis, then executeRun: what
// the queue's worker calls for an analysis-run job) and, while it runs, keeps other requests
// going on the same database and in the same process: respondents submitting through the public
// endpoint's handler and a researcher polling the run's progress (getRun), as the app's web
// process does while its own worker runs an analysis. Prints one JSON document on stdout: seed
// time, the run's wall time and outcome, and the latency of the other requests (p50/p95/p99/max),
// per engine side by side; progress on stderr.
//
// The other requests run in this process on purpose: with `npm start` the web instance is also the
// worker, so whatever the run does on the event loop (loading answers, storing the result) is what
// a respondent waits for. Their pace is modest (each client waits 50 ms between requests): the
// figure is their latency, not the throughput (bench:ingest measures that).
//
//   npm run bench:analysis-app                               # 100,000 responses, both engines
//   npx tsx bench/analysis-app.ts --responses 20000 --engines postgres --clients 10
// PostgreSQL: a throwaway local server (Debian package postgresql), default durability.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type OpenDatabase } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import type { DatabaseTarget } from "~/server/db/target";
import { handlePublicSubmit } from "~/server/http/public-submit";
import { RequestLimiter } from "~/server/http/rate-limit";
import { executeRun, getRun, startAnalysis } from "~/server/services/analysis-runs";
import { completeAnswers, publishBenchSurvey } from "./ingest-fixture";
import { startThrowawayPostgres } from "./throwaway-postgres";

type Engine = "pglite" | "postgres";

interface Options {
  responses: number;
  clients: number;
  engines: Engine[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { responses: 100_000, clients: 10, engines: ["postgres", "pglite"] };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--") continue;
    if (!value) throw new Error(`${flag} needs a value`);
    i += 1;
    if (flag === "--responses") options.responses = Number(value);
    else if (flag === "--clients") options.clients = Number(value);
    else if (flag === "--engines") options.engines = value.split(",") as Engine[];
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (message: string) => process.stderr.write(`${message}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

// Each question's value for seeded response g (1..n), as SQL over g. The group (g % 3) shifts the
// segment and experience answers, so the analysis has three planted personas to find; the rest is
// noise. Keys are benchQuestions' (ingest-fixture.ts); the column is the one saveResponse uses.
const group = "(g % 3)";
const noise = (spread: number) => `floor(random() * ${spread})`;
const seededValues: Record<string, { column: string; sql: string }> = {
  price_matters: { column: "numberValue", sql: `least(5, 1 + 2 * ${group} + ${noise(2)})` },
  brand_matters: { column: "numberValue", sql: `least(5, 5 - 2 * ${group} - ${noise(2)})` },
  safety_matters: { column: "numberValue", sql: `1 + ${noise(5)}` },
  design_matters: {
    column: "numberValue",
    sql: `CASE ${group} WHEN 1 THEN 4 + ${noise(2)} ELSE 1 + ${noise(2)} END`,
  },
  channel: {
    column: "textValue",
    sql: `(ARRAY['online', 'dealer', 'friends'])[1 + ${group}]`,
  },
  extras: {
    column: "choices",
    sql: `CASE ${group} WHEN 0 THEN ARRAY['warranty'] WHEN 1 THEN ARRAY['service_plan', 'insurance'] ELSE ARRAY['winter_tyres'] END`,
  },
  discovery_emotion: { column: "numberValue", sql: `${group} - 1` },
  discovery_pain: { column: "numberValue", sql: `${noise(5)}` },
  purchase_emotion: { column: "numberValue", sql: `1 - ${group}` },
  purchase_pain: { column: "numberValue", sql: `2 * ${group}` },
  nps: { column: "numberValue", sql: `least(10, 3 * ${group} + ${noise(3)})` },
  thoughts: {
    column: "textValue",
    sql: `(ARRAY['The dealer was friendly, but the paperwork took far longer than I expected.', 'I compared prices online for weeks before I dared to book a test drive.', 'Honestly, the financing offer decided it for me; the car itself was second.'])[1 + ${group}]`,
  },
  age: { column: "numberValue", sql: `25 + 15 * ${group} + ${noise(10)}` },
};

async function setUp(db: OpenDatabase["prisma"]) {
  const { actor, survey } = await publishBenchSurvey(db, "Analysis at scale");
  const version = await db.surveyVersion.findFirstOrThrow({
    where: { surveyId: survey.id, publishedAt: { not: null } },
    include: { questions: true },
  });
  return { actor, survey, version };
}

/** Inserts n complete responses and their answers in the database itself: one statement each. */
async function seed(
  db: OpenDatabase["prisma"],
  version: { id: string; questions: { id: string; key: string }[] },
  n: number,
): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "Response" ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt")
     SELECT 'seed-' || g, $1, 'COMPLETE', 'en', 'IMPORT', now(), now(), now()
     FROM generate_series(1, $2::int) g`,
    version.id,
    n,
  );
  for (const question of version.questions) {
    const value = seededValues[question.key];
    if (!value) throw new Error(`no seeded value for question ${question.key}`);
    const choices = value.column === "choices" ? value.sql : "'{}'";
    const column = value.column === "choices" ? "" : `, "${value.column}"`;
    const columnValue = value.column === "choices" ? "" : `, ${value.sql}`;
    await db.$executeRawUnsafe(
      `INSERT INTO "Answer" ("id", "responseId", "questionId", "choices"${column})
       SELECT gen_random_uuid()::text, 'seed-' || g, $1, ${choices}${columnValue}
       FROM generate_series(1, $2::int) g`,
      question.id,
      n,
    );
  }
  await db.$executeRawUnsafe(`ANALYZE "Response"`);
  await db.$executeRawUnsafe(`ANALYZE "Answer"`);
}

async function measure(engine: Engine, target: DatabaseTarget, options: Options) {
  const database = await openDatabase(target);
  try {
    await applyMigrations(database.adapterFactory);
    const db = database.prisma;
    const { actor, survey, version } = await setUp(db);
    log(`${engine}: seeding ${options.responses} responses`);
    let t0 = performance.now();
    await seed(db, version, options.responses);
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`${engine}: seeded in ${round(seedSeconds)} s; starting the analysis`);

    // The others: respondents submitting, and the researcher's page polling the run.
    const limiter = new RequestLimiter({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 });
    const submits: number[] = [];
    const polls: number[] = [];
    let errors = 0;
    let running = true;
    const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 1 });
    const submitLoop = async () => {
      while (running) {
        const body = JSON.stringify({
          responseId: randomUUID(),
          answers: completeAnswers(),
          complete: true,
          locale: "en",
        });
        const request = new Request(`http://bench/api/v1/public/surveys/${survey.slug}/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        const started = performance.now();
        const response = await handlePublicSubmit(db, request, { slug: survey.slug }, { limiter });
        await response.arrayBuffer();
        submits.push(performance.now() - started);
        if (response.status !== 200) errors += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const pollLoop = async () => {
      while (running) {
        const started = performance.now();
        try {
          await getRun(db, actor, runId);
        } catch {
          errors += 1;
        }
        polls.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const others = [
      ...Array.from({ length: Math.max(1, options.clients - 1) }, submitLoop),
      pollLoop(),
    ];
    t0 = performance.now();
    let lastPhase = "";
    const progress = setInterval(() => {
      void db.analysisRun
        .findUnique({ where: { id: runId }, select: { phase: true, progress: true } })
        .then((r) => {
          const phase = `${r?.phase} ${r?.progress}%`;
          if (phase !== lastPhase)
            log(`${engine}: ${phase} at ${round((performance.now() - t0) / 1000)} s`);
          lastPhase = phase;
        });
    }, 2000);
    try {
      await executeRun(db, runId);
    } finally {
      clearInterval(progress);
      running = false;
    }
    const analysisSeconds = (performance.now() - t0) / 1000;
    await Promise.all(others);
    const run = await getRun(db, actor, runId);
    return {
      database:
        engine === "postgres"
          ? "throwaway local PostgreSQL, default durability, pool of 10"
          : "PGlite on disk (temp dir), one connection",
      responses: options.responses,
      seedSeconds: round(seedSeconds),
      analysisSeconds: round(analysisSeconds),
      run: {
        status: run.status,
        respondentCount: run.respondentCount,
        personas: run.personaCount,
        error: run.error ?? null,
      },
      othersMeanwhile: {
        clients: options.clients,
        all: latencySummary([...submits, ...polls]),
        publicSubmit: latencySummary(submits),
        runPolling: latencySummary(polls),
        errors,
      },
    };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const loadBefore = loadavg().map((x) => round(x, 2));
  const engines: Record<string, unknown> = {};
  for (const engine of options.engines) {
    if (engine === "postgres") {
      const server = await startThrowawayPostgres();
      try {
        engines.postgres = await measure(engine, { kind: "postgres", url: server.url }, options);
      } finally {
        server.stop();
      }
    } else {
      const dir = mkdtempSync(join(tmpdir(), "persona-atlas-bench-analysis-"));
      try {
        engines.pglite = await measure(
          engine,
          { kind: "pglite", dataDir: join(dir, "pglite") },
          options,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const report = {
    bench: "analysis-app",
    targets: { analysisSeconds: "<= 60", othersP99Ms: "< 200 on PostgreSQL" },
    machine: {
      cpus: cpus().length,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg().map((x) => round(x, 2)),
      node: process.version,
    },
    engines,
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
