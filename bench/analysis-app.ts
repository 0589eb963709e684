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
//   npx tsx bench/analysis-app.ts --engines postgres --read-pages 1000,5000,20000  # time the read
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
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import { getRun } from "~/server/features/analysis-runs/analysis-run-views";
import { executeRun, startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { completeAnswers, publishBenchSurvey } from "./ingest-fixture";
import { startThrowawayPostgres } from "./throwaway-postgres";

type Engine = "pglite" | "postgres";

interface Options {
  responses: number;
  clients: number;
  engines: Engine[];
  /** Page sizes to time the answer read with before the run (tunes analysis-input.ts's default). */
  readPages: number[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    responses: 100_000,
    clients: 10,
    engines: ["postgres", "pglite"],
    readPages: [],
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--") continue;
    if (!value) throw new Error(`${flag} needs a value`);
    i += 1;
    if (flag === "--responses") options.responses = Number(value);
    else if (flag === "--clients") options.clients = Number(value);
    else if (flag === "--engines") options.engines = value.split(",") as Engine[];
    else if (flag === "--read-pages") options.readPages = value.split(",").map(Number);
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

/** Responses per seeding statement pair: bounded statement memory, few round trips. */
const seedBatch = 20_000;

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

// Seeded ids are zero-padded so that their text order is their numeric order: rows then reach every
// index (the primary keys, Answer's (responseId, questionId)) in key order, appended at the right
// edge of each B-tree instead of scattered over it, which is what made seeding slow.
const seedId = (expression: string) => `'seed-' || lpad((${expression})::text, 7, '0')`;

/**
 * Inserts n complete responses and their answers in the database itself, in batches of
 * `seedBatch` responses: one INSERT ... SELECT for the responses of a batch and one for all their
 * answers (every question of every response, in key order), so nothing crosses the wire per row.
 */
async function seed(
  db: OpenDatabase["prisma"],
  version: { id: string; questions: { id: string; key: string }[] },
  n: number,
): Promise<void> {
  // One CASE arm per question: the value expression and the column it fills.
  const arms = (column: string) =>
    version.questions
      .map((question, i) => {
        const value = seededValues[question.key];
        if (!value) throw new Error(`no seeded value for question ${question.key}`);
        return value.column === column ? `WHEN ${i} THEN ${value.sql}` : "";
      })
      .join(" ");
  const valueOf = (column: string, otherwise: string) =>
    `CASE q.i ${arms(column)} ELSE ${otherwise} END`;
  const questionIds = version.questions.map((q) => q.id);
  // One transaction on one connection, with the foreign-key triggers off for it
  // (session_replication_role, the bulk-load switch; the bench's database user is a superuser):
  // the generated rows refer only to the version, questions and responses just written, so the
  // per-row reference checks would find nothing and only cost time.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      for (let from = 1; from <= n; from += seedBatch) {
        const to = Math.min(n, from + seedBatch - 1);
        await tx.$executeRawUnsafe(
          `INSERT INTO "Response" ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt")
         SELECT ${seedId("g")}, $1, 'COMPLETE', 'en', 'IMPORT', now(), now(), now()
         FROM generate_series($2::int, $3::int) g`,
          version.id,
          from,
          to,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Answer" ("id", "responseId", "questionId", "numberValue", "textValue", "choices")
         SELECT ${seedId("g")} || '-' || lpad(q.i::text, 2, '0'), ${seedId("g")}, q.id,
           ${valueOf("numberValue", "NULL")}, ${valueOf("textValue", "NULL")},
           ${valueOf("choices", "'{}'::text[]")}
         FROM generate_series($1::int, $2::int) g
         CROSS JOIN (SELECT id, (n - 1)::int AS i FROM unnest($3::text[]) WITH ORDINALITY AS u(id, n)) q
         ORDER BY g, q.i`,
          from,
          to,
          questionIds,
        );
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
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
    const readSeconds: Record<string, number> = {};
    for (const pageSize of options.readPages) {
      const started = performance.now();
      const versionIds = [version.id];
      const input = await loadAnalysisInput(
        db,
        { surveyId: survey.id, versionIds, includePartial: false },
        { pageSize },
      );
      readSeconds[pageSize] = round((performance.now() - started) / 1000, 2);
      log(
        `${engine}: read ${input.responses.length} responses, page ${pageSize}: ${readSeconds[pageSize]} s`,
      );
    }

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
    // The run's phases as the row shows them (load until the respondent count is written, the
    // worker's phases, "stored" once the result is saved and the journey fill runs), each with the
    // seconds since the start and the other requests' latency since the previous line, so a run
    // that never ends still yields figures.
    const phases: { phase: string; atSeconds: number }[] = [];
    let lastPhase = "";
    let seenSubmits = 0;
    let seenPolls = 0;
    const progress = setInterval(() => {
      void db.analysisRun
        .findUnique({
          where: { id: runId },
          select: { phase: true, progress: true, respondentCount: true, status: true },
        })
        .then((r) => {
          if (!r) return;
          const name =
            r.status === "SUCCEEDED"
              ? "stored; journey fill"
              : r.phase === "load" && r.respondentCount === null
                ? "load answers"
                : (r.phase ?? "?");
          const at = round((performance.now() - t0) / 1000);
          if (name !== lastPhase) phases.push({ phase: name, atSeconds: at });
          const recent = latencySummary([...submits.slice(seenSubmits), ...polls.slice(seenPolls)]);
          [seenSubmits, seenPolls] = [submits.length, polls.length];
          log(
            `${engine}: ${at} s ${name} ${r.progress}% | others since last: n=${recent.requests} p50=${recent.p50} p99=${recent.p99} max=${recent.max} ms | load ${loadavg()[0]?.toFixed(2)}`,
          );
          lastPhase = name;
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
      ...(options.readPages.length > 0 ? { answerReadSeconds: readSeconds } : {}),
      analysisSeconds: round(analysisSeconds),
      phases,
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
