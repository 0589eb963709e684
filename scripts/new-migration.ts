// `npm run db:migration -- <name>`: writes the next migration,
// prisma/migrations/<yyyymmddhhmmss>_<snake_name>/migration.sql, with the SQL that takes the
// committed migrations to the current prisma/schema.prisma (what `prisma migrate dev
// --create-only` would write, without its native engine). Review the file, then apply it with
// `npm run db:migrate`. Runs on throwaway in-memory databases only; no database is touched.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  DEFAULT_LOCKFILE,
  DEFAULT_MIGRATIONS_DIR,
  LOCKFILE_NAME,
  diffSchemaAgainstMigrations,
  readMigrations,
} from "../server/db/migrate";

const USAGE = "Usage: npm run db:migration -- <name>   (for example: add_survey_tables)";
// Prisma's own limit for the folder name is the file system's; keep names readable.
const MAX_NAME_LENGTH = 60;

/** "Add survey tables" / "addSurveyTables" / "add-survey-tables" -> "add_survey_tables". */
function toSnakeName(input: string): string {
  return input
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .toLowerCase();
}

function validateName(input: string | undefined): string {
  if (!input?.trim()) throw new Error(`Give the migration a name.\n${USAGE}`);
  const name = toSnakeName(input);
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    throw new Error(
      `"${input}" is not a usable migration name: use letters, digits, spaces, "-" or "_", ` +
        `starting with a letter.\n${USAGE}`,
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new Error(`Keep the migration name under ${MAX_NAME_LENGTH} characters ("${name}").`);
  }
  return name;
}

/** UTC, like Prisma: 20250131235959. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").replace(/\..*$/, "");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (args.length > 1) throw new Error(`Expected one name, got ${args.length}.\n${USAGE}`);
  const name = validateName(args[0]);

  const folder = await readMigrations(DEFAULT_MIGRATIONS_DIR);
  const sql = await diffSchemaAgainstMigrations({ dir: DEFAULT_MIGRATIONS_DIR });
  if (sql === "") {
    console.log(
      "Nothing to do: schema and migrations already match (prisma/schema.prisma has no change " +
        "that the migrations in prisma/migrations do not already make).",
    );
    return;
  }

  const folderName = `${timestamp(new Date())}_${name}`;
  // Migrations apply in folder-name order: a new one must sort after every committed one (a
  // skewed clock, or two migrations made in the same second, would break that).
  const last = folder.migrations.at(-1)?.name;
  if (last && folderName <= last) {
    throw new Error(
      `The new migration ${folderName} would sort before or equal to the latest one, ${last}. ` +
        `Check the system clock, or wait a second and retry.`,
    );
  }

  await mkdir(folder.dir, { recursive: true });
  const lockPath = path.join(folder.dir, LOCKFILE_NAME);
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, DEFAULT_LOCKFILE);
    console.log(`Created ${path.relative(process.cwd(), lockPath)}`);
  }
  const dir = path.join(folder.dir, folderName);
  await mkdir(dir);
  const file = path.join(dir, "migration.sql");
  await writeFile(file, sql);

  // The engine heads each statement with a comment (`-- CreateTable`); show the statements'
  // first lines as a summary.
  const lines = sql.split("\n");
  const statements = lines
    .map((line, i) => (/^-- [A-Z]\w*$/.test(line) ? lines[i + 1]?.trim() : undefined))
    .filter((line): line is string => !!line)
    .map((line) => (line.length > 100 ? `${line.slice(0, 97)}...` : line));
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${statements.length} statements):`);
  for (const statement of statements) console.log(`  ${statement}`);
  console.log("Review it, then apply it with `npm run db:migrate` and commit it with the schema.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
