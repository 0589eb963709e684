// Ingestion benchmark: 50 concurrent clients submit complete responses (13 questions, fresh
// response id each) for N seconds over real HTTP, on PGlite and on PostgreSQL, to both submit
// endpoints: the REST API's (API key) and the public respondent page's. Prints one JSON document
// on stdout (responses/s, p50/p95/p99 latency, errors, per engine and endpoint, side by side),
// a readable table on stderr. Next to each rate: CPU milliseconds per stored response of the
// server process, the PostgreSQL backends (PGlite runs inside the server) and the load generator
// (ingest-cpu.ts), which wander less with the machine's load than the rates do.
//
// Why an in-process node:http server around the handlers rather than `next start`: the handler
// functions are exactly what the app's route files call (handleSubmitResponse,
// handlePublicSubmit), so this measures the part that differs between engines (validation,
// service, SQL) without needing a production build (minutes on two cores, and .next is shared),
// without Next's routing in the numbers (a constant cost per request, the same on both engines),
// and with a fresh database per engine. The server runs in a child process (bench/ingest-server.ts),
// so clients and server do not share one event loop. Latency is the client's: request sent to
// body read. Each client sends from an address of its own (X-Forwarded-For, trusted as from one
// proxy), as respondents do; the public endpoint's per-IP limit is lifted for the run (a
// respondent does not save hundreds of times a minute), but it is still counted in the database on
// every request, as in production.
//
// Besides the two endpoints: "bare" is the baseline, the same rows inserted by 50 loops straight
// through the driver inside the server process (no HTTP, no validation, no Prisma; see
// ingest-server.ts), and "mixed" is the public endpoint under the respondent page's real
// pattern: every response autosaves two partial pages (with its secret) before the final submit,
// so three requests per stored response; its latency covers all of them. "floor" (not in the
// default list) is the HTTP floor: the public endpoint's requests answered 200 right after the
// body is parsed, with nothing stored; its "per save" figures are per request.
//
//   npm run bench:ingest                          # 50 clients, 10 s each, both engines
//   npx tsx bench/ingest.ts --seconds 20 --clients 50 --engines pglite,postgres \
//       --endpoints api,public --warmup 3
// PostgreSQL: BENCH_DATABASE_URL=postgresql://… uses a fresh database on that server (dropped
// afterwards); otherwise a throwaway local server is started (Debian package postgresql).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { cpuPerSave, parentPid, readCpu, type CpuPerSave } from "./ingest-cpu";
import { load, type Endpoint, type Fixture } from "./ingest-load";
import { round, type LoadResult } from "./ingest-stats";
import { startThrowawayPostgres } from "./throwaway-postgres";

type Engine = "pglite" | "postgres";

interface Options {
  seconds: number;
  warmup: number;
  clients: number;
  engines: Engine[];
  endpoints: Endpoint[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    seconds: 10,
    warmup: 3,
    clients: 50,
    engines: ["pglite", "postgres"],
    endpoints: ["bare", "public", "mixed", "api"],
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--") continue;
    if (!value) throw new Error(`${flag} needs a value`);
    i += 1;
    if (flag === "--seconds") options.seconds = Number(value);
    else if (flag === "--warmup") options.warmup = Number(value);
    else if (flag === "--clients") options.clients = Number(value);
    else if (flag === "--engines") options.engines = value.split(",") as Engine[];
    else if (flag === "--endpoints") options.endpoints = value.split(",") as Endpoint[];
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; fixture: Fixture }> {
  // BENCH_PROFILE_DIR: the server writes a CPU profile (.cpuprofile) there when it stops.
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "bench/ingest-server.ts"], {
    env: { ...process.env, BCRYPT_COST: "4", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const fixture = await new Promise<Fixture>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited early (code ${code})`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as Fixture));
  });
  return { child, fixture };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function storedCount(fixture: Fixture): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${fixture.port}/stats`);
  return ((await response.json()) as { stored: number }).stored;
}

/** The postmaster of the server at `url`, when it runs on this machine (for its CPU time). */
async function postmasterOf(url: string | undefined): Promise<number | null> {
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return rows[0] ? parentPid(rows[0].pid) : null;
  } finally {
    await client.end();
  }
}

