// Test runner (scripts/test.mjs), the throwaway PostgreSQL server for the `pg` suite: a fresh
// initdb in a temp folder on a free port, durability off, run as the `postgres` OS user when the
// runner is root, always stopped and deleted afterwards (also on Ctrl-C, through the cleanups);
// and the `pg` suite itself, the services project run against it.
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { baseEnv, cleanups, isRoot, run, shellQuote } from "./processes.mjs";
import { StepFailure, say, timed } from "./report.mjs";
import { PG_PACKAGE, postgresBinDir } from "./system-packages.mjs";
import { vitest } from "./vitest.mjs";

export const PG_TITLE = "Service tests on a throwaway PostgreSQL server (vitest project services)";

function freePort() {
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

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
function asPostgresUser(command, args) {
  if (!isRoot()) return [command, args];
  const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find(existsSync);
  if (runuser) return [runuser, ["-u", "postgres", "--", command, ...args]];
  return ["su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(shellQuote).join(" ")]];
}

function postgresUserIds() {
  const result = spawnSync("id", ["postgres"], { encoding: "utf8" });
  const uid = /uid=(\d+)/.exec(result.stdout ?? "")?.[1];
  const gid = /gid=(\d+)/.exec(result.stdout ?? "")?.[1];
  if (result.status !== 0 || !uid || !gid) {
    throw new StepFailure(
      `running as root, but there is no "postgres" OS user to run the PostgreSQL server as ` +
        `(it comes with the Debian package "${PG_PACKAGE}").`,
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

async function waitForPostgres(bin, port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const pgIsReady = path.join(bin, "pg_isready");
  while (Date.now() < deadline) {
    if (existsSync(pgIsReady)) {
      const r = spawnSync(
        pgIsReady,
        [
          "-q",
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          "postgres",
          "-d",
          "postgres",
          "-t",
          "2",
        ],
        { stdio: "ignore" },
      );
      if (r.status === 0) return;
    } else {
      const ok = await new Promise((resolve) => {
        const socket = net.connect({ host: "127.0.0.1", port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      });
      if (ok) return;
    }
    await sleep(250);
  }
  throw new StepFailure(
    `PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s`,
  );
}

/** Starts a fresh server, calls fn(url), and always stops it and deletes its directory. */
async function withPostgres(fn) {
  const bin = postgresBinDir();
  if (!bin)
    throw new StepFailure(`PostgreSQL server binaries not found (Debian package "${PG_PACKAGE}")`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-pg-"));
  const dataDir = path.join(tmp, "data");
  const logFile = path.join(tmp, "postgres.log");
  let mayBeRunning = false;
  const cleanup = () => {
    if (mayBeRunning) {
      const [cmd, args] = asPostgresUser(path.join(bin, "pg_ctl"), [
        "-D",
        dataDir,
        "-m",
        "fast",
        "-w",
        "-t",
        "30",
        "stop",
      ]);
      const r = spawnSync(cmd, args, { cwd: tmp, stdio: "ignore" });
      if (r.status === 0) say("--- PostgreSQL stopped");
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  try {
    if (isRoot()) {
      const { uid, gid } = postgresUserIds();
      chownSync(tmp, uid, gid);
    }
    const port = await freePort();
    await timed("pg: initdb + start", async () => {
      const [initdb, initdbArgs] = asPostgresUser(path.join(bin, "initdb"), [
        "-D",
        dataDir,
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync",
      ]);
      const initCode = await run(initdb, initdbArgs, { cwd: tmp, env: baseEnv({ LC_ALL: "C" }) });
      if (initCode !== 0) throw new StepFailure(`initdb failed (exit code ${initCode})`);
      // A throwaway server: durability off for speed; sockets stay inside the temp directory.
      const serverOptions = [
        "-c listen_addresses=127.0.0.1",
        `-p ${port}`,
        `-k ${shellQuote(tmp)}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");
      const [pgCtl, pgCtlArgs] = asPostgresUser(path.join(bin, "pg_ctl"), [
        "-D",
        dataDir,
        "-l",
        logFile,
        "-w",
        "-t",
        "60",
        "-o",
        serverOptions,
        "start",
      ]);
      mayBeRunning = true;
      const startCode = await run(pgCtl, pgCtlArgs, { cwd: tmp, env: baseEnv({ LC_ALL: "C" }) });
      if (startCode !== 0) {
        throw new StepFailure(
          `PostgreSQL did not start (pg_ctl exit code ${startCode}). Server log:\n${tail(logFile)}`,
        );
      }
      await waitForPostgres(bin, port);
    });
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    say(`--- PostgreSQL ${path.basename(path.dirname(bin))} ready at ${url}`);
    await fn(url);
  } finally {
    cleanups.delete(cleanup);
    cleanup();
  }
}

/** The `pg` suite. @param {string[]} [extraArgs] more vitest options */
export function runPgSuite(extraArgs = []) {
  return withPostgres((url) =>
    timed("services (PostgreSQL)", () =>
      vitest(
        "services-postgres",
        "services",
        baseEnv({ TEST_DATABASE_URL: url, DATABASE_URL: undefined }),
        extraArgs,
      ),
    ),
  );
}
