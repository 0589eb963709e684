// CPU time per saved response for bench/ingest.ts: throughput wanders with the machine's load,
// CPU seconds per save hardly do, so the bench reports both. Read from /proc (Linux): a
// process's user + system time, and for PostgreSQL the postmaster's whole tree (the live
// backends and helpers, plus the children it has already reaped, which the kernel adds to the
// postmaster's cutime/cstime). Elsewhere the readings are null and the bench prints "n/a".
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;
const msPerTick = () => {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return 1000 / ticksPerSecond;
};

interface ProcStat {
  ppid: number;
  /** utime + stime, in ticks. */
  own: number;
  /** cutime + cstime: children already waited for, in ticks. */
  reaped: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const field = (n: number) => Number(fields[n - 3]);
    return { ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
  } catch {
    return null;
  }
}

/** CPU milliseconds the process has used so far, or null when /proc cannot tell. */
export function processCpuMs(pid: number | undefined): number | null {
  const stat = pid === undefined ? null : procStat(pid);
  return stat ? stat.own * msPerTick() : null;
}

/** CPU milliseconds of a process and all its children, live or reaped (PostgreSQL's tree). */
export function treeCpuMs(rootPid: number | null): number | null {
  const root = rootPid === null ? null : procStat(rootPid);
  if (!root || rootPid === null) return null;
  let ticks = root.own + root.reaped;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(Number(entry));
    if (child?.ppid === rootPid) ticks += child.own;
  }
  return ticks * msPerTick();
}

/** The parent of a PostgreSQL backend is the postmaster; null when not on this machine. */
export function parentPid(pid: number): number | null {
  return procStat(pid)?.ppid ?? null;
}

export interface CpuReading {
  server: number | null;
  database: number | null;
  loadGenerator: number;
}

/** Reads the three processes' CPU time now. */
export function readCpu(serverPid: number | undefined, postmasterPid: number | null): CpuReading {
  const self = process.cpuUsage();
  return {
    server: processCpuMs(serverPid),
    database: treeCpuMs(postmasterPid),
    loadGenerator: (self.user + self.system) / 1000,
  };
}

export interface CpuPerSave {
  serverMsPerSave: number | null;
  databaseMsPerSave: number | null;
  loadGeneratorMsPerSave: number | null;
}

const perSave = (before: number | null, after: number | null, saves: number) =>
  before === null || after === null || saves === 0
    ? null
    : Math.round(((after - before) / saves) * 100) / 100;

/** CPU milliseconds per stored response of each process between two readings. */
export function cpuPerSave(before: CpuReading, after: CpuReading, saves: number): CpuPerSave {
  return {
    serverMsPerSave: perSave(before.server, after.server, saves),
    databaseMsPerSave: perSave(before.database, after.database, saves),
    loadGeneratorMsPerSave: perSave(before.loadGenerator, after.loadGenerator, saves),
  };
}
