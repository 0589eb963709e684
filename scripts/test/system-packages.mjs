// Test runner (scripts/test.mjs), system packages: the Debian packages the selected suites need
// (chromium and poppler-utils for e2e, postgresql for pg), installed with apt-get when running as
// root; otherwise the run stops and names the install command.
import { existsSync } from "node:fs";
import { postgresBinDir } from "../throwaway-postgres.mjs";
import { baseEnv, isRoot, runOrFail } from "./processes.mjs";
import { StepFailure } from "./report.mjs";

export const PG_PACKAGE = "postgresql";
const CHROMIUM_PACKAGE = "chromium";
const CHROMIUM_PATH = "/usr/bin/chromium";
// The review e2e test reads the exported persona PDF with pdfinfo, pdftotext and pdftoppm.
const POPPLER_PACKAGE = "poppler-utils";
const POPPLER_PATH = "/usr/bin/pdftoppm";

function missingPackages(selected) {
  const missing = [];
  if (selected.has("e2e") && !existsSync(CHROMIUM_PATH)) missing.push(CHROMIUM_PACKAGE);
  if (selected.has("e2e") && !existsSync(POPPLER_PATH)) missing.push(POPPLER_PACKAGE);
  if (selected.has("pg") && !postgresBinDir()) missing.push(PG_PACKAGE);
  return missing;
}

/**
 * @param {Set<string>} selected the suites this run runs
 * @param {string[]} suites every suite, to name the runnable ones when a package is missing
 */
export async function ensureSystemPackages(selected, suites) {
  const needs = [
    selected.has("e2e") ? `${CHROMIUM_PACKAGE} (${CHROMIUM_PATH})` : null,
    selected.has("e2e") ? `${POPPLER_PACKAGE} (${POPPLER_PATH})` : null,
    selected.has("pg") ? `${PG_PACKAGE} (/usr/lib/postgresql/*/bin)` : null,
  ].filter(Boolean);
  if (needs.length === 0) {
    console.log("Nothing needed for the selected suites.");
    return;
  }
  let missing = missingPackages(selected);
  if (missing.length === 0) {
    console.log(`Present: ${needs.join(", ")}`);
    return;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (!isRoot()) {
    const runnable = suites
      .filter(
        (s) =>
          !(
            s === "e2e" &&
            (missing.includes(CHROMIUM_PACKAGE) || missing.includes(POPPLER_PACKAGE))
          ) && !(s === "pg" && missing.includes(PG_PACKAGE)),
      )
      .join(",");
    throw new StepFailure(
      `Missing system package(s): ${missing.join(", ")}. Install them with\n` +
        `    sudo sh -c "${command}"\n` +
        `  or run only the suites that do not need them (npm test -- --only ${runnable}).`,
    );
  }
  if (!existsSync("/usr/bin/apt-get")) {
    throw new StepFailure(
      `Missing system package(s): ${missing.join(", ")}, and apt-get is not available to install them.`,
    );
  }
  console.log(`Missing: ${missing.join(", ")}; installing with apt-get.`);
  const env = baseEnv({ DEBIAN_FRONTEND: "noninteractive" });
  await runOrFail("apt-get update", "apt-get", ["update"], { env });
  await runOrFail(
    "apt-get install",
    "apt-get",
    ["install", "-y", "--no-install-recommends", ...missing],
    { env },
  );
  missing = missingPackages(selected);
  if (missing.length > 0) {
    throw new StepFailure(`apt-get finished but these are still missing: ${missing.join(", ")}`);
  }
}
