// Part of `npm run build`: bundles the long-lived worker (scripts/worker.ts) and the analysis child
// process (scripts/analysis-worker.ts) into plain JavaScript in dist/, so that neither compiles
// TypeScript when it starts. Packages from node_modules stay external (imported at run time).
import { build } from "esbuild";

await build({
  entryPoints: {
    worker: "scripts/worker.ts",
    "analysis-worker": "scripts/analysis-worker.ts",
  },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: true,
  logLevel: "warning",
});
console.log("Built the worker: dist/worker.mjs, dist/analysis-worker.mjs");
