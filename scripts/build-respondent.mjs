// Part of `npm run build`: bundles the public survey page's browser code
// (app/_components/respondent/browser-entry.tsx) and its stylesheet into public/_respondent/,
// with Preact (preact/compat) in place of React, so a respondent's phone downloads one small
// script instead of React and the Next App Router runtime. File names carry a content hash (the
// files are cached for a year) and dist/respondent-assets.json records the names and their
// subresource integrity, which the page's route handler (app/s/[slug]/route.ts) writes out.
// The same components are also bundled for Node (dist/respondent-ssr.mjs), which the route
// handler uses to draw the form as HTML before any script runs.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const outdir = "public/_respondent";
rmSync(outdir, { recursive: true, force: true });
mkdirSync("dist", { recursive: true });

/** Preact stands in for React in both bundles. */
const preactForReact = {
  react: "preact/compat",
  "react-dom": "preact/compat",
  "react-dom/client": "preact/compat/client",
  "react/jsx-runtime": "preact/jsx-runtime",
};

const result = await build({
  entryPoints: {
    form: "app/_components/respondent/browser-entry.tsx",
    style: "app/s/respondent-page.css",
  },
  outdir,
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  platform: "browser",
  format: "iife",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  alias: preactForReact,
  define: { "process.env.NODE_ENV": '"production"' },
  tsconfig: "tsconfig.json",
  metafile: true,
  logLevel: "warning",
});

const integrity = (file) =>
  `sha384-${createHash("sha384").update(readFileSync(file)).digest("base64")}`;
const assets = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const kind = file.endsWith(".js") ? "script" : file.endsWith(".css") ? "style" : null;
  if (!kind) continue;
  assets[kind] = { href: `/_respondent/${path.basename(file)}`, integrity: integrity(file) };
  console.log(`Built the respondent ${kind}: ${file} (${(output.bytes / 1000).toFixed(1)} kB)`);
}
writeFileSync("dist/respondent-assets.json", `${JSON.stringify(assets, null, 2)}\n`);

await build({
  entryPoints: { "respondent-ssr": "app/_components/respondent/server-entry.tsx" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  jsx: "automatic",
  jsxImportSource: "preact",
  alias: preactForReact,
  define: { "process.env.NODE_ENV": '"production"' },
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log("Built the respondent form's server renderer: dist/respondent-ssr.mjs");
