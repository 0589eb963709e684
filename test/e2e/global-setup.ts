// Once per e2e run (vitest globalSetup of the e2e project): a run-scoped folder where the harness
// keeps its prepared template databases (see harness.ts), removed when the run ends. Scoped to
// the run so that a template never outlives the migrations and seed it was made from.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const E2E_TEMPLATES_KEY = "e2eTemplatesDir";

declare module "vitest" {
  export interface ProvidedContext {
    [E2E_TEMPLATES_KEY]: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-e2e-templates-"));
  project.provide(E2E_TEMPLATES_KEY, dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
