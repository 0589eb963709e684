// Types of scripts/throwaway-postgres.mjs for the TypeScript callers (bench, tests).

export interface ThrowawayPostgres {
  url: string;
  /** The PostgreSQL major version, e.g. "15". */
  version: string;
  /** Stops the server and deletes its folder; true when pg_ctl stopped a running server. */
  stop(): boolean;
}

export interface ThrowawayPostgresOptions {
  /** false: fsync, synchronous commit and full-page writes off (fast, for tests). */
  durable: boolean;
  tmpPrefix?: string;
  run?: (
    command: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ) => Promise<number>;
  fail?: (message: string) => Error;
  env?: NodeJS.ProcessEnv;
  onStopReady?: (stop: () => boolean) => void;
}

export function postgresBinDir(): string | null;
export function freePort(): Promise<number>;
export function startThrowawayPostgres(
  options: ThrowawayPostgresOptions,
): Promise<ThrowawayPostgres>;
