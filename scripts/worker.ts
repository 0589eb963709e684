// `npm run worker`: a long-lived worker process for PostgreSQL deployments. It pulls jobs (analysis
// runs) from the shared queue until it is stopped; run as many as the machine has cores to spare,
// next to web instances started with WORKER=off. Built to dist/worker.mjs by
// scripts/build-worker.mjs at `npm run build`, so no TypeScript is compiled at run time.
import { openDatabase } from "~/server/db/client";
import { describeTarget, resolveDatabaseTarget } from "~/server/db/target";
import { checkConfigAtBoot } from "~/server/infra/config";
import { createJobQueue } from "~/server/infra/jobs";
import { startWorker } from "~/server/worker/job-worker";
import { workerConcurrency } from "~/server/features/analysis-runs/analysis-jobs";
import { lowerToBackgroundPriority } from "~/server/infra/worker/background-priority";

async function main() {
  // Picks the bundled analysis child (analysis-worker-process.ts) and production defaults.
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= "production";
  checkConfigAtBoot();
  // Jobs are background work: web instances on the same machine get a core first (and the
  // analysis children this process starts inherit the priority).
  const nice = lowerToBackgroundPriority();
  const target = resolveDatabaseTarget();
  if (target.kind !== "postgres") {
    console.error(
      "npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the web server " +
        "is the worker: PGlite allows one process. Use npm start instead.",
    );
    process.exit(1);
  }
  const db = await openDatabase(target);
  const queue = createJobQueue();
  await startWorker(queue, db.prisma);
  console.log(
    `Persona Atlas worker ${process.pid} is pulling jobs from ${describeTarget(target)} ` +
      `(${workerConcurrency()} analysis run(s) at a time${nice === null ? "" : `, nice ${nice}`}).`,
  );
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Running jobs are handed back when their lease expires; nothing is marked failed here.
      void queue
        .stop()
        .then(() => db.close())
        .finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error("The worker could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
