// `npm run db:migrate`: applies the committed migrations in prisma/migrations to the configured
// database (DATABASE_URL for PostgreSQL, otherwise the embedded PGlite in PGLITE_DIR; see
// server/db/target.ts), like `prisma migrate deploy`, and prints what it applied.
// `npm run db:migrate -- --rolled-back <name>` first marks a failed migration as rolled back
// (like `prisma migrate resolve --rolled-back`), so that it is retried after you fixed it.
import { openDatabase } from "../server/db/client";
import { applyMigrations, markMigrationRolledBack } from "../server/db/migrate";
import { describeTarget, resolveDatabaseTarget } from "../server/db/target";

const USAGE = "Usage: npm run db:migrate [-- --rolled-back <migration name>]";

function parseArgs(argv: string[]): { rolledBack?: string } {
  const args = argv.filter((arg) => arg !== "--");
  if (args.length === 0) return {};
  if (args[0] === "--rolled-back" && args.length === 2 && args[1]) return { rolledBack: args[1] };
  throw new Error(USAGE);
}

async function main(): Promise<void> {
  const { rolledBack } = parseArgs(process.argv.slice(2));
  const target = resolveDatabaseTarget();
  console.log(`Migrating ${describeTarget(target)}`);
  const db = await openDatabase(target);
  try {
    if (rolledBack) {
      await markMigrationRolledBack(db.adapterFactory, rolledBack);
      console.log(`Marked ${rolledBack} as rolled back; applying it again.`);
    }
    const started = performance.now();
    const applied = await applyMigrations(db.adapterFactory);
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0) {
      console.log(`Database is up to date; no migration to apply (${ms} ms).`);
    } else {
      console.log(
        `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"} (${ms} ms):`,
      );
      for (const name of applied) console.log(`  ${name}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
