// The floors of ARCHITECTURE.md, checked by `npm run depcruise` (and by `npm test`). Each rule
// names a floor and what it may not import; together they are the diagram in ARCHITECTURE.md.
// Type-only imports count too (tsPreCompilationDeps): needing another floor's types is a
// dependency on it.

const FRAMEWORKS = "(next|next-auth|prisma|@prisma/[^/]+|react|react-dom|@trpc/[^/]+)";
const OURS = "^(app|server|scripts|bench|test)(/|$)";
/** The domain modules the pure engine may read: plain constants and functions, no schemas. */
const PLAIN_VOCABULARY =
  "^server/domain/(survey/question-vocabulary|survey/scale-points|stage-match)\\.ts$";
/** The settings module: read by every floor, so it imports nothing of ours. */
const CONFIG = "^server/infra/config\\.ts$";

/** A forbidden arrow: files under `from` must not import files under any of `to`. */
const arrow = (name, comment, from, to, extra = {}) => ({
  name,
  severity: "error",
  comment,
  from: { path: from, ...(extra.fromNot ? { pathNot: extra.fromNot } : {}) },
  to: { path: to, ...(extra.toNot ? { pathNot: extra.toNot } : {}), ...(extra.to ?? {}) },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "This module is part of a circular dependency. Break the cycle: move the shared part " +
        "down a floor or pass it in.",
      from: {},
      to: { circular: true },
    },
    // server/domain: the leaf. Zod schemas and rules shared by forms and server; imports nothing of ours.
    arrow(
      "domain-is-a-leaf",
      "server/domain holds rules and schemas shared by forms and server: it imports no other floor.",
      "^server/domain/",
      OURS,
      { toNot: "^server/domain/" },
    ),
    // The domain's plain vocabulary: no schema code, nothing of ours but each other.
    arrow(
      "vocabulary-is-plain",
      "The domain's plain vocabulary (question types and roles, scale points, stage matching) is " +
        "shared with the pure engine: it imports nothing but its own modules, not even zod.",
      PLAIN_VOCABULARY,
      [OURS, "(^|/)node_modules/zod/"],
      { toNot: PLAIN_VOCABULARY },
    ),
    // server/analysis: pure. Plain data in and out.
    arrow(
      "analysis-is-pure",
      "server/analysis is pure (plain data in, plain data out): of our code it imports only " +
        "itself and the domain's plain vocabulary.",
      "^server/analysis/",
      OURS,
      { toNot: ["^server/analysis/", PLAIN_VOCABULARY] },
    ),
    arrow(
      "analysis-no-frameworks",
      "server/analysis must not import Next, React, tRPC, next-auth or Prisma.",
      "^server/analysis/",
      [`^${FRAMEWORKS}(/|$)`, `(^|/)node_modules/${FRAMEWORKS}/`],
    ),
    {
      name: "analysis-no-node-builtins",
      severity: "error",
      comment: "server/analysis does no I/O: no node built-in modules (fs, path, crypto, ...).",
      from: { path: "^server/analysis/" },
      to: { dependencyTypes: ["core"] },
    },
    // server/db: the bottom floor of I/O (client, migrations, direct SQL).
    arrow(
      "db-is-the-bottom",
      "server/db opens the database and runs migrations: of our code it imports only the domain " +
        "and the settings (server/infra/config.ts).",
      "^server/db/",
      "^(app|server/(features|api|http|infra|worker|cli|analysis))(/|$)",
      { toNot: CONFIG },
    ),
    arrow(
      "config-is-a-leaf",
      "server/infra/config.ts is read by every floor, so it imports nothing of ours.",
      CONFIG,
      OURS,
    ),
    // server/infra: shared machinery (jobs, renderer, limits, config, the analysis worker process).
    arrow(
      "infra-not-to-features",
      "server/infra is machinery every feature may use; it never imports a feature, a transport or the app.",
      "^server/infra/",
      "^(app|server/(features|api|http|worker|cli))(/|$)",
    ),
    // server/features: use cases, one folder per feature.
    arrow(
      "features-not-to-transports",
      "A feature is called by transports (tRPC routers, REST handlers, pages, the worker); it never imports the app, the REST layer, the CLI or the worker.",
      "^server/features/",
      "^(app|server/(http|worker|cli))(/|$)",
    ),
    arrow(
      "feature-router-only-from-api",
      "A feature's tRPC router is mounted in server/api/root.ts; nothing else imports it.",
      "^(?!server/api/root\\.ts$)",
      "^server/features/[^/]+/[^/]+-router\\.ts$",
      { fromNot: "^(test|server/features/[^/]+/[^/]+-router\\.ts$)" },
    ),
    // server/cli: the command-line tools work on files, without the app or its database.
    arrow(
      "cli-works-on-files",
      "server/cli reads files and runs the pure engine: it imports no feature, transport, database or infra.",
      "^server/cli/",
      "^(app|server/(features|api|http|worker|db|infra))(/|$)",
    ),
    // server/api: tRPC plumbing and the root router.
    arrow(
      "api-not-to-transports",
      "server/api is the tRPC plumbing: it mounts feature routers and never imports the app, REST or the worker.",
      "^server/api/",
      "^(app|server/(http|worker|cli))(/|$)",
    ),
    // server/http: REST and download edges.
    arrow(
      "http-not-to-trpc-or-app",
      "server/http holds the REST and download edges; they call features, never tRPC or the app.",
      "^server/http/",
      "^(app|server/(api|worker|cli))(/|$)",
    ),
    // app: pages and route handlers. Only the public doors of the server.
    arrow(
      "app-through-public-doors",
      "app/ reaches the server through tRPC (server/api), the REST edges (server/http), the session " +
        "(features/accounts/session), a feature's loader (*-loader.ts) and the domain's schemas; " +
        "never the database, infra or a feature's internals (type-only imports are fine).",
      "^app/",
      "^server/(db|infra|worker|cli|features)(/|$)",
      {
        toNot: "^server/features/([^/]+/[^/]*-loader\\.ts|accounts/(session|options)\\.ts)$",
        to: { dependencyTypesNot: ["type-only"] },
      },
    ),
    arrow(
      "server-not-to-app",
      "Nothing under server/ imports from app/ (the app calls the server, not back).",
      "^server/",
      "^app(/|$)",
    ),
  ],
  options: {
    // The generated Prisma client and installed packages are leaves: not cruised, not followed.
    doNotFollow: { path: ["(^|/)node_modules/", "^server/db/generated(/|$)"] },
    exclude: { path: "(^|/)\\.next/" },
    tsPreCompilationDeps: true,
    detectProcessBuiltinModuleCalls: true,
    // Resolves the `~/` alias from tsconfig.json's `paths`.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
