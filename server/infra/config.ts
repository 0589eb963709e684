// The app's settings from the environment, in one place: every variable the web server, the
// worker and the scripts read, with its rule and its default. Two ways in:
// - checkConfigAtBoot() in each process that starts the app (scripts/prepare-db.ts, scripts/serve.ts,
//   scripts/worker.ts) refuses to start on a value that breaks its rule, naming the variable, the
//   rule and the value, so a typo is found at start rather than as a quiet default later.
// - config() everywhere else: the same settings, typed. A value that breaks its rule reads as its
//   default here (a real start has already refused it; tests pass odd values on purpose).
// Settings are read per call, never at module load, because tests change variables between cases;
// the result for process.env is kept until one of our variables changes.
// Left out on purpose: NODE_ENV, NEXT_RUNTIME and NEXT_PHASE (set by Node tooling and Next, which
// inlines them into the proxy and instrumentation bundles), and the benchmarks' own variables.
import { z } from "zod";

/** The variables as a plain record, so tests can pass their own. */
export type Env = Record<string, string | undefined>;

/** Unset and blank mean the same: the default. */
const blankAsUnset = (value: unknown): unknown => {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
};

const setting = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

const formatNumber = (n: number): string => n.toLocaleString("en-US");

function wholeNumber(min: number, max?: number) {
  const rule =
    max === undefined
      ? `a whole number ≥ ${formatNumber(min)}`
      : `a whole number from ${formatNumber(min)} to ${formatNumber(max)}`;
  return z
    .string()
    .regex(/^\d+$/, rule)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, rule)
        .max(max ?? Number.MAX_SAFE_INTEGER, rule),
    );
}

const secondsRule = "a number of seconds above 0";
const positiveSeconds = z
  .string()
  .transform(Number)
  .pipe(z.number({ error: secondsRule }).positive(secondsRule).finite(secondsRule));

function oneOf<const T extends readonly string[]>(words: T, rule: string) {
  return z
    .string()
    .transform((word) => word.toLowerCase())
    .pipe(z.enum(words, rule));
}

const trueOrFalse = oneOf(["true", "false"], "true or false").transform((word) => word === "true");

const address = (pattern: RegExp, rule: string) => z.string().regex(pattern, rule);
const webAddress = address(/^https?:\/\/[^/\s]+/, "an http:// or https:// address");

/** Every variable we read, each with its rule. */
export const ZEnv = z.object({
  // Database and data directory (server/db/target.ts, deployment-defaults.ts).
  DATABASE_URL: setting(
    address(
      /^postgres(ql)?:\/\//,
      "a postgresql:// address (unset it to use the embedded database)",
    ),
  ),
  PGLITE_DIR: setting(z.string()),
  PERSONA_ATLAS_DATA: setting(z.string()),
  SEED_DEMO: setting(trueOrFalse),
  SEED_DEMO_ANALYSIS: setting(trueOrFalse),
  PRISMA_SCHEMA_ENGINE_LOG: setting(z.string()),
  // Web server (scripts/serve.ts, server/http, server/features/accounts).
  HOST: setting(z.string()),
  PORT: setting(wholeNumber(1, 65_535)),
  TRUST_PROXY: setting(z.string()),
  PERSONA_ATLAS_STAMPS_CLIENT_ADDRESS: setting(z.string()),
  NEXTAUTH_URL: setting(webAddress),
  NEXTAUTH_SECRET: setting(z.string()),
  BCRYPT_COST: setting(wholeNumber(4, 15)),
  API_RATE_LIMIT_PER_MINUTE: setting(wholeNumber(1, 1_000_000)),
  // Background work (server/infra/jobs, server/worker, server/features).
  WORKER: setting(oneOf(["on", "off"], "on or off")),
  WORKER_CONCURRENCY: setting(wholeNumber(1, 64)),
  WORKER_NICE: setting(wholeNumber(0, 19)),
  JOBS_HEARTBEAT_SECONDS: setting(positiveSeconds),
  JOBS_SUPERVISE_SECONDS: setting(positiveSeconds),
  JOBS_POLL_SECONDS: setting(positiveSeconds),
  JOURNEY_MIN_CELL_N: setting(wholeNumber(2, 10_000)),
  // Page rendering for PDF and PNG exports (server/infra/render/page-render.ts, render-queue.ts).
  PERSONA_ATLAS_CHROMIUM: setting(z.string()),
  PERSONA_ATLAS_INTERNAL_URL: setting(webAddress),
  PERSONA_ATLAS_RENDER_QUEUE: setting(wholeNumber(0)),
});

/**
 * Addresses are used as given even when they break their rule outside a boot check: a wrong
 * DATABASE_URL must stop the database from opening (server/db/target.ts says why), never fall
 * back to the embedded database.
 */
const usedAsGiven = new Set<string>(["DATABASE_URL", "NEXTAUTH_URL", "PERSONA_ATLAS_INTERNAL_URL"]);