async function runEngine(
  engine: Engine,
  options: Options,
  env: Record<string, string>,
): Promise<Record<string, unknown>> {
  const { child, fixture } = await startServer(env);
  try {
    // PGlite runs inside the server process: there, its CPU is the server's.
    const postmaster = await postmasterOf(env.BENCH_POSTGRES_URL);
    const results: Record<string, unknown> = {};
    let accepted = 0;
    // Warm every endpoint first (JIT, Prisma's query plans, PGlite's caches), then measure each:
    // otherwise whichever endpoint runs first pays for the warming.
    for (const endpoint of options.endpoints) {
      process.stderr.write(`${engine} / ${endpoint}: warm-up ${options.warmup} s\n`);
      if (options.warmup > 0) {
        const warm = await load(fixture, endpoint, options.warmup, options.clients);
        if (endpoint !== "floor") accepted += warm.responses;
      }
    }
    for (const endpoint of options.endpoints) {
      process.stderr.write(`${engine} / ${endpoint}: measuring ${options.seconds} s\n`);
      const before = readCpu(child.pid, postmaster);
      const result = await load(fixture, endpoint, options.seconds, options.clients);
      const cpu = cpuPerSave(before, readCpu(child.pid, postmaster), result.responses);
      if (endpoint !== "floor") accepted += result.responses;
      results[endpoint] = { ...result, cpu };
    }
    // Every 200 must be a stored complete response, once: the figures count real ingestion.
    const stored = await storedCount(fixture);
    return {
      ...results,
      storedResponses: stored,
      acceptedResponses: accepted,
      allStored: stored === accepted,
    };
  } finally {
    await stopServer(child);
  }
}

async function withPostgres<T>(fn: (url: string, server: string) => Promise<T>): Promise<T> {
  const external = process.env.BENCH_DATABASE_URL?.trim();
  if (external) {
    const name = `pa_bench_${randomBytes(6).toString("hex")}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(external);
      url.pathname = `/${name}`;
      return await fn(url.toString(), `BENCH_DATABASE_URL (${url.host}), fresh database`);
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  const server = await startThrowawayPostgres();
  const stop = () => server.stop();
  process.once("SIGINT", stop);
  try {
    return await fn(server.url, `throwaway local PostgreSQL ${server.version}, default durability`);
  } finally {
    process.off("SIGINT", stop);
    stop();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const engines: Record<string, unknown> = {};
  const loadBefore = loadavg().map((x) => round(x, 2));
  for (const engine of options.engines) {
    if (engine === "pglite") {
      const dir = mkdtempSync(join(tmpdir(), "persona-atlas-bench-pglite-"));
      try {
        engines.pglite = {
          database: "PGlite on disk (temp dir), one connection",
          ...(await runEngine("pglite", options, { BENCH_PGLITE_DIR: join(dir, "pglite") })),
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      engines.postgres = await withPostgres(async (url, server) => ({
        database: `${server}, pool of 10 connections`,
        ...(await runEngine("postgres", options, { BENCH_POSTGRES_URL: url })),
      }));
    }
  }
  const sideBySide = Object.fromEntries(
    options.endpoints.map((endpoint) => [
      endpoint,
      Object.fromEntries(
        Object.entries(engines).map(([engine, result]) => {
          const r = (result as Record<string, (LoadResult & { cpu: CpuPerSave }) | undefined>)[
            endpoint
          ];
          return [
            engine,
            r && {
              responsesPerSecond: r.responsesPerSecond,
              p50: r.latencyMs.p50,
              p95: r.latencyMs.p95,
              p99: r.latencyMs.p99,
              errors: r.errors,
              ...r.cpu,
            },
          ];
        }),
      ),
    ]),
  );
  // Our public endpoint against the bare driver loop on the same engine.
  const publicVsBare = Object.fromEntries(
    Object.entries(engines).map(([engine, result]) => {
      const r = result as Record<string, LoadResult | undefined>;
      const ours = r.public?.responsesPerSecond;
      const bare = r.bare?.responsesPerSecond;
      return [engine, ours && bare ? round(ours / bare, 2) : null];
    }),
  );
  const report = {
    bench: "ingest",
    publicVsBare,
    clients: options.clients,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
    machine: {
      cpus: cpus().length,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg().map((x) => round(x, 2)),
      node: process.version,
    },
    sideBySide,
    engines,
  };
  console.log(JSON.stringify(report, null, 2));
  const ms = (n: number | null) => (n === null ? "n/a" : String(n));
  for (const [endpoint, rows] of Object.entries(sideBySide)) {
    for (const [engine, r] of Object.entries(rows)) {
      if (!r) continue;
      process.stderr.write(
        `${endpoint.padEnd(7)} ${engine.padEnd(9)} ${String(r.responsesPerSecond).padStart(7)} responses/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}` +
          `  CPU ms/save: server ${ms(r.serverMsPerSave)}, database ${ms(r.databaseMsPerSave)}, load generator ${ms(r.loadGeneratorMsPerSave)}\n`,
      );
    }
  }
  for (const [engine, ratio] of Object.entries(publicVsBare)) {
    process.stderr.write(`public / bare on ${engine}: ${ratio ?? "n/a"}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
