// Starting and stopping a worker in a process: the web server's own worker (instrumentation.ts,
// unless WORKER=off) and the standalone `npm run worker` process both come through here.
import type { Db } from "~/server/db/client";
import { config, type Env } from "~/server/infra/config";
import type { JobQueue } from "~/server/infra/jobs";
import { recoverUnfinishedRuns, startWorking } from "../features/analysis-runs/analysis-jobs";
import {
  recoverUnfinishedFills,
  workOnJourneyRefills,
} from "../features/journeys/journey-refill-jobs";
import { recoverUnfinishedRenders, workOnRenders } from "../features/renders/render-job-runner";
import {
  recoverUnfinishedImports,
  workOnResponseImports,
} from "../features/responses/response-import-jobs";

/** WORKER=off makes a web-only instance; anything else (or unset) runs a worker in the process. */
export function workerEnabled(env?: Env): boolean {
  return config(env).workerEnabled;
}

/** Offers left-behind runs, imports, map fills and renders to the queue again, then pulls jobs. */
export async function startWorker(queue: JobQueue, db: Db): Promise<void> {
  const recovered = await recoverUnfinishedRuns(queue, db);
  if (recovered > 0 && queue.kind === "in-process") {
    console.log(`Resuming ${recovered} analysis run(s) left unfinished by the last stop.`);
  }
  const imports = await recoverUnfinishedImports(queue, db);
  if (imports > 0 && queue.kind === "in-process") {
    console.log(`Resuming ${imports} CSV import(s) left unfinished by the last stop.`);
  }
  const fills = await recoverUnfinishedFills(queue, db);
  if (fills > 0)
    console.log(`Resuming ${fills} journey map fill(s) left unfinished by the last stop.`);
  const renders = await recoverUnfinishedRenders(queue, db);
  if (renders > 0 && queue.kind === "in-process") {
    console.log(`Resuming ${renders} PDF/PNG download(s) left unfinished by the last stop.`);
  }
  await startWorking(queue, db);
  await workOnJourneyRefills(queue, db);
  await workOnResponseImports(queue, db);
  await workOnRenders(queue, db);
}