type TEnvValues = z.output<typeof ZEnv>;
const envKeys = Object.keys(ZEnv.shape) as (keyof TEnvValues)[];

/** The settings as the code uses them, defaults applied. */
export interface TConfig {
  databaseUrl: string | undefined;
  pgliteDir: string | undefined;
  /** The data directory as given (default .data), resolved by server/db/target.ts. */
  dataDir: string;
  /** undefined: the installation's default (deployment-defaults.ts). */
  seedDemo: boolean | undefined;
  seedDemoAnalysis: boolean;
  schemaEngineLog: boolean;
  host: string | undefined;
  port: number;
  trustProxy: string | undefined;
  /** Set by scripts/serve.ts for its own process: the client address header is ours. */
  stampsClientAddress: boolean;
  nextAuthSecret: string | undefined;
  bcryptCost: number;
  apiRequestsPerMinute: number;
  workerEnabled: boolean;
  workerConcurrency: number;
  /** Scheduling niceness of background work (worker processes, analysis children): 0 to 19. */
  workerNice: number;
  jobsHeartbeatSeconds: number | undefined;
  jobsSuperviseSeconds: number | undefined;
  jobsPollSeconds: number | undefined;
  /** undefined: the journey fill's own default. */
  journeyMinCellN: number | undefined;
  chromiumPath: string;
  internalUrl: string | undefined;
  renderQueueLength: number;
}

function withDefaults(values: TEnvValues): TConfig {
  return {
    databaseUrl: values.DATABASE_URL,
    pgliteDir: values.PGLITE_DIR,
    dataDir: values.PERSONA_ATLAS_DATA ?? ".data",
    seedDemo: values.SEED_DEMO,
    seedDemoAnalysis: values.SEED_DEMO_ANALYSIS ?? true,
    schemaEngineLog: values.PRISMA_SCHEMA_ENGINE_LOG !== undefined,
    host: values.HOST,
    port: values.PORT ?? 3000,
    trustProxy: values.TRUST_PROXY,
    stampsClientAddress: values.PERSONA_ATLAS_STAMPS_CLIENT_ADDRESS === "1",
    nextAuthSecret: values.NEXTAUTH_SECRET,
    bcryptCost: values.BCRYPT_COST ?? 11,
    apiRequestsPerMinute: values.API_RATE_LIMIT_PER_MINUTE ?? 1200,
    workerEnabled: values.WORKER !== "off",
    workerConcurrency: values.WORKER_CONCURRENCY ?? 1,
    workerNice: values.WORKER_NICE ?? 10,
    jobsHeartbeatSeconds: values.JOBS_HEARTBEAT_SECONDS,
    jobsSuperviseSeconds: values.JOBS_SUPERVISE_SECONDS,
    jobsPollSeconds: values.JOBS_POLL_SECONDS,
    journeyMinCellN: values.JOURNEY_MIN_CELL_N,
    chromiumPath: values.PERSONA_ATLAS_CHROMIUM ?? "/usr/bin/chromium",
    internalUrl: values.PERSONA_ATLAS_INTERNAL_URL,
    renderQueueLength: values.PERSONA_ATLAS_RENDER_QUEUE ?? 6,
  };
}

/** Each variable on its own: one that breaks its rule reads as unset, so its default applies. */
function readLeniently(env: Env): TConfig {
  const values: Record<string, unknown> = {};
  for (const key of envKeys) {
    const parsed = ZEnv.shape[key].safeParse(env[key]);
    if (parsed.success) values[key] = parsed.data;
    else values[key] = usedAsGiven.has(key) ? blankAsUnset(env[key]) : undefined;
  }
  return withDefaults(values as TEnvValues);
}

let cached: { fingerprint: string; config: TConfig } | undefined;

/** The settings from `env` (default: this process's environment). */
export function config(env: Env = process.env): TConfig {
  if (env !== process.env) return readLeniently(env);
  // Tests change process.env between cases: read again whenever one of our variables changed.
  const fingerprint = JSON.stringify(envKeys.map((key) => env[key] ?? null));
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, config: readLeniently(env) };
  return cached.config;
}

/** One line per variable that breaks its rule, e.g. "PORT must be a whole number …; got 'x'". */
export function configProblems(env: Env = process.env): string[] {
  const parsed = ZEnv.safeParse(Object.fromEntries(envKeys.map((key) => [key, env[key]])));
  if (parsed.success) return [];
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    return `${key} must be ${issue.message}; got '${env[key] ?? ""}'`;
  });
  return [...new Set(lines)];
}

/** At a process's start: prints every bad setting and exits, or returns the settings. */
export function checkConfigAtBoot(env: Env = process.env): TConfig {
  const problems = configProblems(env);
  if (problems.length > 0) {
    console.error(
      "Persona Atlas cannot start: fix these environment variables.\n" +
        problems.map((line) => `  ${line}`).join("\n"),
    );
    process.exit(1);
  }
  return config(env);
}
