// A throwaway PostgreSQL server for benchmarks, started the way scripts/test.mjs starts the one
// for the pg test phase (fresh initdb in a temp dir, free port, as the `postgres` user when run
// as root, removed afterwards). Unlike the test server it keeps PostgreSQL's default durability
// (fsync, synchronous_commit): a benchmark should measure what a real server does.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface ThrowawayPostgres {
  url: string;
  version: string;
  stop(): void;
}

/** The newest /usr/lib/postgresql/<version>/bin with initdb, pg_ctl and postgres. */
export function postgresBinDir(): string | null {
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
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [command, args];
  const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find(existsSync);
  if (runuser) return [runuser, ["-u", "postgres", "--", command, ...args]];
  return ["su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(quote).join(" ")]];
}

function run(command: string, args: string[], cwd: string): void {
  const [cmd, argv] = asPostgresUser(command, args);
  const result = spawnSync(cmd, argv, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C" },
  });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (Debian package "postgresql").');
  const tmp = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-bench-pg-"));
  const dataDir = path.join(tmp, "data");
  let started = false;
  const stop = () => {
    if (started) {
      const [cmd, args] = asPostgresUser(path.join(bin, "pg_ctl"), [
        "-D",
        dataDir,
        "-m",
        "fast",
        "-w",
        "stop",
      ]);
      spawnSync(cmd, args, { cwd: tmp, stdio: "ignore" });
      started = false;
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    if (isRoot()) {
      const ids = spawnSync("id", ["postgres"], { encoding: "utf8" }).stdout ?? "";
      const uid = Number(/uid=(\d+)/.exec(ids)?.[1]);
      const gid = Number(/gid=(\d+)/.exec(ids)?.[1]);
      if (!uid || !gid) throw new Error('Running as root, but there is no "postgres" OS user.');
      chownSync(tmp, uid, gid);
    }
    const port = await freePort();
    run(
      path.join(bin, "initdb"),
      ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"],
      tmp,
    );
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-p ${port}`,
      `-k ${quote(tmp)}`,
      "-c max_connections=200",
    ].join(" ");
    started = true;
    run(
      path.join(bin, "pg_ctl"),
      ["-D", dataDir, "-l", path.join(tmp, "postgres.log"), "-w", "-o", options, "start"],
      tmp,
    );
    for (let i = 0; i < 120; i += 1) {
      const ready = spawnSync(path.join(bin, "pg_isready"), [
        "-q",
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
      ]);
      if (ready.status === 0) break;
      await sleep(250);
    }
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
