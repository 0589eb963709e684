// Child process that runs the persona engine for the app: receives the input over IPC, reports
// progress, sends back the result. Keeping the CPU-heavy work here keeps the web server
// responsive, lets a run be cancelled by ending the process, and leaves the database to the
// parent (the embedded database allows one process).
import { runAnalysis } from "~/server/analysis/pipeline";
import { AnalysisInputError, type AnalysisOptions } from "~/server/analysis/pipeline-input";
import { ZAnalysisResult } from "~/server/analysis/result";
import { fromColumnar, type ColumnarInput } from "~/server/infra/worker/analysis-input-columns";

interface Job {
  input: ColumnarInput;
  options: AnalysisOptions;
}

process.once("message", (job: Job) => {
  try {
    const result = runAnalysis(fromColumnar(job.input), job.options, (progress) =>
      process.send?.({ type: "progress", ...progress }),
    );
    // Checked against the stored schema here rather than in the web process, which only stores
    // it: parsing a large result there would hold every other request of that process.
    process.send?.({ type: "result", result: ZAnalysisResult.parse(result) }, () =>
      process.exit(0),
    );
  } catch (error) {
    const known = error instanceof AnalysisInputError;
    process.send?.(
      {
        type: "error",
        known,
        message: error instanceof Error ? error.message : String(error),
      },
      () => process.exit(known ? 0 : 1),
    );
  }
});
