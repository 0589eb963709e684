// Runs once when the Next server starts: unless WORKER=off, this web process is also a worker and
// pulls background jobs (analysis runs) from the job queue. On the embedded database this is the
// only possible worker (PGlite is one process); on PostgreSQL, `npm run worker` processes can do
// the work instead and web instances run with WORKER=off.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { workerEnabled, startWorker } = await import("./server/worker/job-worker");
  const { getJobQueue } = await import("./server/infra/jobs");
  const { getDb } = await import("./server/db");
  const queue = getJobQueue();
  if (!workerEnabled()) {
    if (queue.kind === "in-process") {
      console.warn(
        "WORKER=off on the embedded database: nothing will run analyses (PGlite allows one process, so its worker must be the web server).",
      );
    }
    return;
  }
  try {
    await startWorker(queue, await getDb());
  } catch (error) {
    console.error("The background worker could not start; analyses will wait.", error);
  }
}
