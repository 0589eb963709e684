// The server side of bench/ingest.ts, run as a child process: opens a fresh database (PGlite
// in BENCH_PGLITE_DIR, or PostgreSQL at BENCH_POSTGRES_URL), migrates it, creates a workspace,
// a published survey and an API key through the real services, and serves the real submit
// handlers (the functions the app's route files call) on node:http. Prints one JSON line
// { port, surveyId, slug, key } on stdout when ready; SIGTERM closes the database and exits.
// POST /bare-loop?seconds=&clients= runs the baseline in this process: that many concurrent
// loops inserting the same rows (a response and its answers, one statement each) straight
// through the driver (a pg pool of the app's size, or the PGlite instance), with no HTTP, no
// validation and no Prisma, and answers with its figures.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Db } from "~/server/db/client";
import { openDatabase } from "~/server/db/client";
import { PrismaClient } from "~/server/db/generated/client";
import { applyMigrations } from "~/server/db/migrate";
import { STAMPED_ENV, stampClientAddress } from "~/server/http/client-address";
import { handlePublicSubmit } from "~/server/http/public-submit";
import { RequestLimiter } from "~/server/http/rate-limit";
import { handleSubmitResponse } from "~/server/http/v1/responses";
import { createApiKey } from "~/server/services/api-keys";
import { answerColumns } from "~/server/services/responses";
import { rowToQuestion } from "~/server/services/survey-rows";
import { completeAnswers, publishBenchSurvey } from "./ingest-fixture";

type Exec = (sql: string, params: unknown[]) => Promise<unknown>;

const bareInsert = `
  WITH r AS (
    INSERT INTO "Response" ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt")
    VALUES ($1, $2, 'COMPLETE', 'en', 'API', now(), now(), now()) RETURNING "id"
  )
  INSERT INTO "Answer" ("id", "responseId", "questionId", "numberValue", "textValue", "choices")
  SELECT gen_random_uuid()::text, r."id", a."questionId", a."numberValue", a."textValue",
    coalesce(a."choices", '{}')
  FROM r, jsonb_to_recordset($3::jsonb)
    AS a("questionId" text, "numberValue" float8, "textValue" text, "choices" text[])`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** The baseline: `clients` loops inserting the rows of fresh complete answers for `seconds`. */
async function bareLoop(db: Db, exec: Exec, surveyId: string, seconds: number, clients: number) {
  const version = await db.surveyVersion.findFirstOrThrow({
    where: { surveyId, publishedAt: { not: null } },
    include: { questions: true },
  });
  const questions = version.questions.map(rowToQuestion);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const answers = completeAnswers();
        const rows = questions
          .filter((q) => answers[q.key] !== undefined)
          .map((q) => ({ questionId: q.id, ...answerColumns(q, answers[q.key]!) }));
        const t0 = performance.now();
        try {
          await exec(bareInsert, [crypto.randomUUID(), version.id, JSON.stringify(rows)]);
        } catch (error) {
          errors += 1;
          if (errors === 1) console.error(error);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ok = latencies.length - errors;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    responses: ok,
    seconds: round(elapsed),
    responsesPerSecond: round(ok / elapsed),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? Number.NaN),
      mean: round(latencies.reduce((sum, x) => sum + x, 0) / Math.max(1, latencies.length)),
    },
    errors,
    errorsByStatus: errors > 0 ? { error: errors } : {},
  };
}

async function setUp(db: Db) {
  const { actor, survey } = await publishBenchSurvey(db, "Ingestion bench");
  const { key } = await createApiKey(db, actor, { name: "Bench" });
  return { surveyId: survey.id, slug: survey.slug, key };
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  // As `npm start` behind one proxy (TRUST_PROXY=1): the address the load generator puts in
  // X-Forwarded-For is the client's, so each simulated respondent has its own limit key.
  stampClientAddress(req, { hops: 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const method = req.method ?? "GET";
  return new Request(`http://127.0.0.1${req.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

async function main(): Promise<void> {
  process.env[STAMPED_ENV] = "1";
  const postgresUrl = process.env.BENCH_POSTGRES_URL;
  const pgliteDir = process.env.BENCH_PGLITE_DIR;
  // PGlite is opened here rather than through openDatabase, so that the baseline can use the
  // very instance the app's Prisma client uses.
  let database: {
    adapterFactory: PrismaPGlite | Awaited<ReturnType<typeof openDatabase>>["adapterFactory"];
    prisma: Db;
    close(): Promise<void>;
  };
  let exec: Exec;
  if (postgresUrl) {
    database = await openDatabase({ kind: "postgres", url: postgresUrl });
    const pool = new pg.Pool({ connectionString: postgresUrl, max: 10 });
    exec = (sql, params) => pool.query(sql, params);
    const close = database.close;
    database.close = async () => {
      await pool.end();
      await close();
    };
  } else {
    const pglite = pgliteDir ? new PGlite(pgliteDir) : new PGlite();
    await pglite.waitReady;
    const adapterFactory = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    database = {
      adapterFactory,
      prisma,
      close: async () => {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
      },
    };
    exec = (sql, params) => pglite.query(sql, params);
  }
  await applyMigrations(database.adapterFactory);
  const db = database.prisma;
  const fixture = await setUp(db);
  // The public endpoint's per-IP limit (30 a minute) and the per-key API limit (1,200 a minute)
  // would refuse a load test from one address with one key.
  const limiter = new RequestLimiter({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 });

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const apiMatch = /^\/api\/v1\/surveys\/([^/]+)\/responses$/.exec(url.pathname);
        const publicMatch = /^\/api\/v1\/public\/surveys\/([^/]+)\/responses$/.exec(url.pathname);
        if (req.method === "POST" && apiMatch?.[1]) {
          await send(
            res,
            await handleSubmitResponse(
              db,
              await toRequest(req),
              { surveyId: apiMatch[1] },
              { keyLimiter: limiter },
            ),
          );
        } else if (req.method === "POST" && publicMatch?.[1]) {
          const request = await toRequest(req);
          await send(
            res,
            await handlePublicSubmit(db, request, { slug: publicMatch[1] }, { limiter }),
          );
        } else if (req.method === "POST" && url.pathname === "/bare-loop") {
          const seconds = Number(url.searchParams.get("seconds") ?? 10);
          const clients = Number(url.searchParams.get("clients") ?? 50);
          await send(
            res,
            Response.json(await bareLoop(db, exec, fixture.surveyId, seconds, clients)),
          );
        } else if (req.method === "GET" && url.pathname === "/stats") {
          const stored = await db.response.count({ where: { status: "COMPLETE" } });
          await send(res, Response.json({ stored }));
        } else {
          await send(res, new Response("not found", { status: 404 }));
        }
      } catch (error) {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void database.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdout.write(`${JSON.stringify({ port, ...fixture })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
