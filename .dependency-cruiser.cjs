// Layer rules from ARCHITECTURE.md, checked by `npm run depcruise` (and by scripts/test.mjs, which
// passes only the folders that exist). Data flows down app -> server/api -> server/services ->
// server/db; server/analysis is pure and imports none of them. Type-only imports count too
// (tsPreCompilationDeps): a layer that needs another layer's types still depends on it.

const FRAMEWORKS = "(next|next-auth|prisma|@prisma/[^/]+)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "This module is part of a circular dependency. Break the cycle: move the shared part " +
        "down a layer or pass it in.",
      from: {},
      to: { circular: true },
    },
    {
      name: "analysis-no-app-layers",
      severity: "error",
      comment:
        "server/analysis is pure (plain data in, plain data out): it must not import the " +
        "database, services, API, auth or app layers.",
      from: { path: "^server/analysis/" },
      to: { path: "^(server/(db|services|api|auth)|app)(/|$)" },
    },
    {
      name: "analysis-no-frameworks",
      severity: "error",
      comment: "server/analysis must not import Next, next-auth or Prisma.",
      from: { path: "^server/analysis/" },
      to: { path: [`^${FRAMEWORKS}(/|$)`, `(^|/)node_modules/${FRAMEWORKS}/`] },
    },
    {
      name: "analysis-no-node-builtins",
      severity: "error",
      comment: "server/analysis does no I/O: no node built-in modules (fs, path, crypto, ...).",
      from: { path: "^server/analysis/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "services-not-to-api-or-app",
      severity: "error",
      comment: "server/services is called by the API and the app, never the other way round.",
      from: { path: "^server/services/" },
      to: { path: "^(server/api|app)(/|$)" },
    },
    {
      name: "db-not-to-upper-layers",
      severity: "error",
      comment: "server/db is the bottom layer: it must not import services, the API or the app.",
      from: { path: "^server/db/" },
      to: { path: "^(server/(services|api)|app)(/|$)" },
    },
    {
      name: "server-not-to-app",
      severity: "error",
      comment: "Nothing under server/ imports from app/ (the app calls the server, not back).",
      from: { path: "^server/" },
      to: { path: "^app(/|$)" },
    },
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
