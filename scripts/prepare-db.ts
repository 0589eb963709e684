// Prepares the database before the server opens it: applies committed migrations, creates the
// session secret if needed, seeds the demo workspace on first start, prints the demo sign-ins.
// Runs in its own process and closes the database, because PGlite allows one process at a time.
import { ensureAuthSecret } from "~/server/auth/secret";
import { failInterruptedRuns } from "~/server/services/analysis-runs";
import { openDatabase } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { demoPassword, demoUsers, seedDemo } from "~/server/db/seed";
import { describeTarget, resolveDatabaseTarget } from "~/server/db/target";

async function main() {
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
    const interrupted = await failInterruptedRuns(db.prisma);
    if (interrupted > 0)
      console.log(`Marked ${interrupted} interrupted analysis run(s) as failed.`);
    if (process.env.SEED_DEMO !== "false") {
      const { created } = await seedDemo(db.prisma);
      console.log(created ? "Seeded the demo workspace." : "Demo workspace already present.");
      printDemoSignIns();
    }
  } finally {
    await db.close();
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
