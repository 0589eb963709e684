// A throwaway PostgreSQL server: a fresh initdb in a temp folder, a free port on 127.0.0.1,
// sockets kept inside that folder, run as the `postgres` OS user when we are root (initdb and
// postgres refuse root), stopped and deleted by stop(). Used by the test runner's `pg` suite
// (scripts/test/postgres.mjs, durability off for speed) and by the benchmarks and the scale-out
// test (bench/throwaway-postgres.ts, PostgreSQL's default durability: a benchmark should measure
// what a real server does). Plain Node so both the .mjs runner and TypeScript can import it.
import { spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** The newest /usr/lib/postgresql/<version>/bin with initdb, pg_ctl and postgres, or null. */
export function postgresBinDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) =>
      ["initdb", "pg_ctl", "postgres"].every((b) => existsSync(path.join(base, v, "bin", b))),
    )
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? path.join(base, versions[0], "bin") : null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const shellQuote = (word) => `'${word.replace(/'/g, `'\\''`)}'`;

function asPostgresUser(command, args) {
  if (!isRoot()) return [command, args];
  const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find(existsSync);
  if (runuser) return [runuser, ["-u", "postgres", "--", command, ...args]];
  return ["su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(shellQuote).join(" ")]];
}

/** The default way to run initdb and pg_ctl: quietly, printing their output only when they fail. */
function runQuietly(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => {
      output += error.message;
      resolve(127);
    });
    child.on("close", (code) => {
      if (code !== 0) process.stderr.write(output);
      resolve(code ?? 1);
    });
  });
}

/** A TCP port free on 127.0.0.1 right now (the test harness starts its app servers on one too). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUserIds(fail) {
  const result = spawnSync("id", ["postgres"], { encoding: "utf8" });
  const uid = /uid=(\d+)/.exec(result.stdout ?? "")?.[1];
  const gid = /gid=(\d+)/.exec(result.stdout ?? "")?.[1];
  if (result.status !== 0 || !uid || !gid) {
    throw fail(
      'running as root, but there is no "postgres" OS user to run the PostgreSQL server as ' +
        '(it comes with the Debian package "postgresql").',
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function acceptsConnections(bin, port) {
  const pgIsReady = path.join(bin, "pg_isready");
  if (existsSync(pgIsReady)) {
    const args = ["-q", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres"];
    return spawnSync(pgIsReady, [...args, "-t", "2"], { stdio: "ignore" }).status === 0;
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

async function waitForPostgres(bin, port, fail, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await acceptsConnections(bin, port)) return;
    await sleep(250);
  }
  throw fail(
    `PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s`,
  );
}

/**
 * Starts a fresh server. `durable: false` turns fsync, synchronous commit and full-page writes
 * off (tests); `run` runs initdb and pg_ctl and resolves to their exit code; `fail` makes the
 * error thrown for a message; `onStopReady` receives stop() before anything starts, so a caller
 * can clean up after an interrupted start. stop() may be called more than once and says whether
 * pg_ctl stopped a running server.
 */
export async function startThrowawayPostgres({
  durable,
  tmpPrefix = "persona-atlas-pg-",
  run = runQuietly,
  fail = (message) => new Error(message),
  env = process.env,
  onStopReady = () => {},
}) {
  const bin = postgresBinDir();
  if (!bin) throw fail('PostgreSQL server binaries not found (Debian package "postgresql")');
  const tmp = mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const dataDir = path.join(tmp, "data");
  const logFile = path.join(tmp, "postgres.log");
  let mayBeRunning = false;
  const stop = () => {
    let stopped = false;
    if (mayBeRunning) {
      const [cmd, args] = asPostgresUser(path.join(bin, "pg_ctl"), [
        ...["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"],
      ]);
      stopped = spawnSync(cmd, args, { cwd: tmp, stdio: "ignore" }).status === 0;
      mayBeRunning = false;
    }
    rmSync(tmp, { recursive: true, force: true });
    return stopped;
  };
  onStopReady(stop);
  try {
    if (isRoot()) {
      const { uid, gid } = postgresUserIds(fail);
      chownSync(tmp, uid, gid);
    }
    const port = await freePort();
    const toolEnv = { ...env, LC_ALL: "C" };
    const initdbArgs = [
      "-D",
      dataDir,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--no-locale",
    ];
    const [initdb, initdbArgv] = asPostgresUser(path.join(bin, "initdb"), [
      ...initdbArgs,
      ...(durable ? [] : ["--no-sync"]),
    ]);
    const initCode = await run(initdb, initdbArgv, { cwd: tmp, env: toolEnv });
    if (initCode !== 0) throw fail(`initdb failed (exit code ${initCode})`);
    const serverOptions = [
      "-c listen_addresses=127.0.0.1",
      `-p ${port}`,
      `-k ${shellQuote(tmp)}`,
      ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
      "-c max_connections=200",
    ].join(" ");
    const [pgCtl, pgCtlArgv] = asPostgresUser(path.join(bin, "pg_ctl"), [
      ...["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", serverOptions, "start"],
    ]);
    mayBeRunning = true;
    const startCode = await run(pgCtl, pgCtlArgv, { cwd: tmp, env: toolEnv });
    if (startCode !== 0) {
      throw fail(
        `PostgreSQL did not start (pg_ctl exit code ${startCode}). Server log:\n${tail(logFile)}`,
      );
    }
    await waitForPostgres(bin, port, fail);
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      version: path.basename(path.dirname(bin)),
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
