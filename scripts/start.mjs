// `npm start`: build when the sources changed since the last build, prepare the database
// (migrate, seed once), then serve on PORT (default 3000).
// Who runs background jobs: on the embedded database the web server itself (PGlite is one
// process). On PostgreSQL (DATABASE_URL), unless WORKER says otherwise, a worker process of its
// own next to the web server (the web server runs with WORKER=off): loading a large survey's
// answers and storing its result then never share an event loop with requests, and the worker
// runs at a lower CPU priority (WORKER_NICE). It is started again if it stops. WORKER=on keeps the
// jobs inside the web process, WORKER=off runs the web server alone.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout } from "node:timers";

const port = process.env.PORT ?? "3000";
const sourceRoots = ["app", "server", "prisma", "public", "next.config.js", "package.json"];
const skip = new Set(["node_modules", ".next", "generated"]);

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (!skip.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(
      `\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

const buildId = path.join(".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const workerBundle = path.join("dist", "worker.mjs");
if (builtAt < Math.max(...sourceRoots.map(newestMtime)) || !existsSync(workerBundle)) {
  console.log("Building Persona Atlas (first start or changed sources)…");
  run("npm", ["run", "build"]);
} else {
  console.log("Build is up to date.");
}

const env = {
  ...process.env,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
run("npx", ["tsx", "scripts/prepare-db.ts"], env);

const separateWorker = Boolean(process.env.DATABASE_URL?.trim()) && !process.env.WORKER?.trim();

console.log(`Starting Persona Atlas on http://localhost:${port}`);
// scripts/serve.ts rather than `next start`: it reads the client's address from the socket.
// Node itself (with tsx's loader) rather than `npx tsx`: a stop signal reaches the server directly.
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...env, PORT: port, ...(separateWorker ? { WORKER: "off" } : {}) },
});

let stopping = false;
let worker = null;
function startWorker() {
  worker = spawn(process.execPath, [workerBundle], {
    stdio: "inherit",
    env: { ...env, PORT: port },
  });
  worker.on("exit", (code, signal) => {
    worker = null;
    if (stopping) return;
    console.error(`The worker stopped (${signal ?? `exit ${code}`}); starting it again in 5 s.`);
    setTimeout(() => {
      if (!stopping) startWorker();
    }, 5000).unref();
  });
}
if (separateWorker) startWorker();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
    worker?.kill(signal);
  });
}
server.on("exit", (code) => {
  stopping = true;
  worker?.kill("SIGTERM");
  process.exit(code ?? 0);
});
