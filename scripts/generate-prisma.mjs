// Generates the Prisma client into server/db/generated without Prisma's downloaded engine binary.
// The prisma-client generator is TypeScript + WASM; the CLI only insists that *some* schema
// engine executable exists, so we point it at /bin/true (see ../shared/notes).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const fakeEngine = existsSync("/bin/true") ? "/bin/true" : "/usr/bin/true";
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fakeEngine,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
