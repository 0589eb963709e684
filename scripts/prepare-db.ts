// Prepares the database before the server opens it: applies committed migrations, creates the
// session secret if needed, seeds the demo workspace on first start (embedded database only,
// unless SEED_DEMO=true; see deployment-defaults.ts), prints the demo sign-ins.
// Runs in its own process and closes the database, because PGlite allows one process at a time.
import { ensureAuthSecret } from "~/server/features/accounts/secret";
import { runDemoAnalysis } from "~/server/features/demo/demo-analysis";
import { openDatabase } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { shouldSeedDemo } from "~/server/db/deployment-defaults";
import { demoPassword, demoUsers, seedDemo } from "~/server/features/demo/seed";
import { describeTarget, resolveDatabaseTarget } from "~/server/db/target";
import { checkConfigAtBoot } from "~/server/infra/config";

async function main() {
  const settings = checkConfigAtBoot();
  const target = resolveDatabaseTarget();
  console.log(`Database: ${describeTarget(target)}`);
  ensureAuthSecret();
  const db = await openDatabase(target);
  try {
    const applied = await applyMigrations(db.adapterFactory);
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
        : "Database schema is up to date.",
    );
    if (shouldSeedDemo()) {
      const { created } = await seedDemo(db.prisma);
      console.log(created ? "Seeded the demo workspace." : "Demo workspace already present.");
      if (created && settings.seedDemoAnalysis) await seedDemoAnalysis(db.prisma);
      printDemoSignIns();
    } else if (target.kind === "postgres" && settings.seedDemo === undefined) {
      console.log("No demo workspace on a PostgreSQL server (set SEED_DEMO=true to add one).");
    }
  } finally {
    await db.close();
  }
}

async function seedDemoAnalysis(prisma: Parameters<typeof runDemoAnalysis>[0]) {
  console.log("Running the persona analysis on the demo survey...");
  const started = Date.now();
  try {
    const run = await runDemoAnalysis(prisma);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      run?.status === "SUCCEEDED"
        ? `Demo analysis finished in ${seconds} s.`
        : "The demo analysis did not finish; start one from Personas in the app.",
    );
  } catch (error) {
    console.warn(
      "The demo analysis failed; start one from Personas in the app:",
      error instanceof Error ? error.message : error,
    );
  }
}

function printDemoSignIns() {
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  console.log("\nDemo sign-ins (password for all: " + demoPassword + ")");
  for (const user of demoUsers) {
    console.log(`  ${user.role.toLowerCase().padEnd(10)} ${user.email.padEnd(width)}`);
  }
  console.log("");
}

main().catch((error: unknown) => {
  console.error(
    "\nCould not prepare the database:",
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
