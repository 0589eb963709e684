// Test projects: unit (pure, fast), services (real SQL on in-memory PGlite, or on PostgreSQL when
// TEST_DATABASE_URL is set), e2e (headless Chromium against the built app). See scripts/test.mjs.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "~": root.replace(/\/$/, "") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["test/analysis/**/*.test.ts", "test/unit/**/*.test.ts"],
          environment: "node",
          // Pure tests share a worker's module cache instead of re-importing everything per file:
          // about a third less CPU. A test that changes process.env or timers restores them.
          isolate: false,
          // Planted-segment tests run k-means many times; on a busy 2-core CI machine one can
          // take longer than vitest's 5 s default without anything being wrong. No test here
          // asserts on time (speed is measured by bench/).
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "services",
          include: ["test/services/**/*.test.ts", "test/api/**/*.test.ts"],
          environment: "node",
          // Real bcrypt, at its lowest cost, so that hashing does not dominate the suite.
          env: { BCRYPT_COST: "4" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          // One prepared database per run, copied for each app (see test/e2e/harness.ts).
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
