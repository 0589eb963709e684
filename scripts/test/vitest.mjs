// Test runner (scripts/test.mjs), one vitest project run: starts vitest with a JSON report beside
// its usual output, adds the report's counts to the totals (a test file that failed outside any
// test counts as one failure) and turns a failed or empty run into a StepFailure.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { run, root } from "./processes.mjs";
import { StepFailure, say, totals } from "./report.mjs";

const REPORT_DIR = path.join(root, "test-results", "vitest");

/** @param {string[]} [extraArgs] more vitest options, e.g. --maxWorkers=1 */
export async function vitest(label, project, env, extraArgs = []) {
  mkdirSync(REPORT_DIR, { recursive: true });
  const reportPath = path.join(REPORT_DIR, `${label.replace(/[^a-z0-9-]+/gi, "-")}.json`);
  rmSync(reportPath, { force: true });
  const code = await run(
    "npx",
    [
      "vitest",
      "run",
      "--project",
      project,
      ...extraArgs,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportPath}`,
    ],
    { env },
  );

  let report = null;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8"));
  } catch {
    // no report: vitest crashed, found no test files, or was interrupted
  }
  let failed = 0;
  if (report) {
    const files = report.testResults ?? [];
    const loadErrors = files.filter(
      (f) =>
        f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    failed = (report.numFailedTests ?? 0) + loadErrors;
    const passed = report.numPassedTests ?? 0;
    const skippedTests = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += skippedTests;
    say(
      `--- ${label}: ${passed} passed, ${failed} failed, ${skippedTests} skipped` +
        ` (${files.length} test files${loadErrors ? `, ${loadErrors} failed outside any test: import error or hook` : ""})`,
    );
    if (code === 0 && passed + failed === 0) {
      throw new StepFailure(`${label}: no test ran (project "${project}" has only skipped tests)`);
    }
  }
  if (code !== 0) {
    const why = !report
      ? `vitest exited with code ${code} and wrote no report (a config error? interrupted?)`
      : (report.testResults ?? []).length === 0
        ? `vitest found no test files for project "${project}" (exit code ${code})`
        : `vitest exited with code ${code}`;
    throw new StepFailure(`${label}: ${why}; see the output above`, { counted: failed > 0 });
  }
}
