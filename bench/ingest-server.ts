// The server side of bench/ingest.ts, run as a child process: opens a fresh database (PGlite
// in BENCH_PGLITE_DIR, or PostgreSQL at BENCH_POSTGRES_URL), migrates it, creates a workspace,
// a published survey and an API key through the real services, and serves the real submit
// handlers (the functions the app's route files call) on node:http. Prints one JSON line
// { port, surveyId, slug, key } on stdout when ready; SIGTERM closes the database and exits.
// POST /floor parses the body and answers 200, storing nothing (the HTTP floor).
// POST /bare-loop?seconds=&clients= runs the baseline (ingest-bare.ts) in this process, through
// a pg pool of the app's size or the PGlite instance, and answers with its figures.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Db } from "~/server/db/client";
import { openDatabase } from "~/server/db/client";
import { registerDirectSql } from "~/server/db/direct-sql";
import { pglitePreparedSql } from "~/server/db/pglite-prepared-sql";
import { PrismaClient } from "~/server/db/generated/client";
import { applyMigrations } from "~/server/db/migrate";
import { STAMPED_ENV, stampClientAddress } from "~/server/infra/client-address";
import { handlePublicSubmit } from "~/server/http/public-submit";
import { RequestLimiter } from "~/server/http/rate-limit";
import { handleSubmitResponse } from "~/server/http/v1/responses";
import { createApiKey } from "~/server/features/api-keys/api-keys";
import { bareLoop, type Exec } from "./ingest-bare";
import { publishBenchSurvey } from "./ingest-fixture";

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
    // As openDatabase does: the hot paths' statements go straight to PGlite, not through Prisma.
    registerDirectSql(prisma, pglitePreparedSql(pglite));
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
        } else if (req.method === "POST" && url.pathname === "/floor") {
          // The transport alone: the same conversion and body parsing, then 200.
          const request = await toRequest(req);
          await request.json();
          await send(res, Response.json({ ok: true }));
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
