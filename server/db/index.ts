// The process-wide database: opened once (PGlite allows one connection per process) and kept on
// globalThis so that `next dev` reloads reuse it instead of opening the data directory twice.
import { openDatabase, type Db, type OpenDatabase } from "./client";
import { resolveDatabaseTarget } from "./target";

const holder = globalThis as typeof globalThis & { __personaAtlasDb?: Promise<OpenDatabase> };

export function getOpenDatabase(): Promise<OpenDatabase> {
  holder.__personaAtlasDb ??= openDatabase(resolveDatabaseTarget());
  return holder.__personaAtlasDb;
}

export async function getDb(): Promise<Db> {
  return (await getOpenDatabase()).prisma;
}

export type { Db };
