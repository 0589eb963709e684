#!/usr/bin/env node
// Keeps package-lock.json acceptable to `npm ci` on this registry. The registry the project's
// machines reach serves only the Linux builds of platform-specific packages (for example
// @next/swc-darwin-arm64 answers 404), so `npm install` leaves them out of the lock file and
// `npm ci` then refuses the lock as out of sync. This script adds an entry for every missing
// optional platform package (version from the parent's exact spec, os/cpu from its name); npm
// skips such entries on Linux without fetching them.
//   node scripts/lock-platforms.mjs          add the missing entries (run after npm install)
//   node scripts/lock-platforms.mjs --check  exit 1 and name them if any are missing
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const osNames = ["darwin", "win32", "linux", "freebsd", "android", "openbsd", "sunos", "aix"];
const cpuNames = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "wasm32"];
const platformOf = (name) => {
  const parts = name.split("/").pop().split("-");
  const os = osNames.find((o) => parts.includes(o));
  const cpu = cpuNames.find((c) => parts.includes(c));
  return os && cpu ? { os, cpu } : null;
};

const missing = [];
for (const [key, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ""}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    missing.push({
      key: `node_modules/${dep}`,
      version: spec,
      ...platform,
      engines: entry.engines,
    });
  }
}

if (process.argv.includes("--check")) {
  if (missing.length > 0) {
    console.error(
      `package-lock.json lacks ${missing.map((m) => m.key.slice(13)).join(", ")}; ` +
        "npm ci will refuse it. Run: node scripts/lock-platforms.mjs",
    );
    process.exit(1);
  }
  process.exit(0);
}

for (const m of missing) {
  packages[m.key] = { version: m.version, cpu: [m.cpu], optional: true, os: [m.os] };
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, JSON.stringify({ ...lock, packages: sorted }, null, 2) + "\n");
console.log(missing.length ? `Added ${missing.map((m) => m.key).join(", ")}` : "Nothing missing.");
