// `npm start`: build when the sources changed since the last build, prepare the database
// (migrate, seed once), then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

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
if (builtAt < Math.max(...sourceRoots.map(newestMtime))) {
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

console.log(`Starting Persona Atlas on http://localhost:${port}`);
// scripts/serve.ts rather than `next start`: it reads the client's address from the socket.
const server = spawn("npx", ["tsx", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
